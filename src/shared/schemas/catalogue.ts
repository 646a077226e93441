// The catalogue as the API serves it (API.md "Programs"): directions → subfields → indicators.
import { z } from 'zod';
import { DIRECTION_GROUP_VALUES } from '../vocabulary.js';

export { DIRECTION_GROUP_EN, DIRECTION_GROUP_VALUES } from '../vocabulary.js';

export const planTargetSchema = z.object({
  text: z.string(),
  comparator: z.enum(['<', '<=', '>', '>=']).optional(),
  value: z.number().optional(),
});
export type PlanTarget = z.infer<typeof planTargetSchema>;

export const indicatorSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  kind: z.enum(['number', 'boolean', 'text']),
  unit: z.string(),
  better: z.enum(['higher', 'lower']).nullable(),
  planTarget: planTargetSchema.nullable(),
  confirmed: z.boolean(),
  source: z.string(),
  note: z.string(),
  retired: z.boolean(),
});
export type Indicator = z.infer<typeof indicatorSchema>;

export const subfieldSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  confirmed: z.boolean(),
  source: z.string(),
  note: z.string(),
  retired: z.boolean(),
  quotas: z.object({ finalists: z.number().int(), winners: z.number().int() }),
  indicators: z.array(indicatorSchema),
});
export type Subfield = z.infer<typeof subfieldSchema>;

export const directionSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  group: z.enum(DIRECTION_GROUP_VALUES),
  planSummary: z.string(),
  confirmed: z.boolean(),
  source: z.string(),
  retired: z.boolean(),
  subfields: z.array(subfieldSchema),
});
export type Direction = z.infer<typeof directionSchema>;

/** One scoring criterion of a review round: a score from 0 to maxScore, weighted (weights of a round add up to 100). */
export const reviewCriterionSchema = z.object({
  key: z.string(),
  label: z.string(),
  labelEn: z.string(),
  weight: z.number(),
  maxScore: z.number(),
});
export type ReviewCriterion = z.infer<typeof reviewCriterionSchema>;

export const REVIEW_ROUND_PHASES = ['review', 'evaluation'] as const;
export const reviewRoundSchema = z.object({
  key: z.string(),
  name: z.string(),
  nameEn: z.string(),
  phase: z.enum(REVIEW_ROUND_PHASES),
  criteria: z.array(reviewCriterionSchema),
});
export type ReviewRound = z.infer<typeof reviewRoundSchema>;

export const catalogueResponse = z.object({ programId: z.string(), directions: z.array(directionSchema) });
export type CatalogueResponse = z.infer<typeof catalogueResponse>;
