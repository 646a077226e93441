// Every background job the platform runs, by queue name (pg-boss queue names are ASCII).
import { eq } from 'drizzle-orm';
import type { Clock } from '../clock.js';
import type { Db } from '../db/client.js';
import { backgroundJobs } from '../db/schema/index.js';
import type { AuditConfig } from '../modules/audit/audit.service.js';
import { ASSIGNMENT_QUEUE, runAssignmentJob } from '../modules/assignment/assignment-jobs.service.js';
import type { JobHandler, JobQueue } from './queue.js';

export function jobHandlers(deps: { db: Db; clock: Clock; auditConfig: AuditConfig }): Record<string, JobHandler> {
  return {
    [ASSIGNMENT_QUEUE]: (jobId) => runAssignmentJob(deps, jobId),
  };
}

/** Queues again the jobs recorded as queued, in case the process stopped between recording and queueing one
 * (the same id is queued once). */
export async function requeueWaiting(db: Db, jobs: JobQueue): Promise<number> {
  const waiting = await db.select({ id: backgroundJobs.id, kind: backgroundJobs.kind }).from(backgroundJobs).where(eq(backgroundJobs.state, 'queued'));
  for (const job of waiting) await jobs.send(job.kind, job.id);
  return waiting.length;
}
