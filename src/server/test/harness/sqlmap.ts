// A time-boxed sqlmap scan (QUALITY R1): a handful of routes that take filters and ids, on a server on loopback,
// with the boolean, error, UNION and stacked techniques against PostgreSQL; each target's verdict read from its output.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const SQLMAP = '/usr/bin/sqlmap';

export interface SqlmapTarget {
  name: string;
  /** The URL, with `*` marking each place to inject (sqlmap's custom injection marker). */
  url: string;
  method?: 'GET' | 'POST';
  /** A JSON body, `*` marking places too. */
  data?: string;
  headers?: Record<string, string>;
  /** Answers that are normal for the probes (401 for a wrong password), so sqlmap goes on. */
  ignoreCodes?: number[];
}

export interface SqlmapVerdict {
  target: string;
  injectable: boolean;
  /** sqlmap finished its tests (not cut off by the time box). */
  completed: boolean;
  seconds: number;
  excerpt: string;
}

const INJECTABLE = /identified the following injection point|parameter '[^']+' is vulnerable|\bappears to be '[^']+' injectable/i;
const FINISHED = /do not appear to be injectable|does not seem to be injectable|identified the following injection point/i;

export function sqlmapInstalled(): boolean {
  return fs.existsSync(SQLMAP);
}

export async function runSqlmap(target: SqlmapTarget, options: { timeBoxSeconds: number }): Promise<SqlmapVerdict> {
  const output = fs.mkdtempSync(path.join(os.tmpdir(), 'jiebang-sqlmap-'));
  const args = [
    '-u', target.url,
    '--batch',
    '--dbms=PostgreSQL',
    '--technique=BEUS',
    '--level=2',
    '--risk=1',
    '--timeout=10',
    '--retries=0',
    '--flush-session',
    // Our 400s on odd input are not a WAF; sqlmap's guess that they are would only cut its tests short.
    '--skip-waf',
    '--disable-coloring',
    `--output-dir=${output}`,
  ];
  if (target.method) args.push(`--method=${target.method}`);
  if (target.ignoreCodes) args.push(`--ignore-code=${target.ignoreCodes.join(',')}`);
  if (target.data) args.push(`--data=${target.data}`);
  const headers = Object.entries(target.headers ?? {}).map(([k, v]) => `${k}: ${v}`);
  if (headers.length > 0) args.push(`--headers=${headers.join('\n')}`);
  const started = Date.now();
  const child = spawn(SQLMAP, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  child.stdout.on('data', (c: Buffer) => void (text += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => void (text += c.toString('utf8')));
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeBoxSeconds * 1000);
  await new Promise<void>((resolve) => child.on('exit', () => resolve()));
  clearTimeout(timer);
  fs.rmSync(output, { recursive: true, force: true });
  const injectable = INJECTABLE.test(text);
  const lines = text.split('\n').filter((l) => /injectable|injection point|vulnerable|\[CRITICAL\]|\[ERROR\]/i.test(l));
  return { target: target.name, injectable, completed: FINISHED.test(text), seconds: Math.round((Date.now() - started) / 1000), excerpt: lines.slice(-6).join('\n') };
}
