// Backup and restore (QUALITY R6): every table read in one REPEATABLE READ snapshot (as JSON lines, in SQL: the
// embedded PostgreSQL ships no pg_dump), the files that snapshot references, the audit key file, and a manifest of
// hashes; restore only into an empty instance, verified against the manifest before it commits.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import type pg from 'pg';
import { runMigrations } from '../db/migrate.js';
import { sqlText } from '../db/sql-text.js';
import { copyVerified, listStoredFiles, sha256File, STORAGE_KEY } from './backup-files.js';

export const MANIFEST = 'manifest.json';
const FORMAT = 'jiebang-backup/1';
const BATCH = 1000;
/** Migrations are the code's, not data: restore re-creates them and checks they are the same. */
const MIGRATIONS_TABLE = 'drizzle.__drizzle_migrations';

export interface TableEntry {
  name: string;
  rows: number;
  /** Order-independent digest of the rows (see tableDigests); equal before the backup and after the restore. */
  digest: string;
  file: string;
  sha256: string;
}

export interface BackupManifest {
  format: typeof FORMAT;
  createdAt: string;
  serverVersion: string;
  migrations: string[];
  tables: TableEntry[];
  sequences: Array<{ name: string; value: string | null }>;
  files: Array<{ key: string; size: number; sha256: string }>;
  auditHead: { seq: number; hash: string } | null;
  /** Whether the audit key file of the data folder is in the backup (not when JIEBANG_AUDIT_KEY supplies it). */
  auditKey: boolean;
}

export class BackupError extends Error {}

type Queryable = Pick<pg.PoolClient, 'query'>;

export async function listTables(db: Queryable): Promise<string[]> {
  const { rows } = await db.query<{ name: string }>(
    `SELECT table_schema || '.' || table_name AS name FROM information_schema.tables
     WHERE table_type = 'BASE TABLE' AND (table_schema = 'public' OR (table_schema = 'drizzle' AND table_name = '__drizzle_migrations'))
     ORDER BY 1`,
  );
  return rows.map((r) => r.name);
}

/** Row count and digest of each table: SHA-256 over the sorted SHA-256 of each row's JSON (UTC, exact floats). */
export async function tableDigests(db: Queryable, tables?: string[]): Promise<Record<string, { rows: number; digest: string }>> {
  await db.query("SET TIME ZONE 'UTC'");
  await db.query('SET extra_float_digits = 1');
  const out: Record<string, { rows: number; digest: string }> = {};
  for (const name of tables ?? (await listTables(db))) {
    const { rows } = await db.query<{ n: number; digest: string }>(
      sqlText`SELECT count(*)::int AS n, encode(sha256(convert_to(coalesce(string_agg(h, '' ORDER BY h), ''), 'UTF8')), 'hex') AS digest
              FROM (SELECT encode(sha256(convert_to(row_to_json(t)::text, 'UTF8')), 'hex') AS h FROM ${name} t) rows`,
    );
    out[name] = { rows: rows[0]!.n, digest: rows[0]!.digest };
  }
  return out;
}

export async function migrationHashes(db: Queryable): Promise<string[]> {
  const { rows } = await db.query<{ hash: string }>(sqlText`SELECT hash FROM ${MIGRATIONS_TABLE} ORDER BY id`).catch(() => ({ rows: [] as { hash: string }[] }));
  return rows.map((r) => r.hash);
}

export async function auditHead(db: Queryable): Promise<{ seq: number; hash: string } | null> {
  const { rows } = await db.query<{ seq: string; hash: string }>('SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1');
  return rows[0] ? { seq: Number(rows[0].seq), hash: rows[0].hash } : null;
}

function writeLines(file: string): { write(line: string): Promise<void>; close(): Promise<string> } {
  const out = fs.createWriteStream(file, { flags: 'wx', mode: 0o600 });
  const hash = createHash('sha256');
  return {
    async write(line) {
      hash.update(line);
      if (!out.write(line)) await new Promise<void>((resolve) => out.once('drain', resolve));
    },
    close: () => new Promise((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve(hash.digest('hex'))))),
  };
}

function prepareTarget(dir: string): void {
  if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0) {
    throw new BackupError(`备份目录 ${dir} 不是空的，请指定一个新目录（the backup folder ${dir} is not empty: name a new one）`);
  }
  fs.mkdirSync(path.join(dir, 'tables'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'files'), { recursive: true });
}

