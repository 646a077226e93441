// Account calls: register, sign in and out, password, recommending units, accounts by admins.
import type { CreateExpertBody, ExpertView, RecommenderView, UserSummary } from '../../shared/schemas/accounts.js';
import type { SessionUser } from '../../shared/schemas/system.js';
import { request, setCsrfToken } from './client.js';

export interface RegisterInput {
  organization: { name: string; uscc: string; kind: string; regionCode: string; cityCode?: string; parentUscc?: string };
  user: { name: string; email: string; phone: string; password: string };
}

export async function register(input: RegisterInput) {
  const result = await request<{ user: SessionUser; csrfToken: string }>('/api/auth/register', { method: 'POST', body: input });
  setCsrfToken(result.csrfToken);
  return result;
}

export async function login(email: string, password: string) {
  const result = await request<{ user: SessionUser; csrfToken: string }>('/api/auth/login', { method: 'POST', body: { email, password } });
  setCsrfToken(result.csrfToken);
  return result;
}

export async function logout(): Promise<void> {
  await request('/api/auth/logout', { method: 'POST' });
  setCsrfToken(null);
}

export const changePassword = (currentPassword: string, newPassword: string) =>
  request('/api/auth/password', { method: 'POST', body: { currentPassword, newPassword } });

export const listRecommenders = async () => (await request<{ items: RecommenderView[] }>('/api/recommenders')).items;

export const createRecommender = (input: { name: string; kind: string; regionCode?: string; cityCode?: string; uscc?: string }) =>
  request<{ id: string }>('/api/admin/recommenders', { method: 'POST', body: input });

export const createUser = (input: { role: string; name: string; email: string; password: string; recommenderId?: string }) =>
  request<{ id: string }>('/api/admin/users', { method: 'POST', body: input });

export type { UserSummary };

export const listUsers = async () => (await request<{ items: UserSummary[] }>('/api/admin/users')).items;

export const setUserDisabled = (userId: string, disabled: boolean) =>
  request(`/api/admin/users/${userId}/disabled`, { method: 'POST', body: { disabled } });

export const createResetLink = (userId: string) =>
  request<{ path: string; expiresAt: string }>(`/api/admin/users/${userId}/reset-link`, { method: 'POST' });

export const inviteMember = (email: string) =>
  request<{ path: string; expiresAt: string }>('/api/organization/invitations', { method: 'POST', body: { email } });

export async function acceptInvitation(input: { token: string; name: string; phone: string; password: string }) {
  const result = await request<{ user: SessionUser; csrfToken: string }>('/api/auth/invitations/accept', { method: 'POST', body: input });
  setCsrfToken(result.csrfToken);
  return result;
}

export const resetPassword = (token: string, password: string) => request('/api/auth/reset', { method: 'POST', body: { token, password } });

export const endUserSessions = (userId: string) =>
  request<{ ended: number }>(`/api/security/users/${userId}/end-sessions`, { method: 'POST' });

export const listExperts = async () => (await request<{ items: ExpertView[] }>('/api/admin/experts')).items;
export const createExpert = (input: CreateExpertBody) => request<{ id: string }>('/api/admin/experts', { method: 'POST', body: input });
