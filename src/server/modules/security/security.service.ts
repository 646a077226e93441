// The security admin's policy changes, audited with the values before and after.
import type { SecurityPolicy } from '../../../shared/schemas/security.js';
import { audit, type ServiceContext } from '../../http/request-context.js';
import { readSecurityPolicy, writeSecurityPolicy } from './security.repository.js';

export const getSecurityPolicy = (ctx: ServiceContext) => readSecurityPolicy(ctx.db);

export async function setSecurityPolicy(ctx: ServiceContext, policy: SecurityPolicy): Promise<SecurityPolicy> {
  return ctx.db.transaction(async (tx) => {
    const before = await readSecurityPolicy(tx);
    await writeSecurityPolicy(tx, policy);
    await audit(ctx, tx, { action: 'security.policy', objectType: 'security_policy', details: { before, after: policy } });
    return policy;
  });
}