/** Backs up the database and the files it references into `dir` (new or empty); returns the manifest written. */
export async function backup(pool: pg.Pool, options: { dir: string; filesDir: string; auditKeyFile: string | null }): Promise<BackupManifest> {
  prepareTarget(options.dir);
  const client = await pool.connect();
  const referenced = new Set<string>();
  let manifest: BackupManifest;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const tables = await listTables(client);
    const digests = await tableDigests(client, tables);
    const entries: TableEntry[] = [];
    for (const name of tables) {
      const file = `tables/${name}.jsonl`;
      const out = writeLines(path.join(options.dir, file));
      let rows = 0;
      await client.query(sqlText`DECLARE dump NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS j FROM ${name} t`);
      for (;;) {
        const batch = await client.query<{ j: string }>("FETCH 1000 FROM dump");
        for (const { j } of batch.rows) {
          // Storage keys anywhere in a row name the files this snapshot needs.
          for (const value of Object.values(JSON.parse(j) as Record<string, unknown>)) {
            if (typeof value === 'string' && STORAGE_KEY.test(value)) referenced.add(value);
          }
          await out.write(j + '\n');
          rows += 1;
        }
        if (batch.rows.length < BATCH) break;
      }
      await client.query('CLOSE dump');
      const sha256 = await out.close();
      if (rows !== digests[name]!.rows) throw new BackupError(`table ${name} changed inside the snapshot`);
      entries.push({ name, rows, digest: digests[name]!.digest, file, sha256 });
    }
    const sequences = await client.query<{ name: string; value: string | null }>(
      "SELECT schemaname || '.' || sequencename AS name, last_value::text AS value FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1",
    );
    manifest = {
      format: FORMAT,
      createdAt: new Date().toISOString(),
      serverVersion: (await client.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]!.v.split(' ')[0]!,
      migrations: await migrationHashes(client),
      tables: entries,
      sequences: sequences.rows,
      files: [],
      auditHead: await auditHead(client),
      auditKey: false,
    };
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
  // Stored files never change once written, so copying them after the snapshot gives exactly what it references.
  for (const key of [...referenced].sort()) {
    const source = path.join(options.filesDir, key);
    if (!fs.existsSync(source)) throw new BackupError(`the file ${key} that the database references is missing from ${options.filesDir}`);
    manifest.files.push({ key, ...(await copyVerified(source, path.join(options.dir, 'files', key))) });
  }
  if (options.auditKeyFile && fs.existsSync(options.auditKeyFile)) {
    fs.copyFileSync(options.auditKeyFile, path.join(options.dir, 'audit.key'));
    fs.chmodSync(path.join(options.dir, 'audit.key'), 0o600);
    manifest.auditKey = true;
  }
  fs.writeFileSync(path.join(options.dir, MANIFEST), JSON.stringify(manifest, null, 2) + '\n', { mode: 0o600 });
  return manifest;
}

async function verifyBackup(dir: string): Promise<BackupManifest> {
  const file = path.join(dir, MANIFEST);
  if (!fs.existsSync(file)) throw new BackupError(`${dir} 不是备份目录：缺少 ${MANIFEST}（${dir} is not a backup: no ${MANIFEST}）`);
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as BackupManifest;
  if (manifest.format !== FORMAT) throw new BackupError(`unknown backup format ${String(manifest.format)}`);
  for (const t of manifest.tables) {
    if ((await sha256File(path.join(dir, t.file))) !== t.sha256) throw new BackupError(`备份已损坏：${t.file} 的哈希不符（the backup is damaged: ${t.file} does not match its hash）`);
  }
  for (const f of manifest.files) {
    if (!STORAGE_KEY.test(f.key) || (await sha256File(path.join(dir, 'files', f.key))) !== f.sha256) {
      throw new BackupError(`备份已损坏：文件 ${f.key} 的哈希不符（the backup is damaged: file ${f.key} does not match its hash）`);
    }
  }
  return manifest;
}

/** Tables ordered so that every table comes after those its foreign keys point to. */
async function loadOrder(db: Queryable, tables: string[]): Promise<string[]> {
  const { rows } = await db.query<{ child: string; parent: string }>(
    `SELECT cn.nspname || '.' || c.relname AS child, pn.nspname || '.' || p.relname AS parent
     FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace cn ON cn.oid = c.relnamespace
     JOIN pg_class p ON p.oid = k.confrelid JOIN pg_namespace pn ON pn.oid = p.relnamespace WHERE k.contype = 'f'`,
  );
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (t: string) => {
    if (state.get(t) === 'done') return;
    if (state.get(t) === 'visiting') throw new BackupError(`foreign keys form a cycle through ${t}`);
    state.set(t, 'visiting');
    for (const r of rows) if (r.child === t && r.parent !== t && tables.includes(r.parent)) visit(r.parent);
    state.set(t, 'done');
    order.push(t);
  };
  tables.forEach(visit);
  return order;
}

