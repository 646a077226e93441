// Fails when the Drizzle schema and the committed migrations disagree (a migration was not generated or was edited).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './ensure-build.js';

const committed = path.join(ROOT, 'src/server/db/migrations');
// drizzle-kit resolves --out relative to the working folder, so the scratch copy lives inside the project.
fs.mkdirSync(path.join(ROOT, 'node_modules/.cache'), { recursive: true });
const scratch = fs.mkdtempSync(path.join(ROOT, 'node_modules/.cache/drift-'));
fs.cpSync(committed, scratch, { recursive: true });
const before = new Set(fs.readdirSync(scratch));

const result = spawnSync(
  path.join(ROOT, 'node_modules/.bin/drizzle-kit'),
  ['generate', '--dialect', 'postgresql', '--schema', './src/server/db/schema/index.ts', '--casing', 'snake_case', '--out', path.relative(ROOT, scratch), '--name', 'drift'],
  { cwd: ROOT, encoding: 'utf8' },
);
const added = fs.readdirSync(scratch).filter((f) => !before.has(f));
fs.rmSync(scratch, { recursive: true, force: true });

// drizzle-kit can fail and still exit 0: a clean run must say so explicitly.
if (result.status !== 0 || (added.length === 0 && !/No schema changes/.test(result.stdout + result.stderr))) {
  process.stderr.write(result.stdout + result.stderr);
  process.stderr.write('migration drift check: drizzle-kit failed\n');
  process.exit(1);
}
if (added.length > 0) {
  process.stderr.write(
    `migration drift: the schema in src/server/db/schema differs from the committed migrations (drizzle-kit would add ${added.join(', ')}).\n` +
      'Run `npm run db:generate -- --name <what-changed>` and commit the new migration.\n',
  );
  process.exit(1);
}
process.stdout.write('migration drift check: schema and migrations agree\n');
