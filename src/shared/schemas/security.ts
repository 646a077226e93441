// The security policy the security admin sets: password profile, session timeouts, sign-in lockout.
import { z } from 'zod';

export const securityPolicySchema = z.strictObject({
  /** `standard`: 10+ characters with letters and digits. `dengbao` (等保 2.0 level 3): 12+ characters, three of four
   * character classes, and a change every `passwordMaxAgeDays`. */
  passwordProfile: z.enum(['standard', 'dengbao']),
  passwordMaxAgeDays: z.number().int().min(30).max(365),
  sessionIdleMinutes: z.number().int().min(5).max(240),
  sessionAbsoluteHours: z.number().int().min(1).max(72),
  lockoutThreshold: z.number().int().min(3).max(20),
  lockoutMinutes: z.number().int().min(1).max(1440),
});
export type SecurityPolicy = z.infer<typeof securityPolicySchema>;

export const DEFAULT_SECURITY_POLICY: SecurityPolicy = {
  passwordProfile: 'standard',
  passwordMaxAgeDays: 90,
  sessionIdleMinutes: 30,
  sessionAbsoluteHours: 12,
  lockoutThreshold: 5,
  lockoutMinutes: 15,
};
