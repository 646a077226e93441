// The public catalogue of a program.
import type { CatalogueResponse } from '../../shared/schemas/catalogue.js';
import type { ProgramQuotas } from '../../shared/schemas/system.js';
import { request } from './client.js';

/** The public catalogue; `fresh` revalidates the browser's cached copy (editors must see their own changes at once). */
export const getCatalogue = (programIdOrCode: string, fresh = false) =>
  request<CatalogueResponse>(`/api/programs/${encodeURIComponent(programIdOrCode)}/catalogue`, fresh ? { cache: 'no-cache' } : {});

/** Dates are sent with the +08:00 offset: deadlines are defined in Beijing time. */
export const setPhase = (programCode: string, key: string, opensAt: string, closesAt: string) =>
  request(`/api/admin/programs/${encodeURIComponent(programCode)}/phases/${key}`, { method: 'PUT', body: { opensAt, closesAt } });

export const setQuotas = (programCode: string, quotas: ProgramQuotas) =>
  request<ProgramQuotas>(`/api/admin/programs/${encodeURIComponent(programCode)}/quotas`, { method: 'PUT', body: quotas });
