// The built-in program ai-2018: MIIT's 2018 AI 揭榜 catalogue (seed file), default sections and a live timeline.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { ReviewRound } from '../../../shared/schemas/catalogue.js';
import { PHASE_KEYS, type PhaseKey, type ProgramSection } from '../../../shared/schemas/system.js';
import type { DbOrTx } from '../../db/client.js';
import { directions, indicators, programPhases, reviewRounds, subfields } from '../../db/schema/index.js';
import { SEED_DIR } from '../../paths.js';

const seedEntry = { code: z.string(), name_zh: z.string(), name_en: z.string(), confirmed: z.boolean(), source: z.string(), note: z.string().optional() };
const seedFile = z.object({
  directions: z.array(
    z.object({
      ...seedEntry,
      group: z.enum(['智能产品', '核心基础', '智能制造', '支撑体系']),
      plan2020Summary: z.object({ text_zh: z.string() }).optional(),
      subfields: z.array(
        z.object({
          ...seedEntry,
          indicators: z.array(
            z.object({
              ...seedEntry,
              kind: z.enum(['number', 'boolean', 'text']),
              unit: z.string(),
              better: z.enum(['higher', 'lower']).nullable(),
              planTarget: z.object({ text: z.string(), comparator: z.enum(['<', '<=', '>', '>=']).optional(), value: z.number().optional() }).nullable(),
            }),
          ),
        }),
      ),
    }),
  ),
});

/** Sections of the application form (申报书) of the built-in program; decision record 005 says where they come from. */
export const BUILT_IN_SECTIONS: ProgramSection[] = [
  { key: 'basis', title: '技术基础与现有水平', required: true, maxLength: 5000 },
  { key: 'route', title: '技术路线与创新点', required: true, maxLength: 8000 },
  { key: 'milestones', title: '攻关目标与进度安排', required: true, maxLength: 5000 },
  { key: 'team', title: '团队与组织保障', required: true, maxLength: 4000 },
  { key: 'funding', title: '经费预算与条件保障', required: true, maxLength: 4000 },
  { key: 'application', title: '应用推广与产业化前景', required: false, maxLength: 4000 },
];

const criterion = (key: string, label: string, labelEn: string, weight: number) => ({ key, label, labelEn, weight, maxScore: 10 });
const ADVANCED = criterion('advanced', '技术先进性', 'Technical advancement', 30);
const FEASIBILITY = criterion('feasibility', '技术路线可行性', 'Feasibility of the technical route', 25);
const TARGETS = criterion('targets', '攻关目标合理性', 'Soundness of the committed targets', 20);
const IMPACT = criterion('impact', '应用前景与产业带动', 'Application prospects and industrial impact', 10);

/** Review rounds of the built-in program and their criteria (weights add up to 100; each criterion scored 0–10);
 * decision record 005 says where they come from. */
export const BUILT_IN_REVIEW_ROUNDS: ReviewRound[] = [
  {
    key: 'online',
    name: '网络初评',
    nameEn: 'Online review',
    phase: 'review',
    criteria: [ADVANCED, FEASIBILITY, TARGETS, criterion('team', '团队与条件保障', 'Team and resources', 15), IMPACT],
  },
  {
    key: 'defence',
    name: '会评答辩',
    nameEn: 'Panel defence',
    phase: 'review',
    criteria: [ADVANCED, FEASIBILITY, TARGETS, criterion('presentation', '答辩表现', 'Answers in the defence', 15), IMPACT],
  },
  {
    key: 'onsite',
    name: '现场评估',
    nameEn: 'On-site evaluation',
    phase: 'review',
    criteria: [
      criterion('basis', '现有基础属实程度', 'Existing basis as claimed', 40),
      criterion('conditions', '研发条件与投入', 'R&D conditions and investment', 30),
      criterion('management', '组织管理与保障', 'Organisation and management', 30),
    ],
  },
  {
    key: 'final',
    name: '总体评估',
    nameEn: 'Final evaluation',
    phase: 'evaluation',
    criteria: [
      criterion('metShare', '指标达成度', 'Share of targets met', 50),
      criterion('level', '技术水平', 'Technical level reached', 20),
      criterion('application', '应用成效', 'Results in application', 20),
      criterion('industry', '产业带动作用', 'Effect on the industry', 10),
    ],
  },
];

