// `npm test`: the whole suite. Installs Chromium and the CJK fonts when missing, builds the app, runs the Vitest projects
// (all but the harness and the server-only tests, which CI runs beside it).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, ensureBuild } from './ensure-build.js';

const say = (line) => process.stdout.write(`[test] ${line}\n`);

function hasFonts() {
  return spawnSync('dpkg', ['-s', 'fonts-noto-cjk'], { stdio: 'ignore' }).status === 0;
}

function ensureBrowser() {
  if (fs.existsSync('/usr/bin/chromium') && hasFonts()) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const install = 'apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium fonts-noto-cjk';
  if (!isRoot) {
    say(`Chromium or the Noto CJK fonts are missing; install them with: sudo sh -c '${install}'`);
    process.exit(1);
  }
  say('installing chromium and fonts-noto-cjk with apt-get (a few minutes, once)…');
  const result = spawnSync('sh', ['-c', `${install} > /tmp/jiebang-apt.log 2>&1`], { stdio: 'inherit' });
  if (result.status !== 0) {
    say('apt-get failed; see /tmp/jiebang-apt.log');
    process.exit(1);
  }
}

ensureBrowser();
try {
  ensureBuild(['web'], say);
} catch (error) {
  say(error.message);
  process.exit(1);
}

const report = path.join(ROOT, 'test-results', 'vitest.json');
fs.mkdirSync(path.dirname(report), { recursive: true });
fs.rmSync(report, { force: true });
// The main suite's projects (vitest.config.ts); the harness (`npm run test:security`) and the server-only tests
// (`npm run test:pg-server`) run on their own in CI. (Vitest joins several `!name` filters with "or", so they are named.)
const MAIN_PROJECTS = ['shared', 'server', 'web', 'e2e'];
const given = process.argv.slice(2);
const projects = given.some((a) => a.startsWith('--project')) ? [] : MAIN_PROJECTS.map((p) => `--project=${p}`);
const args = ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...projects, ...given];
const run = spawnSync(path.join(ROOT, 'node_modules/.bin/vitest'), args, { cwd: ROOT, stdio: 'inherit' });

// One plain closing line that any CI reader understands.
if (fs.existsSync(report)) {
  const result = JSON.parse(fs.readFileSync(report, 'utf8'));
  const skipped = result.numPendingTests + result.numTodoTests;
  process.stdout.write(`tests: ${result.numPassedTests} passed, ${result.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
}
process.exit(run.status ?? 1);