async function readBatches(file: string, size: number, onBatch: (rows: string[]) => Promise<void>): Promise<void> {
  const lines = readline.createInterface({ input: fs.createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let batch: string[] = [];
  for await (const line of lines) {
    if (!line) continue;
    batch.push(line);
    if (batch.length >= size) {
      await onBatch(batch);
      batch = [];
    }
  }
  if (batch.length > 0) await onBatch(batch);
}

async function refuseNonEmpty(db: Queryable, filesDir: string): Promise<void> {
  for (const name of await listTables(db)) {
    if (name === MIGRATIONS_TABLE) continue;
    const { rows } = await db.query<{ any: boolean }>(sqlText`SELECT EXISTS (SELECT 1 FROM ${name}) AS any`);
    if (rows[0]!.any) {
      throw new BackupError(`只能恢复到空实例：表 ${name} 中已有数据（restore goes into an empty instance only: table ${name} has rows）`);
    }
  }
  if (listStoredFiles(filesDir).length > 0) {
    throw new BackupError(`只能恢复到空实例：文件目录 ${filesDir} 中已有文件（restore goes into an empty instance only: ${filesDir} holds files）`);
  }
}

export interface RestoreReport {
  tables: number;
  rows: number;
  files: number;
  auditHead: { seq: number; hash: string } | null;
}

/** Restores `dir` into an empty database and file folder; nothing is committed unless every table digest matches. */
export async function restore(pool: pg.Pool, options: { dir: string; filesDir: string; auditKeyFile: string | null }): Promise<RestoreReport> {
  const manifest = await verifyBackup(options.dir);
  const client = await pool.connect();
  const copied: string[] = [];
  try {
    await refuseNonEmpty(client, options.filesDir);
    if (manifest.auditKey && options.auditKeyFile && fs.existsSync(options.auditKeyFile)) {
      if (fs.readFileSync(options.auditKeyFile, 'utf8').trim() !== fs.readFileSync(path.join(options.dir, 'audit.key'), 'utf8').trim()) {
        throw new BackupError(`${options.auditKeyFile} 与备份中的审计密钥不同（${options.auditKeyFile} differs from the audit key in the backup）: remove it first`);
      }
    }
    await runMigrations(pool);
    const here = await migrationHashes(client);
    if (here.join() !== manifest.migrations.join()) {
      throw new BackupError(
        `备份的数据库结构（${manifest.migrations.length} 个迁移）与本版本（${here.length} 个）不同，请用生成备份的版本恢复（the backup has ${manifest.migrations.length} migrations, this version ${here.length}: restore with the version that made it）`,
      );
    }
    for (const f of manifest.files) {
      await copyVerified(path.join(options.dir, 'files', f.key), path.join(options.filesDir, f.key), f.sha256);
      copied.push(f.key);
    }
    await client.query('BEGIN');
    await client.query("SET LOCAL TIME ZONE 'UTC'");
    const byName = new Map(manifest.tables.map((t) => [t.name, t]));
    const tables = manifest.tables.map((t) => t.name).filter((t) => t !== MIGRATIONS_TABLE);
    const selfReferencing = new Set(
      (await client.query<{ t: string }>(`SELECT DISTINCT n.nspname || '.' || c.relname AS t FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE k.contype = 'f' AND k.conrelid = k.confrelid`)).rows.map((r) => r.t),
    );
    let rows = 0;
    for (const name of await loadOrder(client, tables)) {
      const entry = byName.get(name)!;
      // A table pointing at itself is loaded in one statement, so its foreign keys are checked once all its rows are in.
      await readBatches(path.join(options.dir, entry.file), selfReferencing.has(name) ? Number.MAX_SAFE_INTEGER : BATCH, async (batch) => {
        await client.query(sqlText`INSERT INTO ${name} OVERRIDING SYSTEM VALUE SELECT * FROM json_populate_recordset(NULL::${name}, $1::json)`, [`[${batch.join(',')}]`]);
        rows += batch.length;
      });
    }
    for (const s of manifest.sequences) {
      if (s.value !== null) await client.query('SELECT setval($1::regclass, $2::bigint, true)', [s.name, s.value]);
    }
    const after = await tableDigests(client, manifest.tables.map((t) => t.name));
    const differing = manifest.tables.filter((t) => after[t.name]?.digest !== t.digest).map((t) => t.name);
    if (differing.length > 0) throw new BackupError(`恢复后的数据与备份不符（restored rows differ from the backup in ${differing.join(', ')}）`);
    await client.query('COMMIT');
    if (manifest.auditKey && options.auditKeyFile && !fs.existsSync(options.auditKeyFile)) {
      fs.mkdirSync(path.dirname(options.auditKeyFile), { recursive: true });
      fs.copyFileSync(path.join(options.dir, 'audit.key'), options.auditKeyFile);
      fs.chmodSync(options.auditKeyFile, 0o600);
    }
    return { tables: manifest.tables.length, rows, files: manifest.files.length, auditHead: await auditHead(client) };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    for (const key of copied) fs.rmSync(path.join(options.filesDir, key), { force: true });
    if (error instanceof BackupError) throw error;
    const reason = String((error as Error)?.message ?? error).split('\n')[0];
    throw new BackupError(`恢复失败，未写入任何数据：${reason}（the restore failed and committed nothing: ${reason}）`, { cause: error });
  } finally {
    client.release();
  }
}
