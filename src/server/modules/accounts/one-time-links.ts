// One-time links for invitations and password resets: ≥128-bit random token, only its hash stored, single use, short expiry.
// The same flow will carry the e-mails once e-mail exists; until then the admin copies the link from the page.
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { oneTimeTokens } from '../../db/schema/index.js';
import { AppError } from '../../http/app-error.js';

export type LinkPurpose = 'invite' | 'reset';
export const LINK_TTL_MS: Record<LinkPurpose, number> = { invite: 72 * 3_600_000, reset: 24 * 3_600_000 };

const digest = (token: string) => createHash('sha256').update(token).digest('hex');

export async function issueLink(
  db: DbOrTx,
  input: { purpose: LinkPurpose; email: string; userId?: string; organizationId?: string; createdBy: string; now: Date },
): Promise<{ path: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(input.now.getTime() + LINK_TTL_MS[input.purpose]);
  if (input.userId && input.purpose === 'reset') {
    // A new reset link replaces any earlier unused one.
    await db
      .update(oneTimeTokens)
      .set({ usedAt: input.now })
      .where(and(eq(oneTimeTokens.userId, input.userId), eq(oneTimeTokens.purpose, 'reset'), isNull(oneTimeTokens.usedAt)));
  }
  await db.insert(oneTimeTokens).values({
    tokenHash: digest(token),
    purpose: input.purpose,
    email: input.email,
    userId: input.userId ?? null,
    organizationId: input.organizationId ?? null,
    createdBy: input.createdBy,
    expiresAt,
  });
  return { path: `/${input.purpose === 'invite' ? 'invite' : 'reset'}/${token}`, expiresAt };
}

const INVALID = { zh: '链接无效、已使用或已过期，请联系管理员重新获取', en: 'This link is invalid, used or expired; ask your administrator for a new one' };

/** Marks the link used (inside the caller's transaction) and returns what it was issued for; refuses a bad link. */
export async function consumeLink(db: DbOrTx, token: string, purpose: LinkPurpose, now: Date) {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) throw new AppError('NOT_FOUND', INVALID);
  const rows = await db
    .update(oneTimeTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(oneTimeTokens.tokenHash, digest(token)),
        eq(oneTimeTokens.purpose, purpose),
        isNull(oneTimeTokens.usedAt),
        sql`${oneTimeTokens.expiresAt} > ${now.toISOString()}`,
      ),
    )
    .returning();
  const link = rows[0];
  if (!link) throw new AppError('NOT_FOUND', INVALID);
  return link;
}
