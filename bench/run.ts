// Benchmarks (QUALITY.md P1–P5) by name: `npm run bench -- <name> [options]`. Each prints ratios against a reference
// measured in the same run, never absolute times alone.
import { benchAssign } from './assign.js';
import { benchStatistics } from './statistics.js';

const [name, ...rest] = process.argv.slice(2);
const option = (flag: string, fallback: string) => {
  const i = rest.indexOf(flag);
  return i >= 0 && rest[i + 1] ? rest[i + 1]! : fallback;
};

switch (name) {
  case 'assign':
    await benchAssign(option('--sizes', 'small,medium,large').split(','));
    break;
  case 'statistics':
    await benchStatistics(Number(option('--applications', '300000')), Number(option('--seconds', '8')));
    break;
  default:
    console.error('usage: npm run bench -- assign [--sizes small,medium,large] | statistics [--applications 300000] [--seconds 8]');
    process.exit(2);
}
