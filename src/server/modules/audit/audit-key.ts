// The audit MAC key: JIEBANG_AUDIT_KEY, or a random key kept in the data folder. Never stored in the database.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { LaunchError } from '../../launch-error.js';

export function loadAuditKey(options: { envKey: string | undefined; dataDir: string }): Buffer {
  if (options.envKey) {
    const key = Buffer.from(options.envKey, /^[0-9a-f]+$/i.test(options.envKey) ? 'hex' : 'base64');
    if (key.length < 32) {
      throw new LaunchError('JIEBANG_AUDIT_KEY 至少需要 32 字节（64 位十六进制）', 'JIEBANG_AUDIT_KEY needs at least 32 bytes (64 hex digits)');
    }
    return key;
  }
  const file = path.join(options.dataDir, 'audit.key');
  try {
    return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'hex');
  } catch {
    fs.mkdirSync(options.dataDir, { recursive: true });
    const key = randomBytes(32);
    fs.writeFileSync(file, key.toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
    return key;
  }
}
