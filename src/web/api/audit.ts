// Audit admin calls: browse records, verify the chain.
import { request } from './client.js';

export interface AuditEventView {
  seq: number;
  at: string;
  actorId: string | null;
  actorRoles: string[];
  action: string;
  objectType: string | null;
  objectId: string | null;
  result: string;
  ip: string | null;
  requestId: string | null;
  hash: string;
}

export function listAuditEvents(filter: { action?: string; cursor?: string | null }) {
  const params = new URLSearchParams({ limit: '50' });
  if (filter.action) params.set('action', filter.action);
  if (filter.cursor) params.set('cursor', filter.cursor);
  return request<{ items: AuditEventView[]; nextCursor: string | null }>(`/api/audit/events?${params}`);
}

export const verifyAudit = () =>
  request<{ ok: boolean; records: number; headHash: string; firstBroken: { seq: number; reason: string } | null }>('/api/audit/verify', {
    method: 'POST',
  });
