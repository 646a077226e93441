// QUALITY R3 on the embedded PostgreSQL: submissions under load while the server process (and every other time its
// PostgreSQL too) is killed with SIGKILL; every acknowledged receipt is stored exactly once with its files intact.
// The same harness reports a front that acknowledges before the platform commits.
import { describe, expect, it } from 'vitest';
import { runCrashHarness } from '../test/harness/crash.js';
import { lossyFront } from '../test/harness/lossy-front.js';
import { crashFigures } from '../test/harness/crash-figures.js';
import { recordSection } from '../test/harness/report.js';

describe('crash safety on the embedded PostgreSQL', () => {
  it('keeps every acknowledged submission exactly once, with its files, through kill -9', async () => {
    const report = await runCrashHarness({ applications: 40, kills: 4, concurrency: 8, seed: 2018, killPostgres: true });
    recordSection('crash-embedded', crashFigures(report), { notes: ['Clients retry through restarts with the same Idempotency-Key, as a browser would; every application ends acknowledged.'] });
    expect(report.clientErrors).toEqual([]);
    expect(report.kills).toBe(4);
    expect(report.acknowledged).toBe(40);
    expect(report.lost).toEqual([]);
    expect(report.duplicated).toEqual([]);
    expect(report.damagedFiles).toEqual([]);
    expect(report.invariants.ok, report.invariants.output).toBe(true);
    expect(report.audit.ok, report.audit.output).toBe(true);
    expect(report.personalDataInLogs).toBe(0);
  });

  it('reports the receipts a front acknowledging before the commit loses (a planted defect)', async () => {
    const report = await runCrashHarness({ applications: 8, kills: 2, concurrency: 4, seed: 7, front: lossyFront });
    expect(report.acknowledged).toBeGreaterThan(0);
    expect(report.lost.length).toBeGreaterThan(0);
    expect(report.lost.every((n) => n.startsWith('EARLY-'))).toBe(true);
  });
});
