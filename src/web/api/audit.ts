// Audit admin calls: browse records, verify the chain.
import type { AuditEventView, ChainReportView } from '../../shared/schemas/audit.js';
import { request } from './client.js';

export type { AuditEventView };

export function listAuditEvents(filter: { action?: string; cursor?: string | null }) {
  const params = new URLSearchParams({ limit: '50' });
  if (filter.action) params.set('action', filter.action);
  if (filter.cursor) params.set('cursor', filter.cursor);
  return request<{ items: AuditEventView[]; nextCursor: string | null }>(`/api/audit/events?${params}`);
}

export const verifyAudit = () => request<ChainReportView>('/api/audit/verify', { method: 'POST' });
