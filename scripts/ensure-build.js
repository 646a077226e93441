// Builds the server (tsc) and the web app (vite) when their output is missing or older than their sources.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const TARGETS = {
  server: {
    sources: ['src/server', 'src/shared', 'tsconfig.json', 'tsconfig.server.json'],
    output: 'dist/server/main.js',
    stamp: 'dist/.server-build',
    command: ['node_modules/.bin/tsc', ['-p', 'tsconfig.server.json']],
  },
  web: {
    sources: ['src/web', 'src/shared', 'index.html', 'vite.config.ts', 'public'],
    output: 'dist/web/index.html',
    stamp: 'dist/.web-build',
    command: ['node_modules/.bin/vite', ['build', '--logLevel', 'warn']],
  },
};

function newestMtime(entry) {
  const full = path.join(ROOT, entry);
  let stat;
  try {
    stat = fs.statSync(full);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of fs.readdirSync(full)) {
    if (child.endsWith('.test.ts') || child.endsWith('.test.tsx')) continue;
    newest = Math.max(newest, newestMtime(path.join(entry, child)));
  }
  return newest;
}

function isStale(target) {
  const stamp = path.join(ROOT, target.stamp);
  if (!fs.existsSync(path.join(ROOT, target.output)) || !fs.existsSync(stamp)) return true;
  const built = fs.statSync(stamp).mtimeMs;
  return target.sources.some((s) => newestMtime(s) > built);
}

/** Builds what is missing or stale; returns the names built. Throws when a build fails. */
export function ensureBuild(names = ['server', 'web'], log = (line) => process.stdout.write(`[jiebang] ${line}\n`)) {
  const built = [];
  for (const name of names) {
    const target = TARGETS[name];
    if (!isStale(target)) continue;
    const [bin, args] = target.command;
    if (!fs.existsSync(path.join(ROOT, bin))) {
      if (fs.existsSync(path.join(ROOT, target.output))) continue; // installed without dev tools: use what is built
      throw new Error(`cannot build the ${name}: ${bin} is missing; run npm ci first`);
    }
    log(`building the ${name}…`);
    const result = spawnSync(path.join(ROOT, bin), args, { cwd: ROOT, stdio: 'inherit' });
    if (result.status !== 0) throw new Error(`building the ${name} failed (exit code ${result.status})`);
    fs.mkdirSync(path.dirname(path.join(ROOT, target.stamp)), { recursive: true });
    fs.writeFileSync(path.join(ROOT, target.stamp), new Date().toISOString() + '\n');
    built.push(name);
  }
  return built;
}
