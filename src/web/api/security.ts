// The security admin's policy.
import type { SecurityPolicy } from '../../shared/schemas/security.js';
import { request } from './client.js';

export const getSecurityPolicy = () => request<SecurityPolicy>('/api/security/policy');
export const setSecurityPolicy = (policy: SecurityPolicy) => request<SecurityPolicy>('/api/security/policy', { method: 'PUT', body: policy });
