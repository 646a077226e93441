// The figures of a crash run, as docs/RELIABILITY.md shows them.
import type { CrashReport } from './crash.js';

export function crashFigures(report: CrashReport): Array<[string, string | number | boolean]> {
  return [
    ['applications (create, fill, upload a PDF, submit)', report.applications],
    ['concurrent clients', report.concurrency],
    ['kills of the server process (SIGKILL)', report.kills],
    ['of which also its PostgreSQL (SIGKILL)', report.postgresKills],
    ['acknowledged receipts', report.acknowledged],
    ['lost', report.lost.length],
    ['duplicated', report.duplicated.length],
    ['files not intact', report.damagedFiles.length],
    ['check-invariants after the run', report.invariants.ok ? 'passed' : 'FAILED'],
    ['audit:verify after the run', report.audit.ok ? 'passed' : 'FAILED'],
    ['contact phones found in the server logs', report.personalDataInLogs],
    ['seconds', report.seconds],
  ];
}
