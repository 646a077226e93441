// Audit records as the audit admin's routes serve them.
import { z } from 'zod';

export const auditEventView = z.object({
  seq: z.number(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorRoles: z.array(z.string()),
  organizationId: z.string().nullable(),
  action: z.string(),
  objectType: z.string().nullable(),
  objectId: z.string().nullable(),
  result: z.string(),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
  details: z.unknown(),
  hash: z.string(),
});
export type AuditEventView = z.infer<typeof auditEventView>;

export const chainReport = z.object({
  ok: z.boolean(),
  records: z.number(),
  headHash: z.string(),
  firstBroken: z.object({ seq: z.number(), reason: z.string() }).nullable(),
});
export type ChainReportView = z.infer<typeof chainReport>;
