// The command line: `jiebang <command>` (or `npm run cli -- <command>`), reusing the services.
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
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

const USAGE = `用法 Usage: jiebang <command> [options]

  migrate              apply database migrations and load the built-in program
  create-admin         create an administrator (system admin + program admin of all programs)
                         --email <e-mail> --name <name>; the password is read from
                         JIEBANG_ADMIN_PASSWORD or from standard input
  check-invariants     check the cross-table rules; exit code 1 when one is broken
  audit:verify         verify the audit hash chain and its seals; exit code 1 at the first broken record
  help                 show this text

The database is DATABASE_URL, or the embedded PostgreSQL in JIEBANG_DATA_DIR (default ./data),
also while the platform is running.`;

async function readStdinLine(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Password: ');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

type Command = (database: OpenDatabase, args: string[], ctx: ServiceContext) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  async migrate(database, _args, ctx) {
    await runMigrations(database.pool);
    await ensureBuiltInProgram(database.db);
    await ensureProvincialRecommenders(ctx);
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
    const created = await createAdmin(ctx, {
      email: values.email,
      name: values.name ?? '系统管理员',
      password,
    });
    console.log(`created administrator ${created.email} (${created.id})`);
    return 0;
  },

  async 'audit:verify'(database, _args, ctx) {
    const report = await verifyAuditChain(database.db, ctx.auditConfig.key);
    if (report.ok) {
      console.log(`audit chain intact: ${report.records} records, head ${report.headHash}`);
      return 0;
    }
    console.log(`AUDIT CHAIN BROKEN at record ${report.firstBroken!.seq}: ${report.firstBroken!.reason}`);
    console.log(`(${report.records} records verified before it)`);
    return 1;
  },

  async 'check-invariants'(database) {
    const report = await checkInvariants(database.db);
    for (const result of report.results) {
      console.log(`${result.violations.length === 0 ? 'ok  ' : 'FAIL'} ${result.name}`);
      for (const violation of result.violations) console.log(`     - ${violation}`);
    }
    return report.ok ? 0 : 1;
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
    const auditConfig = { key: loadAuditKey({ envKey: config.auditKey, dataDir: config.dataDir }), alg: config.auditHash };
    return await command(database, args, systemContext(database.db, auditConfig, new Date(), `cli:${name}`));
  } catch (error) {
    if (error instanceof LaunchError) console.error(error.toLine());
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
