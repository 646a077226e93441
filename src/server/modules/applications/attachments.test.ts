// Attachments: PDF by content, limits, hashes computed while streaming, safe names and downloads; a hostile corpus is
// refused and leaves nothing behind (QUALITY S8).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import smCrypto from 'sm-crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.js';
import { as, multipartFile, registerApplicant, type Session } from '../../test/factories.js';

let t: TestApp;
let applicant: Session;
let id: string;

const pdf = (body = 'hello') => Buffer.from(`%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n% ${body}\ntrailer << >>\n%%EOF\n`);
const upload = (content: Buffer | string, filename = 'plan.pdf', who: Session = applicant) => {
  const { payload, headers } = multipartFile(filename, content, 'application/pdf');
  return as(t.app, who, { method: 'POST', url: `/api/applications/${id}/attachments`, payload, headers });
};
const storedFiles = () => (fs.existsSync(t.filesDir) ? fs.readdirSync(t.filesDir, { recursive: true }).filter((f) => String(f).length > 3) : []);
const attachmentRows = async () => (await t.database.pool.query('SELECT count(*)::int AS n FROM attachments WHERE application_id = $1', [id])).rows[0].n as number;

beforeAll(async () => {
  t = await createTestApp();
  const now = Date.parse((await t.app.inject({ method: 'GET', url: '/api/health' })).json().now);
  await t.database.pool.query(
    "UPDATE program_phases SET opens_at = $1, closes_at = $2 WHERE key = 'application' AND program_id = (SELECT id FROM programs WHERE code = 'ai-2018')",
    [new Date(now - 86_400_000), new Date(now + 86_400_000)],
  );
  applicant = await registerApplicant(t.app);
  const catalogue = (await t.app.inject({ method: 'GET', url: '/api/programs/ai-2018/catalogue' })).json();
  const res = await as(t.app, applicant, { method: 'POST', url: '/api/applications', payload: { programId: catalogue.programId, subfieldId: catalogue.directions[0].subfields[0].id } });
  id = res.json().id;
});

describe('attachments', () => {
  it('stores a PDF with its SHA-256 and SM3, and downloads it as an attachment', async () => {
    const content = pdf('技术方案');
    const res = await upload(content, '技术方案.pdf');
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({ name: '技术方案.pdf', size: content.length, sha256: createHash('sha256').update(content).digest('hex'), sm3: smCrypto.sm3(content) });
    const download = await as(t.app, applicant, { method: 'GET', url: `/api/applications/${id}/attachments/${created.id}` });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(content)).toBe(true);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toMatch(/^attachment; filename=".*"; filename\*=UTF-8''/);
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    const app = (await as(t.app, applicant, { method: 'GET', url: `/api/applications/${id}` })).json();
    expect(app.attachments).toEqual([created]);
    const other = await registerApplicant(t.app);
    expect((await as(t.app, other, { method: 'GET', url: `/api/applications/${id}/attachments/${created.id}` })).statusCode).toBe(404);
  });

  it('refuses a hostile corpus without keeping anything', async () => {
    const rowsBefore = await attachmentRows();
    const filesBefore = storedFiles().length;
    const corpus: Array<[string, Buffer | string, number]> = [
      ['setup.pdf', Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00'), Buffer.alloc(2048, 1)]), 415],
      ['polyglot.pdf', `<html><script>alert(1)</script></html>\n%PDF-1.4\n%%EOF\n`, 415],
      ['empty.pdf', '', 415],
      ['no-trailer.pdf', '%PDF-1.7\n1 0 obj << >> endobj\n', 415],
      ['huge.pdf', Buffer.concat([pdf(), Buffer.alloc(10 * 1024 * 1024, 0x20)]), 413],
    ];
    for (const [name, content, status] of corpus) {
      const res = await upload(content, name);
      expect(res.statusCode, name).toBe(status);
    }
    expect(await attachmentRows()).toBe(rowsBefore);
    expect(storedFiles().length).toBe(filesBefore);
  });

  it('keeps names harmless: no folders, at most 200 characters', async () => {
    const traversal = await upload(pdf(), '../../../etc/passwd.pdf');
    expect(traversal.json().name).toBe('passwd.pdf');
    const windows = await upload(pdf(), '..\\..\\boot.ini.pdf');
    expect(windows.json().name).toBe('boot.ini.pdf');
    const long = await upload(pdf(), `${'人工智能芯片技术方案'.repeat(30)}.pdf`);
    expect([...long.json().name]).toHaveLength(200);
    for (const file of storedFiles()) expect(path.basename(String(file))).toMatch(/^[0-9a-f]{2}$|^[0-9a-f-]{36}$/);
  });

  it('limits the number of attachments, removes while editable, and stops once submitted', async () => {
    let count = (await as(t.app, applicant, { method: 'GET', url: `/api/applications/${id}` })).json().attachments.length;
    while (count < 10) {
      expect((await upload(pdf(String(count)))).statusCode).toBe(201);
      count += 1;
    }
    expect((await upload(pdf('eleventh'))).json().error.code).toBe('QUOTA_EXCEEDED');
    const app = (await as(t.app, applicant, { method: 'GET', url: `/api/applications/${id}` })).json();
    const removed = await as(t.app, applicant, { method: 'DELETE', url: `/api/applications/${id}/attachments/${app.attachments[0].id}` });
    expect(removed.statusCode).toBe(204);
    expect((await upload(pdf('again'))).statusCode).toBe(201);
    await t.database.pool.query("UPDATE applications SET status = 'submitted' WHERE id = $1", [id]);
    expect((await upload(pdf('late'))).json().error.code).toBe('INVALID_TRANSITION');
    expect((await as(t.app, applicant, { method: 'DELETE', url: `/api/applications/${id}/attachments/${app.attachments[1].id}` })).json().error.code).toBe('INVALID_TRANSITION');
  });
});
