// The public page of a subfield's winners (揭榜优胜单位) once published: organizations and projects with their measured
// results per declared indicator and the share of targets met. No person, no lab's notes, no test reports (S12).
import { and, eq, inArray, isNotNull, isNull, or } from 'drizzle-orm';
import type { PublicWinners } from '../../../shared/schemas/evaluation.js';
import { regionByCode } from '../../../shared/regions.js';
import { applications, directions, notices, organizations, recommenders, selections, subfields } from '../../db/schema/index.js';
import { AppError } from '../../http/app-error.js';
import type { ServiceContext } from '../../http/request-context.js';
import { findProgram } from '../programs/catalogue.service.js';
import { attainmentsOf } from './attainment.service.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function publicWinners(ctx: ServiceContext, programIdOrCode: string, subfieldIdOrCode: string): Promise<PublicWinners> {
  const program = await findProgram(ctx, programIdOrCode);
  const [row] = await ctx.db
    .select({ s: subfields, direction: directions })
    .from(subfields)
    .innerJoin(directions, eq(directions.id, subfields.directionId))
    .where(and(eq(subfields.programId, program.id), UUID.test(subfieldIdOrCode) ? or(eq(subfields.id, subfieldIdOrCode), eq(subfields.code, subfieldIdOrCode)) : eq(subfields.code, subfieldIdOrCode)));
  if (!row) throw new AppError('NOT_FOUND');
  const winners = await ctx.db
    .select({ app: applications, applicant: organizations.name, regionCode: organizations.regionCode, recommender: recommenders.name })
    .from(selections)
    .innerJoin(notices, eq(notices.id, selections.noticeId))
    .innerJoin(applications, eq(applications.id, selections.applicationId))
    .innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .leftJoin(recommenders, eq(recommenders.id, applications.recommenderId))
    .where(
      and(
        eq(selections.programId, program.id),
        eq(selections.subfieldId, row.s.id),
        eq(selections.stage, 'winner'),
        isNull(selections.revokedAt),
        isNotNull(notices.publishedAt),
        inArray(applications.status, ['winner_confirmed']),
      ),
    )
    .orderBy(organizations.name);
  const attainments = await attainmentsOf(ctx.db, winners.map((w) => w.app));
  return {
    subfield: { id: row.s.id, code: row.s.code, name: row.s.name, nameEn: row.s.nameEn, direction: row.direction.name, directionEn: row.direction.nameEn },
    published: winners.length > 0,
    winners: winners.map((w) => {
      const a = attainments.get(w.app.id)!;
      return {
        title: w.app.title,
        applicant: w.applicant,
        responsibleUnit: w.app.responsibleUnit,
        recommender: w.recommender ?? '',
        region: regionByCode(w.regionCode)?.name ?? '',
        metShare: a.metShare,
        met: a.met,
        judged: a.judged,
        items: a.items.map((i) => ({
          code: i.code,
          name: i.name,
          nameEn: i.nameEn,
          kind: i.kind,
          unit: i.unit,
          better: i.better,
          planTarget: i.planTarget,
          target: i.target,
          measured: i.measured,
          metTarget: i.metTarget,
          metPlanTarget: i.metPlanTarget,
        })),
      };
    }),
  };
}
