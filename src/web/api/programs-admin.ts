// Program admins' editor: programs, their sections and review rounds, and the catalogue's entries.
import type { ReviewRound } from '../../shared/schemas/catalogue.js';
import type {
  DirectionFields,
  IndicatorFields,
  ProgramDocument,
  ProgramInfoFields,
  ReviewRoundFields,
  SectionFields,
  SubfieldFields,
} from '../../shared/schemas/program-document.js';
import type { ProgramQuotas } from '../../shared/schemas/system.js';
import { request } from './client.js';

const program = (code: string) => `/api/admin/programs/${encodeURIComponent(code)}`;

export const createProgram = (body: ProgramInfoFields & { code: string; quotas: ProgramQuotas }) =>
  request<{ id: string; code: string }>('/api/admin/programs', { method: 'POST', body });
export const updateProgramInfo = (code: string, body: ProgramInfoFields) => request<ProgramInfoFields>(program(code), { method: 'PUT', body });
export const setSections = (code: string, sections: SectionFields[]) => request(`${program(code)}/sections`, { method: 'PUT', body: { sections } });
export const putReviewRound = (code: string, key: string, body: ReviewRoundFields) =>
  request<ReviewRound>(`${program(code)}/review-rounds/${encodeURIComponent(key)}`, { method: 'PUT', body });
export const deleteReviewRound = (code: string, key: string) => request(`${program(code)}/review-rounds/${encodeURIComponent(key)}`, { method: 'DELETE' });

export const exportUrl = (code: string, format: 'json' | 'xlsx') => `${program(code)}/${format === 'json' ? 'export' : 'export.xlsx'}`;
export const importProgramDocument = (doc: ProgramDocument) => request<{ id: string }>('/api/admin/programs/import', { method: 'POST', body: doc });
export function importProgramWorkbook(file: File) {
  const form = new FormData();
  form.append('file', file, file.name);
  return request<{ id: string }>('/api/admin/programs/import.xlsx', { method: 'POST', body: form });
}

export type EntryLevel = 'directions' | 'subfields' | 'indicators';
export type EntryFields = { directions: DirectionFields; subfields: SubfieldFields; indicators: IndicatorFields };

/** Adds an entry under its parent: a direction to a program, a subfield to a direction, an indicator to a subfield. */
export function createEntry<L extends EntryLevel>(level: L, parent: string, body: EntryFields[L]) {
  const path =
    level === 'directions'
      ? `${program(parent)}/directions`
      : level === 'subfields'
        ? `/api/admin/directions/${parent}/subfields`
        : `/api/admin/subfields/${parent}/indicators`;
  return request<{ id: string }>(path, { method: 'POST', body });
}
export const updateEntry = <L extends EntryLevel>(level: L, id: string, body: EntryFields[L]) =>
  request<{ id: string }>(`/api/admin/${level}/${id}`, { method: 'PUT', body });
export const deleteEntry = (level: EntryLevel, id: string) => request(`/api/admin/${level}/${id}`, { method: 'DELETE' });
