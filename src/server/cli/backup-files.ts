// Files for backup and restore: listing a file store's folder, hashing, and copying with a hash check and fsync.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { STORAGE_KEY } from '../storage/file-store.js';

export { STORAGE_KEY };

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(fs.createReadStream(file), hash);
  return hash.digest('hex');
}

/** Storage keys of the files kept under `root` (unfinished `.part` files left by a crash are not files). */
export function listStoredFiles(root: string): string[] {
  if (!fs.existsSync(root)) return [];
  const keys: string[] = [];
  for (const dir of fs.readdirSync(root)) {
    const sub = path.join(root, dir);
    if (!fs.statSync(sub).isDirectory()) continue;
    for (const name of fs.readdirSync(sub)) if (STORAGE_KEY.test(`${dir}/${name}`)) keys.push(`${dir}/${name}`);
  }
  return keys.sort();
}

/** Copies a file durably (temporary name, fsync, rename); refuses when its content does not hash to `expected`. */
export async function copyVerified(from: string, to: string, expected?: string): Promise<{ size: number; sha256: string }> {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  const temp = `${to}.part`;
  const hash = createHash('sha256');
  let size = 0;
  await pipeline(
    fs.createReadStream(from),
    async function* (source: AsyncIterable<Buffer>) {
      for await (const chunk of source) {
        hash.update(chunk);
        size += chunk.length;
        yield chunk;
      }
    },
    fs.createWriteStream(temp, { flags: 'w', mode: 0o600 }),
  );
  const sha256 = hash.digest('hex');
  if (expected && sha256 !== expected) {
    fs.rmSync(temp, { force: true });
    throw new Error(`${from} does not match its hash`);
  }
  const handle = await fs.promises.open(temp, 'r');
  await handle.sync();
  await handle.close();
  fs.renameSync(temp, to);
  const folder = await fs.promises.open(path.dirname(to), 'r');
  await folder.sync();
  await folder.close();
  return { size, sha256 };
}
