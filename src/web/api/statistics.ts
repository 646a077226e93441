// Public statistics, the program admin's dashboard and the signed-in user's to-do list.
import type { AdminDashboard, PublicStatistics, TodoResponse } from '../../shared/schemas/statistics.js';
import { request } from './client.js';

export const publicStatistics = (programId: string) => request<PublicStatistics>(`/api/public/programs/${encodeURIComponent(programId)}/statistics`);
export const statisticsWorkbookUrl = (programId: string) => `/api/public/programs/${encodeURIComponent(programId)}/statistics.xlsx`;
export const adminDashboard = (programId: string, fresh = false) =>
  request<AdminDashboard>(`/api/admin/programs/${encodeURIComponent(programId)}/dashboard${fresh ? '?fresh=1' : ''}`);
export const myTodo = () => request<TodoResponse>('/api/me/todo');
