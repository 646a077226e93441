// docs/RELIABILITY.md: each part of the harness replaces its own section with the figures of its last run and the
// machine it ran on; the file is rewritten whole under a lock, since the parts run in parallel test files.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PACKAGE_ROOT } from '../../paths.js';

export const REPORT_FILE = path.join(PACKAGE_ROOT, 'docs', 'RELIABILITY.md');

/** The sections in the order the report shows them. */
export const PARTS = [
  ['matrix', 'Permission matrix (S2, S13), lists and exports (S3), headers and error bodies (S9), personal data (S12)'],
  ['mass-assignment', 'Mass assignment (S4)'],
  ['uploads', 'Uploads (S8)'],
  ['fuzz', 'Fuzzing from the schemas (R1)'],
  ['sqlmap', 'SQL injection scan with sqlmap (R1)'],
  ['crash-embedded', 'Crash safety on the embedded PostgreSQL (R3)'],
  ['crash-server', 'Crash safety on a PostgreSQL server (R3)'],
  ['restore', 'Backup and restore drill (R6)'],
  ['durability', 'Durability check (R7)'],
  ['self-test', 'The harness on planted defects'],
] as const;
export type Part = (typeof PARTS)[number][0];

const HEADER = `# Reliability and security figures

Written by the harness (\`npm run test:security\`, \`npm run test:pg-server\`): each section holds the figures of the
last run of its part, and where it ran. Decision record: [013](decisions/013-reliability-harness.md). Do not edit by
hand; run the harness.
`;

export function machine(extra = ''): string {
  const cpus = os.cpus();
  const gb = (os.totalmem() / 1024 ** 3).toFixed(1);
  return `${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${gb} GB, ${os.type()} ${os.release()}, Node ${process.version}${extra ? `, ${extra}` : ''}`;
}

function sectionsOf(text: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of text.matchAll(/<!-- part:([\w-]+) -->\n([\s\S]*?)<!-- \/part -->/g)) found.set(match[1]!, match[2]!);
  return found;
}

function withLock(run: () => void): void {
  const lock = `${REPORT_FILE}.lock`;
  const until = Date.now() + 30_000;
  for (;;) {
    try {
      fs.writeFileSync(lock, String(process.pid), { flag: 'wx' });
      break;
    } catch {
      // A lock older than a minute was left by a killed run.
      const stale = fs.existsSync(lock) && Date.now() - fs.statSync(lock).mtimeMs > 60_000;
      if (stale) fs.rmSync(lock, { force: true });
      else if (Date.now() > until) throw new Error(`${lock} is held; remove it if no harness is running`);
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
    }
  }
  try {
    run();
  } finally {
    fs.rmSync(lock, { force: true });
  }
}

/** Replaces the section of `part` with these figures (label → value) and notes. */
export function recordSection(part: Part, figures: Array<[string, string | number | boolean]>, options: { notes?: string[]; machine?: string } = {}): void {
  const title = PARTS.find(([p]) => p === part)![1];
  const lines = [
    `## ${title}`,
    '',
    `Last run ${new Date().toISOString()} on ${options.machine ?? machine()}.`,
    '',
    '| figure | value |',
    '| --- | --- |',
    ...figures.map(([name, value]) => `| ${name} | ${String(value)} |`),
    ...(options.notes && options.notes.length > 0 ? ['', ...options.notes] : []),
    '',
  ];
  withLock(() => {
    const current = fs.existsSync(REPORT_FILE) ? sectionsOf(fs.readFileSync(REPORT_FILE, 'utf8')) : new Map<string, string>();
    current.set(part, lines.join('\n'));
    const body = PARTS.map(([p, t]) => `<!-- part:${p} -->\n${current.get(p) ?? `## ${t}\n\nNot run yet.\n`}<!-- /part -->`).join('\n\n');
    const temp = `${REPORT_FILE}.tmp`;
    fs.writeFileSync(temp, `${HEADER}\n${body}\n`);
    fs.renameSync(temp, REPORT_FILE);
  });
}
