// Platform calls: health, the session, the program list.
import type { HealthResponse, ProgramListResponse, ProgramSummary, SessionResponse } from '../../shared/schemas/system.js';
import { request, setCsrfToken } from './client.js';

export const getHealth = (): Promise<HealthResponse> => request<HealthResponse>('/api/health');

export async function getSession(): Promise<SessionResponse> {
  const session = await request<SessionResponse>('/api/auth/session');
  setCsrfToken(session.csrfToken);
  return session;
}

export const listPrograms = async (): Promise<ProgramSummary[]> => (await request<ProgramListResponse>('/api/programs')).items;
