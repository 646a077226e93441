// The crash harness's client: plain HTTP to the real server process, retrying through restarts the way a browser
// user would (same Idempotency-Key for the same submission), and remembering every acknowledged receipt.
import { createHash } from 'node:crypto';
import { multipartFile } from '../factories.js';

export class Down extends Error {}

export interface Client {
  base: () => string;
  request(method: string, path: string, options?: { body?: unknown; cookie?: string; csrf?: string; headers?: Record<string, string>; raw?: Buffer }): Promise<{ status: number; json: () => unknown; headers: Headers }>;
}

export function client(base: () => string): Client {
  return {
    base,
    async request(method, path, options = {}) {
      const headers: Record<string, string> = { ...options.headers };
      if (options.cookie) headers.cookie = options.cookie;
      if (options.csrf) headers['x-csrf-token'] = options.csrf;
      let body: string | Blob | undefined;
      if (options.raw) body = new Blob([new Uint8Array(options.raw)]);
      else if (options.body !== undefined) {
        headers['content-type'] = 'application/json';
        body = JSON.stringify(options.body);
      }
      try {
        const res = await fetch(`${base()}${path}`, { method, headers, body, signal: AbortSignal.timeout(20_000) });
        const text = await res.text();
        return { status: res.status, headers: res.headers, json: () => JSON.parse(text) };
      } catch (error) {
        throw new Down(String((error as Error).message));
      }
    },
  };
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Retries while the server is down (killed or restarting); any answer, even an error, ends the retries. */
export async function untilAnswered<T>(work: () => Promise<T>, stopped: () => boolean): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof Down) || stopped() || attempt > 600) throw error;
      await pause(100 + Math.min(attempt * 20, 400));
    }
  }
}

export interface Acknowledged {
  applicationId: string;
  receipt: { number: string; sha256: string; submittedAt: string };
  /** SHA-256 of each file as the client sent it. */
  files: string[];
}

/** A unique PDF per application, so every file has its own hash. */
export function crashPdf(tag: string, size = 40_000): Buffer {
  const filler = createHash('sha256').update(tag).digest('hex').repeat(Math.ceil(size / 64)).slice(0, size);
  return Buffer.from(`%PDF-1.4\n% ${tag}\n${filler}\ntrailer << >>\n%%EOF\n`);
}

export const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

export function upload(tag: string) {
  const content = crashPdf(tag);
  return { content, ...multipartFile(`${tag}.pdf`, content, 'application/pdf') };
}
