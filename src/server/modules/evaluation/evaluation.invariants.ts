// Cross-table rules of selection and the final evaluation that constraints cannot express; part of check-invariants.
import { inArray, sql } from 'drizzle-orm';
import { isAutomaticCriterion, metShareScore } from '../../../shared/attainment.js';
import type { ReviewCriterion } from '../../../shared/schemas/catalogue.js';
import type { DbOrTx } from '../../db/client.js';
import { applications } from '../../db/schema/index.js';
import type { Invariant } from '../../invariants.js';
import { attainmentsOf } from './attainment.service.js';

const rows = async <T>(db: DbOrTx, query: ReturnType<typeof sql>) => (await db.execute(query)).rows as T[];

export const EVALUATION_INVARIANTS: Invariant[] = [
  {
    name: 'no subfield has more finalists or winners than its quota',
    async check(db) {
      const bad = await rows<{ code: string; stage: string; n: number; quota: number }>(
        db,
        sql`SELECT s.code, sel.stage, count(*)::int AS n,
                   CASE WHEN sel.stage = 'finalist' THEN coalesce(s.finalists_quota, p.finalists_per_subfield)
                        ELSE coalesce(s.winners_quota, p.winners_per_subfield) END AS quota
              FROM selections sel JOIN subfields s ON s.id = sel.subfield_id JOIN programs p ON p.id = sel.program_id
             WHERE sel.revoked_at IS NULL
             GROUP BY s.code, sel.stage, s.finalists_quota, s.winners_quota, p.finalists_per_subfield, p.winners_per_subfield
            HAVING count(*) > CASE WHEN sel.stage = 'finalist' THEN coalesce(s.finalists_quota, p.finalists_per_subfield)
                                   ELSE coalesce(s.winners_quota, p.winners_per_subfield) END`,
      );
      return bad.map((b) => `subfield ${b.code} has ${b.n} ${b.stage}s, quota ${b.quota}`);
    },
  },
  {
    name: 'every winner is a published finalist of its subfield',
    async check(db) {
      const bad = await rows<{ application_id: string }>(
        db,
        sql`SELECT w.application_id FROM selections w
             WHERE w.stage = 'winner' AND w.revoked_at IS NULL
               AND NOT EXISTS (SELECT 1 FROM selections f JOIN notices n ON n.id = f.notice_id
                                WHERE f.application_id = w.application_id AND f.stage = 'finalist' AND f.subfield_id = w.subfield_id
                                  AND f.revoked_at IS NULL AND n.published_at IS NOT NULL)`,
      );
      return bad.map((b) => `winner ${b.application_id} is not a published finalist`);
    },
  },
  {
    name: 'every lab assignment gives a lab account an application of its program',
    async check(db) {
      const bad = await rows<{ id: string }>(
        db,
        sql`SELECT la.id FROM lab_assignments la JOIN applications a ON a.id = la.application_id JOIN users u ON u.id = la.lab_id
             WHERE la.program_id <> a.program_id OR NOT ('lab' = ANY(u.roles))`,
      );
      return bad.map((b) => `lab assignment ${b.id} is not of a lab account and an application of its program`);
    },
  },
  {
    name: 'every measurement was recorded by a lab assigned to its application',
    async check(db) {
      const bad = await rows<{ id: string }>(
        db,
        sql`SELECT m.id FROM measurements m
             WHERE NOT EXISTS (SELECT 1 FROM lab_assignments la WHERE la.application_id = m.application_id AND la.lab_id = m.lab_id)`,
      );
      return bad.map((b) => `measurement ${b.id} was recorded by a lab never assigned to the application`);
    },
  },
  {
    name: 'every measurement is of an indicator its application declares, with its own test report',
    async check(db) {
      const bad = await rows<{ id: string }>(
        db,
        sql`SELECT m.id FROM measurements m JOIN applications a ON a.id = m.application_id
             WHERE (m.indicator_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM application_indicators ai WHERE ai.application_id = m.application_id AND ai.indicator_id = m.indicator_id))
                OR (m.custom_indicator_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(a.custom_indicators) c WHERE c->>'id' = m.custom_indicator_id))
                OR (m.report_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM lab_reports r WHERE r.id = m.report_id AND r.application_id = m.application_id))`,
      );
      return bad.map((b) => `measurement ${b.id} is of an indicator or report its application does not have`);
    },
  },
  {
    name: 'progress reports belong to the program of their due date',
    async check(db) {
      const bad = await rows<{ id: string }>(
        db,
        sql`SELECT r.id FROM progress_reports r JOIN progress_milestones m ON m.id = r.milestone_id JOIN applications a ON a.id = r.application_id
             WHERE m.program_id <> a.program_id`,
      );
      return bad.map((b) => `progress report ${b.id} is of another program than its due date`);
    },
  },
  {
    name: 'automatic metShare scores follow the measured attainment',
    async check(db) {
      const found = await rows<{ assignment_id: string; application_id: string; phase: string; criteria: ReviewCriterion[]; scores: Record<string, number> }>(
        db,
        sql`SELECT r.assignment_id, ra.application_id, rr.phase, rr.criteria, r.scores FROM reviews r
              JOIN review_assignments ra ON ra.id = r.assignment_id
              JOIN review_rounds rr ON rr.program_id = ra.program_id AND rr.key = ra.round
             WHERE rr.phase = 'evaluation' AND r.state = 'submitted'`,
      );
      if (found.length === 0) return [];
      const apps = await db.select().from(applications).where(inArray(applications.id, [...new Set(found.map((f) => f.application_id))]));
      const attainments = await attainmentsOf(db, apps);
      return found.flatMap((f) =>
        f.criteria
          .filter((c) => isAutomaticCriterion(f, c.key))
          .filter((c) => {
            const share = attainments.get(f.application_id)?.metShare ?? null;
            return share === null || f.scores[c.key] !== metShareScore(share, c.maxScore);
          })
          .map((c) => `review ${f.assignment_id} scores ${c.key} ${f.scores[c.key]}, not what was measured`),
      );
    },
  },
];
