// The security policy, kept in app_settings so every app process applies the same one.
import { eq, sql } from 'drizzle-orm';
import { DEFAULT_SECURITY_POLICY, securityPolicySchema, type SecurityPolicy } from '../../../shared/schemas/security.js';
import type { DbOrTx } from '../../db/client.js';
import { appSettings } from '../../db/schema/index.js';

const KEY = 'security_policy';

export async function readSecurityPolicy(db: DbOrTx): Promise<SecurityPolicy> {
  const rows = await db.select({ value: appSettings.value }).from(appSettings).where(eq(appSettings.key, KEY));
  const parsed = securityPolicySchema.safeParse(rows[0]?.value);
  return parsed.success ? parsed.data : DEFAULT_SECURITY_POLICY;
}

export async function writeSecurityPolicy(db: DbOrTx, policy: SecurityPolicy): Promise<void> {
  await db
    .insert(appSettings)
    .values({ key: KEY, value: policy })
    .onConflictDoUpdate({ target: appSettings.key, set: { value: policy, updatedAt: sql`now()` } });
}
