// Configuration: parsed once from the environment with Zod; a bad value becomes one LaunchError sentence.
import path from 'node:path';
import { z } from 'zod';
import { LaunchError } from './launch-error.js';

const flag = z
  .enum(['0', '1', 'true', 'false', 'yes', 'no', 'on', 'off', ''])
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

const port = z.coerce.number().int().min(1).max(65535);

const envSchema = z.object({
  NODE_ENV: z.enum(['production', 'development', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: port.default(3000),
  DATABASE_URL: z
    .string()
    .refine((v) => /^postgres(ql)?:\/\/.+/.test(v), 'postgres-url')
    .optional(),
  JIEBANG_DATA_DIR: z.string().min(1).default('./data'),
  JIEBANG_DB_PORT: port.default(54329),
  JIEBANG_TEST_MODE: flag.default(false),
  JIEBANG_DEMO: flag.optional(),
  JIEBANG_ADMIN_EMAIL: z.email().optional(),
  JIEBANG_ADMIN_PASSWORD: z.string().min(1).optional(),
  JIEBANG_TRUST_PROXY: flag.default(false),
  JIEBANG_AUDIT_KEY: z.string().regex(/^[A-Za-z0-9+/=]{43,}$/).optional(),
  JIEBANG_AUDIT_HASH: z.enum(['sha256', 'sm3']).default('sha256'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface Config {
  production: boolean;
  host: string;
  port: number;
  /** Set when an external PostgreSQL server is used; otherwise the embedded one is started. */
  databaseUrl: string | undefined;
  dataDir: string;
  embeddedDbPort: number;
  testMode: boolean;
  /** Demo mode: demo programs and accounts built into an empty platform. On by default with the embedded database. */
  demo: boolean;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  trustProxy: boolean;
  /** HMAC key sealing audit records; from JIEBANG_AUDIT_KEY, else a file in the data folder. */
  auditKey: string | undefined;
  auditHash: 'sha256' | 'sm3';
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
}

const HINTS: Record<string, { zh: string; en: string }> = {
  NODE_ENV: { zh: '只能是 production、development 或 test', en: 'must be production, development or test' },
  HOST: { zh: '不能为空', en: 'must not be empty' },
  PORT: { zh: '必须是 1–65535 之间的整数', en: 'must be an integer from 1 to 65535' },
  JIEBANG_DB_PORT: { zh: '必须是 1–65535 之间的整数', en: 'must be an integer from 1 to 65535' },
  DATABASE_URL: { zh: '必须是 postgres:// 开头的连接地址', en: 'must be a postgres:// connection URL' },
  JIEBANG_DATA_DIR: { zh: '不能为空', en: 'must not be empty' },
  JIEBANG_TEST_MODE: { zh: '只能是 1 或 0', en: 'must be 1 or 0' },
  JIEBANG_DEMO: { zh: '只能是 1 或 0', en: 'must be 1 or 0' },
  JIEBANG_TRUST_PROXY: { zh: '只能是 1 或 0', en: 'must be 1 or 0' },
  JIEBANG_ADMIN_EMAIL: { zh: '必须是有效的电子邮箱地址', en: 'must be a valid e-mail address' },
  JIEBANG_ADMIN_PASSWORD: { zh: '不能为空', en: 'must not be empty' },
  JIEBANG_AUDIT_KEY: { zh: '必须是至少 32 字节的十六进制或 Base64 字符串', en: 'must be at least 32 bytes as hex or base64' },
  JIEBANG_AUDIT_HASH: { zh: '只能是 sha256 或 sm3', en: 'must be sha256 or sm3' },
  LOG_LEVEL: { zh: '只能是 fatal、error、warn、info、debug、trace 或 silent', en: 'must be one of fatal, error, warn, info, debug, trace, silent' },
};

/** Parses the environment; throws a LaunchError naming the first bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  // Empty strings count as unset, as shells and .env files commonly leave them.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? '');
    const hint = HINTS[name] ?? { zh: '取值无效', en: 'has an invalid value' };
    const shown = JSON.stringify(String(env[name] ?? '')).slice(0, 80);
    throw new LaunchError(
      `环境变量 ${name} 的值 ${shown} 无效：${hint.zh}`,
      `environment variable ${name}=${shown} is invalid: it ${hint.en}`,
    );
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  if (production && e.JIEBANG_TEST_MODE) {
    throw new LaunchError(
      '生产模式（NODE_ENV=production）下不允许开启测试模式 JIEBANG_TEST_MODE',
      'test mode (JIEBANG_TEST_MODE) is refused in production mode (NODE_ENV=production)',
    );
  }
  if (production && e.JIEBANG_DEMO) {
    throw new LaunchError(
      '生产模式（NODE_ENV=production）下不允许开启演示模式 JIEBANG_DEMO',
      'demo mode (JIEBANG_DEMO) is refused in production mode (NODE_ENV=production)',
    );
  }
  return {
    production,
    host: e.HOST,
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(cwd, e.JIEBANG_DATA_DIR),
    embeddedDbPort: e.JIEBANG_DB_PORT,
    testMode: e.JIEBANG_TEST_MODE,
    demo: e.JIEBANG_DEMO ?? (!production && !e.DATABASE_URL),
    adminEmail: e.JIEBANG_ADMIN_EMAIL,
    adminPassword: e.JIEBANG_ADMIN_PASSWORD,
    trustProxy: e.JIEBANG_TRUST_PROXY,
    auditKey: e.JIEBANG_AUDIT_KEY,
    auditHash: e.JIEBANG_AUDIT_HASH,
    logLevel: e.LOG_LEVEL,
  };
}
