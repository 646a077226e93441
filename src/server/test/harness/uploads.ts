// Uploads (QUALITY S8) over every multipart route: a hostile corpus (renamed executables, HTML polyglots, empty,
// truncated, oversized, traversal names) is refused by content and leaves no file behind; what is kept has a harmless
// name and downloads as an attachment with nosniff.
import fs from 'node:fs';
import { as, multipartFile, type Session } from '../factories.js';
import type { Scenario } from './scenario.js';
import { pdf } from './scenario.js';

/** Every multipart route and what it takes. A new upload route must be added here (the test names it otherwise). */
export const UPLOAD_ROUTES: Record<string, 'pdf' | 'workbook'> = {
  'POST /api/applications/:id/attachments': 'pdf',
  'POST /api/admin/review-events/:id/report': 'pdf',
  'POST /api/admin/programs/import.xlsx': 'workbook',
  'POST /api/admin/programs/:programId/experts/import.xlsx': 'workbook',
  'POST /api/applications/:id/lab-reports': 'pdf',
  'POST /api/applications/:id/progress-reports/:milestoneId/files': 'pdf',
};

export const HOSTILE: Array<{ name: string; content: Buffer; pdf: number; workbook: number }> = [
  { name: 'setup.pdf', content: Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00'), Buffer.alloc(4096, 1)]), pdf: 415, workbook: 415 },
  { name: 'tool.pdf', content: Buffer.concat([Buffer.from('\x7fELF\x02\x01\x01'), Buffer.alloc(4096, 2)]), pdf: 415, workbook: 415 },
  { name: 'page.pdf', content: Buffer.from('<html><script>alert(document.cookie)</script></html>\n%PDF-1.4\n%%EOF\n'), pdf: 415, workbook: 415 },
  { name: 'empty.pdf', content: Buffer.alloc(0), pdf: 415, workbook: 415 },
  { name: 'truncated.pdf', content: Buffer.from('%PDF-1.7\n1 0 obj << >> endobj\n'), pdf: 415, workbook: 415 },
  { name: 'archive.xlsx.pdf', content: Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(2048, 3)]), pdf: 415, workbook: 415 },
  { name: 'huge.pdf', content: Buffer.concat([pdf(), Buffer.alloc(10 * 1024 * 1024 + 10, 0x20)]), pdf: 413, workbook: 413 },
];

function storedFiles(dir: string): number {
  return fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true }).filter((f) => String(f).length > 3).length : 0;
}

/** Problems of one upload route (empty when it refuses the corpus by content and keeps names harmless). */
export async function uploadProblems(s: Scenario, key: string, url: string, session: Session | null, kind: 'pdf' | 'workbook', download?: (created: Record<string, unknown>) => string): Promise<string[]> {
  const problems: string[] = [];
  const before = storedFiles(s.t.filesDir);
  for (const item of HOSTILE) {
    const res = await as(s.t.app, session, { method: 'POST', url, ...multipartFile(item.name, item.content, kind === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet') });
    if (res.statusCode !== item[kind]) problems.push(`${key}: ${item.name} answered ${res.statusCode}, not ${item[kind]}`);
  }
  if (storedFiles(s.t.filesDir) !== before) problems.push(`${key}: refused uploads left ${storedFiles(s.t.filesDir) - before} file(s) in the store`);
  if (kind === 'pdf') {
    const res = await as(s.t.app, session, { method: 'POST', url, ...multipartFile('../../../etc/cron.d/\u202Eevil.pdf', pdf(), 'text/html') });
    if (res.statusCode >= 300) problems.push(`${key}: a PDF with a traversal name answered ${res.statusCode}`);
    else {
      const body = res.json() as Record<string, unknown>;
      const name = String(body.name ?? (body.report as { name?: string } | undefined)?.name ?? '');
      if (name.includes('/') || name.includes('..') || name.includes('\\')) problems.push(`${key}: kept the name ${JSON.stringify(name)}`);
      if (download) {
        const file = await as(s.t.app, session, { method: 'GET', url: download(body) });
        if (!String(file.headers['content-disposition'] ?? '').startsWith('attachment')) problems.push(`${key}: the download is not an attachment`);
        if (file.headers['x-content-type-options'] !== 'nosniff') problems.push(`${key}: the download has no nosniff`);
      }
    }
  }
  return problems;
}
