// Selection, notices, objections and publication; the public notices and results.
import type { ApplicationStatus } from '../../shared/schemas/applications.js';
import { request } from './client.js';

const base = (programId: string) => `/api/admin/programs/${encodeURIComponent(programId)}`;
export type Stage = 'finalist' | 'winner';

export interface SelectionItem {
  applicationId: string;
  subfieldId: string;
  subfield: string;
  title: string;
  applicant: string;
  status: ApplicationStatus;
  justification: string | null;
  noticeId: string | null;
  selectedAt: string;
  revokedAt: string | null;
  revokedReason: string | null;
}
export interface PublicEntry {
  direction: string;
  subfield: string;
  title: string;
  applicant: string;
  responsibleUnit: string;
  recommender: string;
  region: string;
}
export interface PublicNotice {
  id: string;
  stage: Stage;
  opensAt: string;
  closesAt: string;
  open: boolean;
  published: boolean;
  entries: Array<PublicEntry & { applicationId: string; revoked: boolean }>;
}
export interface Objection {
  id: string;
  noticeId: string;
  stage: Stage;
  applicationId: string;
  title: string;
  applicant: string;
  name: string;
  contact: string;
  reason: string;
  createdAt: string;
  status: 'open' | 'upheld' | 'dismissed';
  resolution: string | null;
  resolvedAt: string | null;
}

export const listSelections = (programId: string, stage: Stage) =>
  request<{ round: { key: string; name: string; nameEn: string } | null; items: SelectionItem[] }>(`${base(programId)}/selections?stage=${stage}`);
export const addSelections = (programId: string, body: { subfieldId: string; stage: Stage; applicationIds: string[]; justification?: string }) =>
  request<{ selected: string[]; quota: number }>(`${base(programId)}/selections`, { method: 'POST', body });
export const removeSelection = (programId: string, applicationId: string, stage: Stage) =>
  request<void>(`${base(programId)}/selections/${applicationId}?stage=${stage}`, { method: 'DELETE' });
export const openNotice = (programId: string, stage: Stage) => request<{ id: string; opensAt: string; closesAt: string }>(`${base(programId)}/notices`, { method: 'POST', body: { stage } });
export const listObjections = (programId: string) => request<{ items: Objection[] }>(`${base(programId)}/objections`);
export const resolveObjection = (id: string, body: { decision: 'upheld' | 'dismissed'; reason: string }) =>
  request<{ status: string }>(`/api/admin/objections/${id}/resolution`, { method: 'POST', body });
export const publishStage = (programId: string, stage: Stage) => request<{ published: number }>(`${base(programId)}/publish`, { method: 'POST', body: { stage } });

export const publicNotices = (programId: string) => request<{ items: PublicNotice[] }>(`/api/public/programs/${encodeURIComponent(programId)}/notices`);
export const fileObjection = (noticeId: string, body: { applicationId: string; name: string; contact: string; reason: string }) =>
  request<{ id: string }>(`/api/notices/${noticeId}/objections`, { method: 'POST', body });
export type ResultEntry = PublicEntry & { subfieldCode: string };
export const publicResults = (programId: string) => request<{ finalists: ResultEntry[]; winners: ResultEntry[] }>(`/api/public/programs/${encodeURIComponent(programId)}/results`);
export const resultsWorkbookUrl = (programId: string) => `/api/public/programs/${encodeURIComponent(programId)}/results.xlsx`;

export interface CalendarDay {
  date: string;
  kind: 'workday' | 'holiday' | 'normal';
  name: string;
  corrected: boolean;
  working: boolean;
}
export const getCalendar = (year: number) => request<{ year: number; days: CalendarDay[] }>(`/api/admin/calendar?year=${year}`);
export const setCalendarDay = (date: string, body: { kind: 'workday' | 'holiday' | 'normal' | 'builtin'; name?: string }) =>
  request<{ year: number; days: CalendarDay[] }>(`/api/admin/calendar/${date}`, { method: 'PUT', body });
