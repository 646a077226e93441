// The command line: `jiebang <command>` (or `npm run cli -- <command>`), reusing the services.
import path from 'node:path';
import { parseArgs } from 'node:util';
import fs from 'node:fs';
import { loadConfig, type Config } from '../config.js';
import { buildDemo, emptyDatabase } from '../demo/demo.js';
import { LocalFileStore } from '../storage/file-store.js';
import { ensureAdminFromEnv } from '../modules/accounts/accounts.service.js';
import { openDatabase, type OpenDatabase } from '../db/open.js';
import { runMigrations } from '../db/migrate.js';
import { AppError } from '../http/app-error.js';
import { checkInvariants } from '../invariants.js';
import { LaunchError } from '../launch-error.js';
import type { ServiceContext } from '../http/request-context.js';
import { createAdmin } from '../modules/accounts/accounts.service.js';
import { ensureProvincialRecommenders } from '../modules/accounts/recommenders.service.js';
import { loadAuditKey } from '../modules/audit/audit-key.js';
import { verifyAuditChain } from '../modules/audit/audit.service.js';
import { systemContext } from '../system-context.js';
import { ensureBuiltInProgram } from '../modules/programs/programs.service.js';
import { backup, BackupError, restore } from './backup.js';

const USAGE = `用法 Usage: jiebang <command> [options]

  migrate              apply database migrations and load the built-in program
  create-admin         create an administrator (system admin + program admin of all programs)
                         --email <e-mail> --name <name>; the password is read from
                         JIEBANG_ADMIN_PASSWORD or from standard input
  check-invariants     check the cross-table rules; exit code 1 when one is broken
  audit:verify         verify the audit hash chain and its seals; exit code 1 at the first broken record
  demo:reset           empty the database and the uploaded files, then build the demo again (demo mode only,
                         with the platform stopped)
  backup <dir>         back up the database (one consistent snapshot), the files it references and the audit key
                         file into a new folder, with a manifest of hashes (also while the platform is running)
  restore <dir>        restore a backup into an empty instance (an empty database and file folder; refused
                         otherwise); every table is checked against the manifest before anything is committed
  help                 show this text

The database is DATABASE_URL, or the embedded PostgreSQL in JIEBANG_DATA_DIR (default ./data),
also while the platform is running.`;

