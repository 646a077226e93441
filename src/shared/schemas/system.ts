// Schemas of the platform-level routes: health, session and the program summary list.
import { z } from 'zod';
import { PHASE_KEYS } from '../vocabulary.js';
import { reviewRoundSchema } from './catalogue.js';

export const ROLES = [
  'applicant',
  'org_admin',
  'recommender',
  'program_admin',
  'expert',
  'lab',
  'system_admin',
  'security_admin',
  'audit_admin',
] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export { PHASE_KEYS };
export const phaseKeySchema = z.enum(PHASE_KEYS);
export type PhaseKey = z.infer<typeof phaseKeySchema>;

export const healthResponse = z.object({
  status: z.literal('ok'),
  now: z.string(),
  testMode: z.boolean(),
});
export type HealthResponse = z.infer<typeof healthResponse>;

export const sessionUser = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  roles: z.array(roleSchema),
  /** The recommending unit a recommender acts for. */
  recommenderId: z.string().nullable().optional(),
});
export type SessionUser = z.infer<typeof sessionUser>;

export const sessionResponse = z.object({
  user: sessionUser.nullable(),
  csrfToken: z.string().nullable(),
});
export type SessionResponse = z.infer<typeof sessionResponse>;

export const phaseSchema = z.object({
  key: phaseKeySchema,
  opensAt: z.string(),
  closesAt: z.string(),
});

export const programQuotas = z.object({
  finalistsPerSubfield: z.number().int(),
  winnersPerSubfield: z.number().int(),
  applicationsPerApplicant: z.number().int(),
  /** Optional limit of recommendations per recommending unit and direction; null: no limit. */
  recommendationsPerDirection: z.number().int().nullable().default(null),
});
export type ProgramQuotas = z.infer<typeof programQuotas>;

export const programSection = z.object({
  key: z.string(),
  title: z.string(),
  required: z.boolean(),
  maxLength: z.number().int(),
});
export type ProgramSection = z.infer<typeof programSection>;

export const programSummary = z.object({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  titleEn: z.string(),
  description: z.string(),
  descriptionEn: z.string(),
  builtIn: z.boolean(),
  phases: z.array(phaseSchema),
  quotas: programQuotas,
  sections: z.array(programSection),
  /** Review rounds and their criteria: public, so applicants know how they are judged. */
  reviewRounds: z.array(reviewRoundSchema),
  /** Date changes made after a phase had opened: the public timeline shows them. */
  phaseChanges: z.array(
    z.object({
      key: phaseKeySchema,
      changedAt: z.string(),
      oldOpensAt: z.string().nullable(),
      oldClosesAt: z.string().nullable(),
      opensAt: z.string(),
      closesAt: z.string(),
    }),
  ),
  /** Quota changes made after the program opened: the public timeline shows them. */
  quotaChanges: z.array(z.object({ changedAt: z.string(), before: programQuotas, after: programQuotas })),
});
export type ProgramSummary = z.infer<typeof programSummary>;

export const programListResponse = z.object({ items: z.array(programSummary) });
export type ProgramListResponse = z.infer<typeof programListResponse>;
