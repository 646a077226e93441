// The applicant's application: create, read, autosave, attachments, check, submit, withdraw; and receipt checks.
import type {
  ApplicationListItem,
  ApplicationPatch,
  ApplicationResponse,
  Attachment,
  Receipt,
  SubmittedVersion,
} from '../../shared/schemas/applications.js';
import { request } from './client.js';

const one = (id: string) => `/api/applications/${encodeURIComponent(id)}`;

export const createApplication = (programId: string, subfieldId: string) =>
  request<{ id: string; status: 'draft'; version: number }>('/api/applications', { method: 'POST', body: { programId, subfieldId } });
export const listMyApplications = (filter: { programId?: string; status?: string; directionId?: string; subfieldId?: string; limit?: number } = {}) => {
  const query = new URLSearchParams(Object.entries(filter).filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => [k, String(v)]));
  const qs = query.toString();
  return request<{ items: ApplicationListItem[]; nextCursor: string | null }>(`/api/applications${qs ? `?${qs}` : ''}`);
};
export const getApplication = (id: string) => request<ApplicationResponse>(one(id));
export const saveApplication = (id: string, patch: ApplicationPatch) => request<{ version: number }>(one(id), { method: 'PATCH', body: patch });
export const eligibleRecommenders = (id: string) =>
  request<{ items: Array<{ id: string; name: string; kind: 'province' | 'central_enterprise' | 'association' }> }>(`${one(id)}/eligible-recommenders`);
export const checkApplication = (id: string) => request<{ problems: Array<{ path: string; message: string }> }>(`${one(id)}/check`);
export const submitApplication = (id: string, key: string, version: number) =>
  request<{ status: 'submitted'; receipt: Receipt }>(`${one(id)}/submit`, { method: 'POST', body: { version }, headers: { 'idempotency-key': key } });
export const withdrawApplication = (id: string) => request<{ status: 'withdrawn' }>(`${one(id)}/withdraw`, { method: 'POST' });
export function uploadAttachment(id: string, file: File) {
  const form = new FormData();
  form.append('file', file, file.name);
  return request<Attachment>(`${one(id)}/attachments`, { method: 'POST', body: form });
}
export const attachmentUrl = (id: string, attachmentId: string) => `${one(id)}/attachments/${encodeURIComponent(attachmentId)}`;
export const removeAttachment = (id: string, attachmentId: string) => request(attachmentUrl(id, attachmentId), { method: 'DELETE' });
export const verifyReceipt = (number: string) => request<Receipt>(`/api/public/receipts/${encodeURIComponent(number)}`);
export const getSubmitted = (id: string) => request<SubmittedVersion>(`${one(id)}/submitted`);
