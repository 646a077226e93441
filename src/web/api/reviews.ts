// Reviewing: the expert's assignment and review; the admins' ranking, advancing, corrections and round settings.
import type { ReviewCriterion } from '../../shared/schemas/catalogue.js';
import { request } from './client.js';

const base = (programId: string) => `/api/admin/programs/${encodeURIComponent(programId)}`;

export interface ReviewState {
  scores: Record<string, number>;
  comment: string;
  state: 'draft' | 'submitted';
  total: number | null;
  submittedAt: string | null;
}
export interface ReviewAssignment {
  id: string;
  applicationId: string;
  /** `automatic`: criteria the platform fills in (metShare from the measured attainment), shown read-only. */
  round: { key: string; name: string; nameEn: string; phase: 'review' | 'evaluation'; dueAt: string | null; criteria: ReviewCriterion[]; automatic: string[] };
  declared: boolean;
  application: { id: string; title: string; subfield: string; applicant: string };
  review: ReviewState | null;
  peers: Array<{ expertName: string; total: number; scores: Record<string, number>; comment: string }> | null;
}
export interface ReviewBody {
  conflict: boolean;
  conflictReason?: string;
  scores?: Record<string, number>;
  comment?: string;
  submit: boolean;
}
export const getReviewAssignment = (id: string) => request<ReviewAssignment>(`/api/assignments/${encodeURIComponent(id)}`);
export const putReview = (id: string, body: ReviewBody) =>
  request<{ status: 'released' | 'declined'; declared: boolean; review: ReviewState | null }>(`/api/assignments/${encodeURIComponent(id)}/review`, { method: 'PUT', body });

export interface RankingItem {
  applicationId: string;
  score: number;
  rank: number;
  reviews: number;
  expected: number;
  mean: number;
  spread: number;
  normalized: number;
  disagreement: boolean;
  subfieldId: string;
  subfield: string;
  title: string;
  applicant: string;
  advanced: boolean;
  details: Array<{ expertName: string; total: number; z: number; scores: Record<string, number>; comment: string; assignmentId: string }>;
}
export interface Ranking {
  round: { key: string; name: string; nameEn: string; criteria: ReviewCriterion[]; next: { key: string; name: string; nameEn: string } | null };
  items: RankingItem[];
  unreviewed: Array<{ applicationId: string; title: string; applicant: string; subfieldId: string; subfield: string }>;
}
export const getRanking = (programId: string, query: { round: string; subfieldId?: string; normalized: boolean }) =>
  request<Ranking>(
    `${base(programId)}/ranking?round=${encodeURIComponent(query.round)}${query.subfieldId ? `&subfieldId=${query.subfieldId}` : ''}&normalized=${query.normalized}`,
  );
export const advanceApplications = (programId: string, round: string, applicationIds: string[]) =>
  request<{ round: string; advanced: number }>(`${base(programId)}/rounds/${encodeURIComponent(round)}/advance`, { method: 'POST', body: { applicationIds } });
export const correctReview = (assignmentId: string, body: { scores: Record<string, number>; comment: string; reason: string }) =>
  request<ReviewState>(`/api/admin/reviews/${assignmentId}`, { method: 'PUT', body });

export interface RoundSettings {
  reviewersPerApplication: number;
  maxPerExpert: number;
  dueAt: string | null;
  peerVisibility: boolean;
}
export const getRoundSettings = (programId: string, round: string) => request<RoundSettings>(`${base(programId)}/review-rounds/${encodeURIComponent(round)}/settings`);
export const putRoundSettings = (programId: string, round: string, body: RoundSettings) =>
  request<RoundSettings>(`${base(programId)}/review-rounds/${encodeURIComponent(round)}/settings`, { method: 'PUT', body });

export interface ReviewEvent {
  id: string;
  round: string;
  applicationId: string;
  title: string;
  applicant: string;
  kind: 'defence' | 'onsite';
  scheduledAt: string;
  place: string;
  members: string[];
  findings: string;
  report: { name: string; size: number; sha256: string; sm3: string } | null;
}
export interface EventFields {
  scheduledAt: string;
  place: string;
  members: string[];
  findings?: string;
}
export const listReviewEvents = (programId: string, round: string) => request<{ items: ReviewEvent[] }>(`${base(programId)}/review-events?round=${encodeURIComponent(round)}`);
export const scheduleReviewEvent = (programId: string, body: EventFields & { round: string; applicationId: string; kind: 'defence' | 'onsite' }) =>
  request<ReviewEvent>(`${base(programId)}/review-events`, { method: 'POST', body });
export const updateReviewEvent = (id: string, body: EventFields) => request<ReviewEvent>(`/api/admin/review-events/${id}`, { method: 'PUT', body });
export function uploadEventReport(id: string, file: File) {
  const form = new FormData();
  form.append('file', file, file.name);
  return request<ReviewEvent>(`/api/admin/review-events/${id}/report`, { method: 'POST', body: form });
}
export const eventReportUrl = (id: string) => `/api/admin/review-events/${id}/report`;

/** The application's review record, round by round (program admins). */
export interface ReviewRecordResponse {
  rounds: Array<{
    key: string;
    name: string;
    reviews: Array<{ expertName: string; status: string; conflictReason: string | null; state: 'draft' | 'submitted' | null; total: number | null; submittedAt: string | null }>;
    events: ReviewEvent[];
  }>;
}
export const getReviewRecord = (applicationId: string) => request<ReviewRecordResponse>(`/api/admin/applications/${applicationId}/review-record`);
