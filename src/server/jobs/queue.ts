// The background job queue: pg-boss on the application's own PostgreSQL pool (schema `pgboss`), so any app process
// may take a job, a job survives a restart, and one that dies with its process is retried after it expires.
// What a job means and how far it has got is kept in `background_jobs` by the module that runs it.
import PgBoss from 'pg-boss';
import type pg from 'pg';

export type JobHandler = (jobId: string) => Promise<void>;

export interface JobQueue {
  /** Queues a job whose id is the `background_jobs` row's id (sending the same id twice queues it once). */
  send(queue: string, jobId: string): Promise<void>;
  stop(): Promise<void>;
}

export interface JobQueueOptions {
  /** Seconds between polls for new jobs (at least 0.5). */
  pollingIntervalSeconds?: number;
}

/** Starts pg-boss (creating its schema on first use) and one worker per queue, taking one job at a time. */
export async function startJobQueue(pool: pg.Pool, handlers: Record<string, JobHandler>, options: JobQueueOptions = {}): Promise<JobQueue> {
  const boss = new PgBoss({
    db: { executeSql: (text, values) => pool.query(text, values) },
    schema: 'pgboss',
    // No cron schedules are used; maintenance (expiring and archiving jobs) stays on.
    schedule: false,
    pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1,
  });
  // Errors of its own timers (e.g. a maintenance query while the database restarts) must not crash the process.
  boss.on('error', () => undefined);
  await boss.start();
  for (const [name, handler] of Object.entries(handlers)) {
    // A job whose process died is retried once it expires; a handler records its own failures and does not throw.
    await boss.createQueue(name, { name, retryLimit: 2, retryDelay: 5, expireInSeconds: 30 * 60 });
    await boss.work<{ jobId: string }>(name, { batchSize: 1, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1 }, async ([job]) => {
      if (job) await handler(job.data.jobId);
    });
  }
  return {
    async send(queue, jobId) {
      await boss.send(queue, { jobId }, { id: jobId });
    },
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}

/** A queue that starts pg-boss on first use: for tests, where most files never queue a job. */
export function lazyJobQueue(start: () => Promise<JobQueue>): JobQueue {
  let started: Promise<JobQueue> | null = null;
  return {
    async send(queue, jobId) {
      started ??= start();
      await (await started).send(queue, jobId);
    },
    async stop() {
      if (started) await (await started).stop();
    },
  };
}