async function readStdinLine(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Password: ');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

type Command = (database: OpenDatabase, args: string[], ctx: () => ServiceContext, config: Config) => Promise<number>;

/** Where the platform keeps uploaded files and (unless JIEBANG_AUDIT_KEY is set) its audit key. */
const filesDirOf = (config: Config) => path.join(config.dataDir, 'files');
const auditKeyFileOf = (config: Config) => (config.auditKey ? null : path.join(config.dataDir, 'audit.key'));

function folderArgument(args: string[], command: string): string | null {
  const dir = args[0];
  if (!dir || args.length > 1) {
    console.error(`${command} needs one folder: jiebang ${command} <dir>`);
    return null;
  }
  return path.resolve(dir);
}

const COMMANDS: Record<string, Command> = {
  async migrate(database, _args, ctx) {
    await runMigrations(database.pool);
    await ensureBuiltInProgram(database.db);
    await ensureProvincialRecommenders(ctx());
    console.log('migrations applied; built-in program present');
    return 0;
  },

  async 'create-admin'(database, args, ctx) {
    const { values } = parseArgs({ args, options: { email: { type: 'string' }, name: { type: 'string' } } });
    if (!values.email) {
      console.error('create-admin needs --email');
      return 2;
    }
    await runMigrations(database.pool);
    const password = process.env.JIEBANG_ADMIN_PASSWORD || (await readStdinLine());
    const created = await createAdmin(ctx(), {
      email: values.email,
      name: values.name ?? '系统管理员',
      password,
    });
    console.log(`created administrator ${created.email} (${created.id})`);
    return 0;
  },

  async 'audit:verify'(database, _args, ctx) {
    const report = await verifyAuditChain(database.db, ctx().auditConfig.key);
    if (report.ok) {
      console.log(`audit chain intact: ${report.records} records, head ${report.headHash}`);
      return 0;
    }
    console.log(`AUDIT CHAIN BROKEN at record ${report.firstBroken!.seq}: ${report.firstBroken!.reason}`);
    console.log(`(${report.records} records verified before it)`);
    return 1;
  },

  async 'demo:reset'(database, _args, context, config) {
    if (!config.demo) {
      console.error('demo:reset works in demo mode only (the embedded database, or JIEBANG_DEMO=1 outside production): nothing changed');
      return 2;
    }
    const others = await database.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend' AND pid <> pg_backend_pid()`,
    );
    if ((others.rows[0]?.n ?? 0) > 0) {
      console.error(`the platform is running (${others.rows[0]!.n} other connections to its database): stop it first, then run demo:reset`);
      return 1;
    }
    const ctx = context();
    await emptyDatabase(database.db);
    fs.rmSync(filesDirOf(config), { recursive: true, force: true });
    await runMigrations(database.pool);
    await ensureBuiltInProgram(database.db);
    await ensureProvincialRecommenders(ctx);
    await ensureAdminFromEnv(ctx, config.adminEmail, config.adminPassword);
    // No background work is needed while building; a job queued meanwhile is taken up at the next start.
    await buildDemo({
      db: database.db,
      auditConfig: ctx.auditConfig,
      jobs: { send: async () => undefined, stop: async () => undefined },
      files: new LocalFileStore(filesDirOf(config)),
      log: (l) => console.log(l),
    });
    console.log('the demo is built again; start the platform with npm start');
    return 0;
  },

  async 'check-invariants'(database) {
    const report = await checkInvariants(database.db);
    for (const result of report.results) {
      console.log(`${result.violations.length === 0 ? 'ok  ' : 'FAIL'} ${result.name}`);
      for (const violation of result.violations) console.log(`     - ${violation}`);
    }
    return report.ok ? 0 : 1;
  },

  async backup(database, args, _ctx, config) {
    const dir = folderArgument(args, 'backup');
    if (!dir) return 2;
    const manifest = await backup(database.pool, { dir, filesDir: filesDirOf(config), auditKeyFile: auditKeyFileOf(config) });
    const rows = manifest.tables.reduce((n, t) => n + t.rows, 0);
    console.log(`backed up ${manifest.tables.length} tables (${rows} rows), ${manifest.files.length} files into ${dir}`);
    console.log(`audit chain head: ${manifest.auditHead ? `record ${manifest.auditHead.seq}, ${manifest.auditHead.hash}` : 'empty'}`);
    if (!manifest.auditKey) console.log('the audit key is not in the backup (JIEBANG_AUDIT_KEY): keep it with the backup to verify the seals');
    return 0;
  },

  async restore(database, args, _ctx, config) {
    const dir = folderArgument(args, 'restore');
    if (!dir) return 2;
    const report = await restore(database.pool, { dir, filesDir: filesDirOf(config), auditKeyFile: auditKeyFileOf(config) });
    console.log(`restored ${report.tables} tables (${report.rows} rows) and ${report.files} files from ${dir}`);
    console.log(`audit chain head: ${report.auditHead ? `record ${report.auditHead.seq}, ${report.auditHead.hash}` : 'empty'}`);
    return 0;
  },
};

export async function runCli(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help') {
    console.log(USAGE);
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`unknown command: ${name}\n\n${USAGE}`);
    return 2;
  }
  let database: OpenDatabase | undefined;
  try {
    const config = loadConfig();
    database = await openDatabase(config, { reuseRunning: true, log: (l) => console.error(`[jiebang] ${l}`) });
    const db = database.db;
    // The audit key is read (or made) only by the commands that use it: restore brings the backup's own.
    const ctx = () => systemContext(db, { key: loadAuditKey({ envKey: config.auditKey, dataDir: config.dataDir }), alg: config.auditHash }, new Date(), `cli:${name}`);
    return await command(database, args, ctx, config);
  } catch (error) {
    if (error instanceof LaunchError) console.error(error.toLine());
    else if (error instanceof BackupError) console.error(error.message);
    else if (error instanceof AppError) {
      console.error(error.localized.zh + ' / ' + error.localized.en);
      for (const d of error.localizedDetails('zh') ?? []) console.error(`  ${d.path}: ${d.message}`);
    } else console.error((error as Error)?.stack ?? String(error));
    return 1;
  } finally {
    await database?.shutdown();
  }
}

process.exit(await runCli(process.argv.slice(2)));
