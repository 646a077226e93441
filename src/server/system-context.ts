// A service context for actions the platform takes itself (start-up, CLI): no signed-in actor, no request.
import type { Db } from './db/client.js';
import type { ServiceContext } from './http/request-context.js';
import type { AuditConfig } from './modules/audit/audit.service.js';

export function systemContext(db: Db, auditConfig: AuditConfig, now = new Date(), requestId = 'system'): ServiceContext {
  return { db, actor: null, now, lang: 'zh', requestId, ip: null, userAgent: null, auditConfig };
}
