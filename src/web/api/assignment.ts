// Experts and assignment: import, conflict checks, optimal drafts, pins and bans, release; the expert's own side.
import type { ReviewCriterion } from '../../shared/schemas/catalogue.js';
import { request } from './client.js';

const base = (programId: string) => `/api/admin/programs/${encodeURIComponent(programId)}`;

export interface AssignmentItem {
  id: string;
  applicationId: string;
  title: string;
  organization: string;
  expertId: string;
  expertName: string;
  expertOrganization: string;
  affinity: number;
  subfieldMatch: boolean;
  sharedTerms: string[];
  pinned: boolean;
  status: 'draft' | 'released' | 'declined';
  conflictReason: string | null;
}
export interface TieInput {
  organizationName: string;
  uscc: string | null;
  kind: 'employment' | 'board' | 'shareholding' | 'other';
  endedOn: string | null;
}
export interface ExpertProfile {
  organizationName: string;
  organizationUscc: string | null;
  organizationParentUscc: string | null;
  regionCode: string;
  subfieldIds: string[];
  keywords: string[];
  ties: TieInput[];
}

export function importExperts(programId: string, file: File) {
  const form = new FormData();
  form.append('file', file, file.name);
  return request<{ created: Array<{ name: string; email: string; link: string; expiresAt: string }> }>(`${base(programId)}/experts/import.xlsx`, { method: 'POST', body: form });
}
export const expertTemplateUrl = '/api/admin/experts/template.xlsx';
export const checkExpert = (programId: string, expertId: string) =>
  request<{ items: Array<{ applicationId: string; title: string; organization: string; conflicts: Array<{ code: string; reason: string }> }> }>(
    `${base(programId)}/experts/${expertId}/conflicts`,
  );
export interface AssignmentRun {
  round: string;
  reviewersPerApplication: number;
  maxPerExpert: number;
}
export interface AssignmentSummary {
  assigned: number;
  totalAffinity: number;
  unassigned: Array<{ applicationId: string; missing: number; reason: string }>;
}
export type AssignmentPhase = 'affinity' | 'conflicts' | 'solving' | 'saving';
export interface AssignmentJob {
  id: string;
  state: 'queued' | 'running' | 'done' | 'failed';
  /** A refill (after a declared conflict) has the round only. */
  params: Partial<AssignmentRun> & { round: string; mode?: 'refill' };
  progress: { phase: AssignmentPhase | null; done: number; total: number };
  result: AssignmentSummary | null;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}
/** Runs are background jobs: queue one, then follow it. */
export const queueAssignment = (programId: string, body: AssignmentRun) => request<AssignmentJob>(`${base(programId)}/assignment-jobs`, { method: 'POST', body });
export const getAssignmentJob = (programId: string, jobId: string) => request<AssignmentJob>(`${base(programId)}/assignment-jobs/${jobId}`);
export const latestAssignmentJob = (programId: string, round: string) =>
  request<{ job: AssignmentJob | null }>(`${base(programId)}/assignment-jobs?round=${encodeURIComponent(round)}`);
export const listAssignments = (programId: string, round: string) =>
  request<{ items: AssignmentItem[]; bans: Array<{ applicationId: string; expertId: string }> }>(`${base(programId)}/assignments?round=${encodeURIComponent(round)}`);
export const pinPair = (programId: string, body: { round: string; applicationId: string; expertId: string; pinned: boolean }) =>
  request(`${base(programId)}/assignments/pin`, { method: 'PUT', body });
export const banPair = (programId: string, body: { round: string; applicationId: string; expertId: string; banned: boolean }) =>
  request(`${base(programId)}/assignments/ban`, { method: 'PUT', body });
/** After declared conflicts: fills the open places of a released round. */
export const refillRound = (programId: string, round: string) => request<AssignmentSummary>(`${base(programId)}/assignments/refill`, { method: 'POST', body: { round } });
export const releaseRound = (programId: string, round: string) => request<{ released: number }>(`${base(programId)}/assignments/release`, { method: 'POST', body: { round } });
export const myAssignments = () =>
  request<{
    items: Array<{
      id: string;
      applicationId: string;
      round: string;
      roundName: string;
      dueAt: string | null;
      declared: boolean;
      reviewState: 'not_started' | 'draft' | 'submitted';
      status: string;
      title: string;
      subfield: string;
      applicant: string;
      criteria: ReviewCriterion[];
    }>;
  }>('/api/expert/assignments');
export const getExpertProfile = () => request<ExpertProfile>('/api/expert/profile');
export const saveExpertProfile = (body: { keywords: string[]; organizationParentUscc: string | null; ties: TieInput[] }) =>
  request<ExpertProfile>('/api/expert/profile', { method: 'PUT', body });
