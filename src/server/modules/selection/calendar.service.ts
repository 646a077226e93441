// The admins' side of the working-day calendar: a year's special days, and corrections of a day (audited).
import { eq } from 'drizzle-orm';
import { calendarOverrides } from '../../db/schema/index.js';
import { AppError, invalidFields } from '../../http/app-error.js';
import { audit, type ServiceContext } from '../../http/request-context.js';
import { hasRole } from '../accounts/actor.js';
import { yearDays } from './calendar.js';

function requireCalendarAdmin(ctx: ServiceContext): void {
  if (!hasRole(ctx.actor, 'program_admin', 'system_admin')) throw new AppError('FORBIDDEN');
}

export async function yearCalendar(ctx: ServiceContext, year: number) {
  requireCalendarAdmin(ctx);
  return { year, days: await yearDays(ctx.db, year) };
}

/** Makes a day a working day or a holiday, or an ordinary day, overriding the built-in calendar; `builtin` removes
 * the correction. */
export async function setCalendarDay(ctx: ServiceContext, date: string, input: { kind: 'workday' | 'holiday' | 'normal' | 'builtin'; name?: string }) {
  requireCalendarAdmin(ctx);
  if (Number.isNaN(Date.parse(`${date}T00:00:00Z`)) || new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date) {
    throw invalidFields([{ path: 'date', message: { zh: '日期无效', en: 'Not a valid date' } }]);
  }
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(calendarOverrides).where(eq(calendarOverrides.date, date));
    if (input.kind === 'builtin') {
      await tx.delete(calendarOverrides).where(eq(calendarOverrides.date, date));
    } else {
      const values = { kind: input.kind, name: input.name?.trim() ?? '', updatedBy: ctx.actor!.id, updatedAt: ctx.now };
      await tx.insert(calendarOverrides).values({ date, ...values }).onConflictDoUpdate({ target: calendarOverrides.date, set: values });
    }
    await audit(ctx, tx, { action: 'calendar.day.set', objectType: 'calendar', objectId: date, details: { before: before ? { kind: before.kind, name: before.name } : null, after: input } });
  });
  return yearCalendar(ctx, Number(date.slice(0, 4)));
}
