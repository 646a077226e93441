// Where uploaded files live: behind a small interface (a local folder now; a shared object store when several
// machines serve one program). Files are written under generated names, hashed (SHA-256 and SM3) while they stream,
// and never served from a static folder.
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { Sm3 } from '../crypto/sm3.js';

export interface StoredFile {
  key: string;
  size: number;
  sha256: string;
  sm3: string;
  /** The first and last bytes, for content checks (magic numbers, trailers) without reading the file again. */
  head: Buffer;
  tail: Buffer;
}

export interface FileStore {
  /** Streams `source` into the store; stops with `TooLargeError` past `maxBytes` and leaves nothing behind. */
  save(source: Readable, maxBytes: number): Promise<StoredFile>;
  open(key: string): Readable;
  remove(key: string): Promise<void>;
}

export class TooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`file larger than ${limit} bytes`);
    this.name = 'TooLargeError';
  }
}

const EDGE = 1024;
/** What a storage key looks like: two hex digits of the id as a folder, then the id. */
export const STORAGE_KEY = /^[0-9a-f]{2}\/[0-9a-f-]{36}$/;
const KEY = STORAGE_KEY;

export class LocalFileStore implements FileStore {
  constructor(private readonly root: string) {}

  private pathOf(key: string): string {
    if (!KEY.test(key)) throw new Error(`not a storage key: ${key}`);
    return path.join(this.root, key);
  }

  async save(source: Readable, maxBytes: number): Promise<StoredFile> {
    const id = randomUUID();
    const key = `${id.slice(0, 2)}/${id}`;
    const final = this.pathOf(key);
    await fs.promises.mkdir(path.dirname(final), { recursive: true });
    const temp = `${final}.part`;
    const out = fs.createWriteStream(temp, { flags: 'wx', mode: 0o600 });
    const sha = createHash('sha256');
    const sm3 = new Sm3();
    let size = 0;
    let head = Buffer.alloc(0);
    let tail = Buffer.alloc(0);
    try {
      for await (const chunk of source) {
        const data = chunk as Buffer;
        size += data.length;
        if (size > maxBytes) throw new TooLargeError(maxBytes);
        sha.update(data);
        sm3.update(data);
        if (head.length < EDGE) head = Buffer.concat([head, data.subarray(0, EDGE - head.length)]);
        tail = Buffer.concat([tail, data]).subarray(-EDGE);
        if (!out.write(data)) await new Promise<void>((resolve) => out.once('drain', resolve));
      }
      // A truncated multipart file stream ends early instead of failing; the caller passes `truncated` in that case.
      if ((source as { truncated?: boolean }).truncated) throw new TooLargeError(maxBytes);
      await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
      const handle = await fs.promises.open(temp, 'r');
      await handle.sync();
      await handle.close();
      await fs.promises.rename(temp, final);
      // The new name itself must survive a power loss too: sync the folder that holds it.
      const folder = await fs.promises.open(path.dirname(final), 'r');
      await folder.sync();
      await folder.close();
      return { key, size, sha256: sha.digest('hex'), sm3: sm3.digest(), head, tail };
    } catch (error) {
      out.destroy();
      await fs.promises.rm(temp, { force: true });
      source.resume();
      throw error;
    }
  }

  open(key: string): Readable {
    return fs.createReadStream(this.pathOf(key));
  }

  async remove(key: string): Promise<void> {
    await fs.promises.rm(this.pathOf(key), { force: true });
  }
}

/** A PDF by its content: the header at the very start (no bytes before it, which polyglots need) and an end-of-file
 * marker near the end. */
export function looksLikePdf(file: Pick<StoredFile, 'head' | 'tail' | 'size'>): boolean {
  if (file.size < 16) return false;
  if (!/^%PDF-[12]\.\d/.test(file.head.subarray(0, 8).toString('latin1'))) return false;
  return file.tail.toString('latin1').includes('%%EOF');
}
