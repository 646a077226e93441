// The recommending tier: decisions, the unit's batch and 推荐汇总表; the ministry's progress view and formal check.
import { request } from './client.js';

export interface SummaryRow {
  index: number;
  applicationId: string;
  direction: string;
  subfield: string;
  title: string;
  organization: string;
  uscc: string;
  regionCode: string;
  person: string | null;
  phone: string | null;
  rank: number | null;
  comment: string;
  receiptNumber: string | null;
}
export interface BatchState {
  recommender: { id: string; name: string };
  batch: { id: string; submittedAt: string; sha256: string; sm3: string; rows: number } | null;
  reopenReason: string | null;
  rows: SummaryRow[];
}
export interface UnitProgress {
  recommenderId: string;
  name: string;
  kind: string;
  regionCode: string | null;
  received: number;
  decided: number;
  recommended: number;
  returned: number;
  declined: number;
  batchSubmittedAt: string | null;
}

export const decide = (applicationId: string, body: { decision: 'recommend' | 'return' | 'decline'; comment: string; rank?: number }) =>
  request<{ status: string }>(`/api/applications/${applicationId}/recommendation`, { method: 'POST', body });
export const getBatch = (recommenderId: string, programId: string) =>
  request<BatchState>(`/api/recommenders/${recommenderId}/batch?programId=${encodeURIComponent(programId)}`);
export const submitBatch = (recommenderId: string, programId: string) =>
  request<BatchState['batch']>(`/api/recommenders/${recommenderId}/batches`, { method: 'POST', body: { programId } });
export const summaryUrl = (recommenderId: string, programId: string) =>
  `/api/recommenders/${recommenderId}/batch/summary.xlsx?programId=${encodeURIComponent(programId)}`;
export const reopenBatch = (recommenderId: string, programId: string, reason: string) =>
  request<{ reopened: boolean }>(`/api/admin/recommenders/${recommenderId}/batches/reopen`, { method: 'POST', body: { programId, reason } });
export const getProgress = (programId: string) =>
  request<{ items: UnitProgress[]; provinces: Array<{ regionCode: string; applications: number; recommended: number }> }>(
    `/api/admin/programs/${encodeURIComponent(programId)}/recommendation-progress`,
  );
export const formalCheck = (applicationId: string, eligible: boolean, reason?: string) =>
  request<{ status: string }>(`/api/applications/${applicationId}/eligibility`, { method: 'POST', body: { eligible, ...(reason ? { reason } : {}) } });
