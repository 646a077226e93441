// The attack period and the final evaluation: labs, measurements, attainment, progress reports, the winner page.
import type { Attachment } from '../../shared/schemas/applications.js';
import type {
  ApplicationProgress,
  AttainmentResponse,
  EvaluationOverviewItem,
  LabApplication,
  LabReport,
  MeasurementInput,
  ProgressMilestone,
  ProgressOverview,
  ProgressReportView,
  PublicWinners,
} from '../../shared/schemas/evaluation.js';
import { request } from './client.js';

const admin = (programId: string) => `/api/admin/programs/${encodeURIComponent(programId)}`;
const app = (id: string) => `/api/applications/${encodeURIComponent(id)}`;

function upload<T>(url: string, file: File) {
  const form = new FormData();
  form.append('file', file, file.name);
  return request<T>(url, { method: 'POST', body: form });
}

export const evaluationOverview = (programId: string) => request<{ items: EvaluationOverviewItem[] }>(`${admin(programId)}/evaluation`);
export const listLabs = () => request<{ items: Array<{ id: string; name: string; email: string }> }>('/api/admin/labs');
export const assignLab = (programId: string, applicationId: string, labUserId: string) =>
  request<{ id: string }>(`${admin(programId)}/lab-assignments`, { method: 'POST', body: { applicationId, labUserId } });
export const assignLabToSubfield = (programId: string, subfieldId: string, labUserId: string) =>
  request<{ assigned: number }>(`${admin(programId)}/lab-assignments/subfield`, { method: 'POST', body: { subfieldId, labUserId } });

export const myLabApplications = () => request<{ items: LabApplication[] }>('/api/lab/applications');
export const getAttainment = (id: string) => request<AttainmentResponse>(`${app(id)}/attainment`);
export const saveMeasurements = (id: string, items: MeasurementInput[]) => request<AttainmentResponse>(`${app(id)}/measurements`, { method: 'PUT', body: { items } });
export const uploadLabReport = (id: string, file: File) => upload<LabReport>(`${app(id)}/lab-reports`, file);
export const labReportUrl = (id: string, reportId: string) => `${app(id)}/lab-reports/${encodeURIComponent(reportId)}`;
export const commentMeasurement = (id: string, measurementId: string, comment: string) =>
  request<{ id: string; comment: string; commentedAt: string }>(`${app(id)}/measurements/${encodeURIComponent(measurementId)}/comment`, { method: 'PUT', body: { comment } });

export const listMilestones = (programId: string) => request<{ items: ProgressMilestone[] }>(`${admin(programId)}/progress-milestones`);
export const createMilestone = (programId: string, body: { title: string; description?: string; dueAt: string }) =>
  request<ProgressMilestone>(`${admin(programId)}/progress-milestones`, { method: 'POST', body });
export const updateMilestone = (id: string, body: { title: string; description?: string; dueAt: string }) =>
  request<ProgressMilestone>(`/api/admin/progress-milestones/${encodeURIComponent(id)}`, { method: 'PUT', body });
export const deleteMilestone = (id: string) => request<void>(`/api/admin/progress-milestones/${encodeURIComponent(id)}`, { method: 'DELETE' });
export const progressOverview = (programId: string) => request<ProgressOverview>(`${admin(programId)}/progress-reports`);
export const reviewProgress = (reportId: string, decision: 'accept' | 'request_more', comment: string) =>
  request<ProgressReportView>(`/api/admin/progress-reports/${encodeURIComponent(reportId)}/review`, { method: 'POST', body: { decision, comment } });

export const getProgress = (id: string) => request<ApplicationProgress>(`${app(id)}/progress-reports`);
const report = (id: string, milestoneId: string) => `${app(id)}/progress-reports/${encodeURIComponent(milestoneId)}`;
export const saveProgress = (id: string, milestoneId: string, content: string, version?: number) =>
  request<ProgressReportView>(report(id, milestoneId), { method: 'PUT', body: { content, ...(version ? { version } : {}) } });
export const submitProgress = (id: string, milestoneId: string) => request<ProgressReportView>(`${report(id, milestoneId)}/submit`, { method: 'POST' });
export const uploadProgressFile = (id: string, milestoneId: string, file: File) => upload<Attachment>(`${report(id, milestoneId)}/files`, file);
export const progressFileUrl = (id: string, milestoneId: string, fileId: string) => `${report(id, milestoneId)}/files/${encodeURIComponent(fileId)}`;
export const removeProgressFile = (id: string, milestoneId: string, fileId: string) => request<void>(progressFileUrl(id, milestoneId, fileId), { method: 'DELETE' });

export const publicWinners = (programId: string, subfield: string) =>
  request<PublicWinners>(`/api/public/programs/${encodeURIComponent(programId)}/subfields/${encodeURIComponent(subfield)}/winners`);
