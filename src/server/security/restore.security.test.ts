// QUALITY R6, the drill: `cli backup` of a running instance (writes going on meanwhile), `cli restore` into a new,
// empty embedded instance, then every table's row digest, every file's hash and the audit chain head compared, and
// the restored instance checked by `audit:verify` and `check-invariants`. A damaged backup, a backup that lost a row,
// and a non-empty target are refused.
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256File, listStoredFiles } from '../cli/backup-files.js';
import { auditHead, tableDigests, type BackupManifest } from '../cli/backup.js';
import { freePort, startEmbeddedPostgres, type EmbeddedServer } from '../db/embedded.js';
import { verifyAuditChain } from '../modules/audit/audit.service.js';
import { connectDatabase } from '../db/client.js';
import { TEST_AUDIT_CONFIG } from '../test/audit-config.js';
import { createEmptyDatabase } from '../test/database.js';
import { recordSection } from '../test/harness/report.js';
import { buildScenario, type Scenario } from '../test/harness/scenario.js';
import { runTs } from '../test/process.js';

const tmp = (name: string) => {
  const dir = fs.mkdtempSync(path.join('/tmp', `jiebang-drill-${name}-`));
  fs.chmodSync(dir, 0o755);
  return dir;
};
const cli = async (args: string[], env: Record<string, string | undefined>) => {
  const run = runTs('src/server/cli/main.ts', args, env);
  return { code: await run.exited, output: run.output() };
};

/** Tables whose digests differ between two instances, with their row counts. */
function digestDifferences(a: Record<string, { rows: number; digest: string }>, b: Record<string, { rows: number; digest: string }>): string[] {
  const names = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return names.filter((n) => a[n]?.digest !== b[n]?.digest).map((n) => `${n}: ${a[n]?.rows ?? 'absent'} rows before, ${b[n]?.rows ?? 'absent'} after`);
}

let s: Scenario;
let sourceDir: string;
let backupDir: string;
let targetDir: string;
let target: EmbeddedServer;
let manifest: BackupManifest;
const figures: Array<[string, string | number | boolean]> = [];

