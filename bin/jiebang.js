#!/usr/bin/env node
// The `jiebang` command: builds the server if needed, then runs the CLI.
import { ensureBuild } from '../scripts/ensure-build.js';

try {
  ensureBuild(['server'], (line) => process.stderr.write(`[jiebang] ${line}\n`));
} catch (error) {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
await import('../dist/server/cli/main.js');
