// Recommending units: the 37 provincial-level ones made at first start; others created by program or system admins.
import { PLAN_CITIES, PROVINCES, isPlanCityCode, isProvinceCode } from '../../../shared/regions.js';
import type { RecommenderView } from '../../../shared/schemas/accounts.js';
import { USCC_MESSAGES, usccProblem } from '../../../shared/uscc.js';
import { isUniqueViolation } from '../../db/errors.js';
import { AppError, invalidFields, type Localized } from '../../http/app-error.js';
import { audit, type ServiceContext } from '../../http/request-context.js';
import * as repo from './accounts.repository.js';

const toView = (r: repo.RecommenderRow): RecommenderView => ({
  id: r.id,
  name: r.name,
  nameEn: r.nameEn,
  kind: r.kind,
  regionCode: r.regionCode,
  cityCode: r.cityCode,
});

/** The 31 provinces, the Corps and the 5 计划单列市: one industry-and-IT department each. Idempotent. */
export async function ensureProvincialRecommenders(ctx: ServiceContext): Promise<number> {
  const existing = await repo.listRecommenders(ctx.db);
  const have = new Set(existing.filter((r) => r.kind === 'province').map((r) => `${r.regionCode}:${r.cityCode ?? ''}`));
  const wanted = [
    ...PROVINCES.map((p) => ({ regionCode: p.code, cityCode: null as string | null, name: p.name, nameEn: p.nameEn })),
    ...PLAN_CITIES.map((c) => ({ regionCode: c.provinceCode, cityCode: c.code as string | null, name: c.name, nameEn: c.nameEn })),
  ].filter((w) => !have.has(`${w.regionCode}:${w.cityCode ?? ''}`));
  if (wanted.length === 0) return 0;
  await ctx.db.transaction(async (tx) => {
    for (const w of wanted) {
      const unit = w.regionCode === '660000' && !w.cityCode ? '工业和信息化局' : '工业和信息化主管部门';
      await repo.insertRecommender(tx, {
        name: `${w.name}${unit}`,
        nameEn: `Industry and IT department of ${w.nameEn}`,
        kind: 'province',
        regionCode: w.regionCode,
        cityCode: w.cityCode,
        builtIn: true,
      });
    }
    await audit(ctx, tx, { action: 'recommender.seed', objectType: 'recommender', details: { created: wanted.length } });
  });
  return wanted.length;
}

export async function listRecommenderViews(ctx: ServiceContext): Promise<RecommenderView[]> {
  return (await repo.listRecommenders(ctx.db)).map(toView);
}

export async function createRecommender(
  ctx: ServiceContext,
  input: { name: string; kind: RecommenderView['kind']; regionCode?: string; cityCode?: string; uscc?: string },
): Promise<{ id: string }> {
  const problems: Array<{ path: string; message: Localized }> = [];
  if (input.kind === 'province') {
    if (!input.regionCode || !isProvinceCode(input.regionCode)) {
      problems.push({ path: 'regionCode', message: { zh: '省级推荐单位须有省级行政区划代码', en: 'A provincial recommender needs a province-level region code' } });
    }
    if (input.cityCode && !isPlanCityCode(input.cityCode)) {
      problems.push({ path: 'cityCode', message: { zh: '计划单列市代码无效', en: 'Not a city with separate planning status' } });
    }
  } else if (input.regionCode !== undefined && !isProvinceCode(input.regionCode)) {
    problems.push({ path: 'regionCode', message: { zh: '行政区划代码无效', en: 'Not a province-level region code' } });
  }
  if (input.uscc !== undefined) {
    const problem = usccProblem(input.uscc);
    if (problem) problems.push({ path: 'uscc', message: USCC_MESSAGES[problem] });
  }
  if (problems.length > 0) throw invalidFields(problems);
  return ctx.db.transaction(async (tx) => {
    if (await repo.findRecommenderByName(tx, input.name)) {
      throw new AppError('CONFLICT', { zh: `推荐单位“${input.name}”已存在`, en: `The recommending unit "${input.name}" already exists` });
    }
    const created = await repo
      .insertRecommender(tx, {
        name: input.name,
        kind: input.kind,
        regionCode: input.regionCode ?? null,
        cityCode: input.cityCode ?? null,
        uscc: input.uscc ?? null,
      })
      .catch((error: unknown) => {
        if (isUniqueViolation(error)) {
          throw new AppError('CONFLICT', { zh: '该地区或代码的推荐单位已存在', en: 'A recommending unit for this region or code already exists' });
        }
        throw error;
      });
    await audit(ctx, tx, { action: 'recommender.create', objectType: 'recommender', objectId: created.id, details: { kind: input.kind } });
    return { id: created.id };
  });
}
