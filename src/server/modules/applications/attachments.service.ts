// Attachments of an application: PDF only (checked by content), limited in size and number, stored under generated
// names with SHA-256 and SM3 computed while streaming; downloads never render in the browser.
import path from 'node:path';
import type { Readable } from 'node:stream';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { APPLICATION_LIMITS, type Attachment } from '../../../shared/schemas/applications.js';
import type { DbOrTx } from '../../db/client.js';
import { attachments } from '../../db/schema/index.js';
import { AppError } from '../../http/app-error.js';
import { audit, type ServiceContext } from '../../http/request-context.js';
import { looksLikePdf, TooLargeError, type FileStore } from '../../storage/file-store.js';
import { EDITABLE_STATUSES, requireEditWindow, requireOwner, requireStatus, visibleApplication } from './applications.service.js';

const NOT_PDF = { zh: '只接受 PDF 文件（按文件内容判断，不看扩展名）', en: 'Only PDF files are accepted (judged by content, not by name)' };

const TOO_MANY = () =>
  new AppError('QUOTA_EXCEEDED', { zh: `每份申报至多 ${APPLICATION_LIMITS.attachments} 个附件`, en: `At most ${APPLICATION_LIMITS.attachments} attachments per application` });

async function countAttachments(db: DbOrTx, applicationId: string): Promise<number> {
  const rows = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(attachments)
    .where(and(eq(attachments.applicationId, applicationId), isNull(attachments.deletedAt)));
  return rows[0]?.n ?? 0;
}

/** A file name safe to keep and show: no folders, no control characters, at most 200 characters. */
export function cleanFileName(name: string): string {
  const base = path.posix.basename(name.replaceAll('\\', '/'));
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '_').replace(/^\.+/, '').trim();
  const limited = [...clean].slice(0, APPLICATION_LIMITS.fileName).join('');
  return limited || 'attachment.pdf';
}

export async function addAttachment(ctx: ServiceContext, files: FileStore, id: string, upload: { filename: string; stream: Readable }): Promise<Attachment> {
  const app = await visibleApplication(ctx, ctx.db, id);
  requireOwner(ctx, app);
  requireStatus(app, EDITABLE_STATUSES, { zh: '申报书已提交，不能再上传附件', en: 'The application has been submitted; no more attachments' });
  await requireEditWindow(ctx, ctx.db, app);
  if ((await countAttachments(ctx.db, app.id)) >= APPLICATION_LIMITS.attachments) {
    upload.stream.resume();
    throw TOO_MANY();
  }
  let stored;
  try {
    stored = await files.save(upload.stream, APPLICATION_LIMITS.attachmentBytes);
  } catch (error) {
    if (error instanceof TooLargeError) {
      throw new AppError('PAYLOAD_TOO_LARGE', { zh: '附件不能超过 10 MB', en: 'An attachment is at most 10 MB' });
    }
    throw error;
  }
  if (!looksLikePdf(stored)) {
    await files.remove(stored.key);
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', NOT_PDF);
  }
  const name = cleanFileName(upload.filename);
  try {
    return await ctx.db.transaction(async (tx) => {
      // The application may have been submitted while the file streamed: check again under the row lock.
      const locked = await visibleApplication(ctx, tx, id, true);
      requireStatus(locked, EDITABLE_STATUSES, { zh: '申报书已提交，不能再上传附件', en: 'The application has been submitted; no more attachments' });
      // Concurrent uploads queue on the lock, so the limit holds for them too.
      if ((await countAttachments(tx, app.id)) >= APPLICATION_LIMITS.attachments) throw TOO_MANY();
      const [row] = await tx
        .insert(attachments)
        .values({ applicationId: app.id, name, size: stored.size, sha256: stored.sha256, sm3: stored.sm3, storageKey: stored.key, uploadedBy: ctx.actor!.id })
        .returning();
      await audit(ctx, tx, { action: 'attachment.add', objectType: 'application', objectId: app.id, details: { attachmentId: row!.id, size: stored.size, sha256: stored.sha256 } });
      return { id: row!.id, name: row!.name, size: row!.size, sha256: row!.sha256, sm3: row!.sm3 };
    });
  } catch (error) {
    await files.remove(stored.key);
    throw error;
  }
}

async function attachmentOf(ctx: ServiceContext, applicationId: string, attachmentId: string) {
  const rows = await ctx.db
    .select()
    .from(attachments)
    .where(and(eq(attachments.id, attachmentId), eq(attachments.applicationId, applicationId), isNull(attachments.deletedAt)));
  if (!rows[0]) throw new AppError('NOT_FOUND');
  return rows[0];
}

export async function openAttachment(ctx: ServiceContext, files: FileStore, id: string, attachmentId: string) {
  const app = await visibleApplication(ctx, ctx.db, id);
  const row = await attachmentOf(ctx, app.id, attachmentId);
  return { name: row.name, size: row.size, stream: files.open(row.storageKey) };
}

/** Removes an attachment from the application; the bytes stay for the submitted versions that list them. */
export async function removeAttachment(ctx: ServiceContext, id: string, attachmentId: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const app = await visibleApplication(ctx, tx, id, true);
    // API.md's order: an attachment that is not there is not found before any question of state.
    const row = await attachmentOf({ ...ctx, db: tx }, app.id, attachmentId);
    requireOwner(ctx, app);
    requireStatus(app, EDITABLE_STATUSES, { zh: '申报书已提交，不能删除附件', en: 'The application has been submitted; attachments cannot be removed' });
    await requireEditWindow(ctx, tx, app);
    await tx.update(attachments).set({ deletedAt: ctx.now }).where(eq(attachments.id, row.id));
    await audit(ctx, tx, { action: 'attachment.remove', objectType: 'application', objectId: app.id, details: { attachmentId: row.id, sha256: row.sha256 } });
  });
}