/** Phase lengths in days from the first start: the built-in program is live on a new installation. */
const PHASE_DAYS: Record<PhaseKey, [number, number]> = {
  application: [0, 30],
  recommendation: [30, 45],
  review: [45, 75],
  finalist_notice: [75, 82],
  attack: [82, 447],
  evaluation: [447, 477],
  winner_notice: [477, 484],
};

const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** 09:00 (opening) or 17:00 (closing) Beijing time, `days` days after the Beijing date of `from`. */
export function beijingTime(from: Date, days: number, hour: number): Date {
  const beijingMidnight = Math.floor((from.getTime() + BEIJING_OFFSET_MS) / 86_400_000) * 86_400_000 - BEIJING_OFFSET_MS;
  return new Date(beijingMidnight + days * 86_400_000 + hour * 3_600_000);
}

export function defaultPhases(from: Date): Array<{ key: PhaseKey; opensAt: Date; closesAt: Date }> {
  return PHASE_KEYS.map((key) => ({
    key,
    opensAt: beijingTime(from, PHASE_DAYS[key][0], 9),
    closesAt: beijingTime(from, PHASE_DAYS[key][1], 17),
  }));
}

export function readBuiltInCatalogue() {
  return seedFile.parse(JSON.parse(fs.readFileSync(path.join(SEED_DIR, 'ai-2018-catalogue.json'), 'utf8')));
}

/** Loads the catalogue into an empty program (17 directions, 38 subfields, 114 indicators). */
export async function loadBuiltInCatalogue(tx: DbOrTx, programId: string): Promise<void> {
  const data = readBuiltInCatalogue();
  for (const [dIndex, d] of data.directions.entries()) {
    const [direction] = await tx
      .insert(directions)
      .values({
        programId,
        code: d.code,
        name: d.name_zh,
        nameEn: d.name_en,
        group: d.group,
        planSummary: d.plan2020Summary?.text_zh ?? '',
        confirmed: d.confirmed,
        source: d.source,
        note: d.note ?? '',
        position: dIndex,
      })
      .returning({ id: directions.id });
    for (const [sIndex, s] of d.subfields.entries()) {
      const [subfield] = await tx
        .insert(subfields)
        .values({ programId, directionId: direction!.id, code: s.code, name: s.name_zh, nameEn: s.name_en, confirmed: s.confirmed, source: s.source, note: s.note ?? '', position: sIndex })
        .returning({ id: subfields.id });
      if (s.indicators.length === 0) continue;
      await tx.insert(indicators).values(
        s.indicators.map((i, iIndex) => ({
          programId,
          subfieldId: subfield!.id,
          code: i.code,
          name: i.name_zh,
          nameEn: i.name_en,
          kind: i.kind,
          unit: i.unit,
          better: i.better,
          planTargetText: i.planTarget?.text ?? null,
          planComparator: i.planTarget?.comparator ?? null,
          planValue: i.planTarget?.value ?? null,
          confirmed: i.confirmed,
          source: i.source,
          note: i.note ?? '',
          position: iIndex,
        })),
      );
    }
  }
}

export async function insertDefaultPhases(tx: DbOrTx, programId: string, from: Date): Promise<void> {
  await tx.insert(programPhases).values(defaultPhases(from).map((p) => ({ programId, ...p })));
}

export async function insertReviewRounds(tx: DbOrTx, programId: string, rounds: ReviewRound[]): Promise<void> {
  if (rounds.length === 0) return;
  await tx.insert(reviewRounds).values(rounds.map((r, position) => ({ programId, ...r, position })));
}
