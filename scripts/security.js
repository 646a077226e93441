// `npm run test:security`: the reliability and security harness (docs/decisions/013). Installs sqlmap with apt-get
// when it is missing (as root), then runs the Vitest project `security`; docs/RELIABILITY.md gets its figures.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './ensure-build.js';

const say = (line) => process.stdout.write(`[security] ${line}\n`);

if (!fs.existsSync('/usr/bin/sqlmap')) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const install = 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq sqlmap';
  if (!isRoot) {
    say(`sqlmap is missing; install it with: sudo sh -c '${install}'`);
    process.exit(1);
  }
  say('installing sqlmap with apt-get (once)…');
  const result = spawnSync('sh', ['-c', `${install} > /tmp/jiebang-apt-sqlmap.log 2>&1`], { stdio: 'inherit' });
  if (result.status !== 0) {
    say('apt-get failed; see /tmp/jiebang-apt-sqlmap.log');
    process.exit(1);
  }
}

const run = spawnSync(path.join(ROOT, 'node_modules/.bin/vitest'), ['run', '--project', 'security', ...process.argv.slice(2)], { cwd: ROOT, stdio: 'inherit' });
say(`figures written to docs/RELIABILITY.md`);
process.exit(run.status ?? 1);