beforeAll(async () => {
  s = await buildScenario();
  sourceDir = tmp('source');
  fs.symlinkSync(s.t.filesDir, path.join(sourceDir, 'files'));
  fs.writeFileSync(path.join(sourceDir, 'audit.key'), TEST_AUDIT_CONFIG.key.toString('hex') + '\n', { mode: 0o600 });
  backupDir = path.join(tmp('backup'), 'copy');
  targetDir = tmp('target');
});
afterAll(async () => {
  await target?.stop();
  for (const dir of [sourceDir, path.dirname(backupDir), targetDir]) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the backup and restore drill', () => {
  it('backs up a running instance consistently while it keeps writing', async () => {
    const writes: Array<Promise<unknown>> = [];
    const backup = runTs('src/server/cli/main.ts', ['backup', backupDir], { DATABASE_URL: s.t.database.url, JIEBANG_DATA_DIR: sourceDir });
    // Failed sign-ins write audit records and rate-limit rows while the snapshot is read.
    for (let i = 0; i < 40; i += 1) writes.push(s.t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: `nobody${i}@example.cn`, password: 'wrong-Passw0rd' } }));
    await Promise.all(writes);
    expect(await backup.exited, backup.output()).toBe(0);
    manifest = JSON.parse(fs.readFileSync(path.join(backupDir, 'manifest.json'), 'utf8'));
    expect(manifest.files.length).toBeGreaterThanOrEqual(5);
    expect(manifest.auditKey).toBe(true);
    // The snapshot's audit chain is whole by itself: the head it names is the last record it holds.
    const audit = manifest.tables.find((t) => t.name === 'public.audit_events')!;
    expect(audit.rows).toBe(manifest.auditHead!.seq);
    figures.push(['writes during the backup', writes.length]);
  });

  it('restores into a new embedded instance with identical rows, files and audit chain head', async () => {
    const port = await freePort();
    const restore = await cli(['restore', backupDir], { DATABASE_URL: undefined, JIEBANG_DATA_DIR: targetDir, JIEBANG_DB_PORT: String(port) });
    expect(restore.code, restore.output).toBe(0);
    target = await startEmbeddedPostgres({ dataDir: targetDir, port });
    const restored = connectDatabase(target.url, { max: 2 });
    try {
      const client = await restored.pool.connect();
      let after: Awaited<ReturnType<typeof tableDigests>>;
      try {
        after = await tableDigests(client);
        expect(await auditHead(client)).toEqual(manifest.auditHead);
      } finally {
        client.release();
      }
      const before = Object.fromEntries(manifest.tables.map((t) => [t.name, { rows: t.rows, digest: t.digest }]));
      const differences = digestDifferences(before, after);
      expect(differences).toEqual([]);
      const files = listStoredFiles(path.join(targetDir, 'files'));
      expect(files).toEqual(manifest.files.map((f) => f.key).sort());
      for (const f of manifest.files) {
        expect(await sha256File(path.join(targetDir, 'files', f.key))).toBe(await sha256File(path.join(s.t.filesDir, f.key)));
      }
      const key = Buffer.from(fs.readFileSync(path.join(targetDir, 'audit.key'), 'utf8').trim(), 'hex');
      const chain = await verifyAuditChain(restored.db, key);
      expect(chain).toMatchObject({ ok: true, headHash: manifest.auditHead!.hash });
      figures.push(
        ['tables', manifest.tables.length],
        ['rows', manifest.tables.reduce((n, t) => n + t.rows, 0)],
        ['tables with equal row digests', `${manifest.tables.length - differences.length} of ${manifest.tables.length}`],
        ['files with equal SHA-256', `${manifest.files.length} of ${manifest.files.length}`],
        ['audit chain head equal and sealed', chain.ok],
      );
    } finally {
      await restored.close();
    }
    const env = { DATABASE_URL: target.url, JIEBANG_DATA_DIR: targetDir };
    const verified = await cli(['audit:verify'], env);
    expect(verified.code, verified.output).toBe(0);
    const invariants = await cli(['check-invariants'], env);
    expect(invariants.code, invariants.output).toBe(0);
  });

  it('refuses a target that is not empty', async () => {
    const again = await cli(['restore', backupDir], { DATABASE_URL: target.url, JIEBANG_DATA_DIR: targetDir });
    expect(again.code).toBe(1);
    expect(again.output).toMatch(/只能恢复到空实例：表 \S+ 中已有数据（restore goes into an empty instance only/);
  });

  it('refuses a damaged backup, and a backup that lost a row, committing nothing', async () => {
    const empty = await createEmptyDatabase();
    afterAll(() => empty.drop());
    const env = { DATABASE_URL: empty.url, JIEBANG_DATA_DIR: tmp('empty') };
    const damaged = path.join(path.dirname(backupDir), 'damaged');
    fs.cpSync(backupDir, damaged, { recursive: true });
    const usersFile = path.join(damaged, 'tables', 'public.users.jsonl');
    fs.appendFileSync(usersFile, '\n');
    const refused = await cli(['restore', damaged], env);
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('备份已损坏：tables/public.users.jsonl 的哈希不符');

    // Planted defects: the backup lost a user row (others point at it), or an audit record (nothing points at it),
    // and its manifest was "fixed" to match the shorter file.
    const usersLines = fs.readFileSync(usersFile, 'utf8').trim().split('\n');
    fs.writeFileSync(usersFile, usersLines.slice(1).join('\n') + '\n');
    const planted: BackupManifest = JSON.parse(fs.readFileSync(path.join(damaged, 'manifest.json'), 'utf8'));
    planted.tables.find((t) => t.name === 'public.users')!.sha256 = await sha256File(usersFile);
    fs.writeFileSync(path.join(damaged, 'manifest.json'), JSON.stringify(planted));
    const dangling = await cli(['restore', damaged], env);
    expect(dangling.code).toBe(1);
    expect(dangling.output).toMatch(/恢复失败，未写入任何数据：.*violates foreign key constraint/);
    fs.copyFileSync(path.join(backupDir, 'tables', 'public.users.jsonl'), usersFile);
    planted.tables.find((t) => t.name === 'public.users')!.sha256 = await sha256File(usersFile);
    const auditFile = path.join(damaged, 'tables', 'public.audit_events.jsonl');
    const auditLines = fs.readFileSync(auditFile, 'utf8').trim().split('\n');
    fs.writeFileSync(auditFile, auditLines.slice(0, -1).join('\n') + '\n');
    planted.tables.find((t) => t.name === 'public.audit_events')!.sha256 = await sha256File(auditFile);
    fs.writeFileSync(path.join(damaged, 'manifest.json'), JSON.stringify(planted));
    const lost = await cli(['restore', damaged], env);
    expect(lost.code).toBe(1);
    expect(lost.output).toContain('restored rows differ from the backup in public.audit_events');
    const client = new pg.Client({ connectionString: empty.url });
    await client.connect();
    const users = await client.query('SELECT count(*)::int AS n FROM users').catch(() => ({ rows: [{ n: 0 }] }));
    await client.end();
    expect(users.rows[0].n).toBe(0);
    figures.push(['damaged backup refused', true], ['backup missing a row refused (planted)', true], ['non-empty target refused', true]);
    recordSection('restore', figures);
  });
});
