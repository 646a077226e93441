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

export interface DemoInfo {
  enabled: boolean;
  password: string | null;
  accounts: Array<{ role: string; email: string; name: string }>;
}
/** The demo accounts, in demo mode only (`enabled` false otherwise). */
export const getDemo = (): Promise<DemoInfo> => request<DemoInfo>('/api/demo');
