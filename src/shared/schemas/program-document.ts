// A whole program as one JSON document: what export writes and import reads (version 1).
import { z } from 'zod';
import { DIRECTION_GROUP_VALUES, REVIEW_ROUND_PHASES } from './catalogue.js';
import { instant } from './instants.js';
import { PHASE_KEYS } from './system.js';

const name = z.string().trim().min(1, 'required').max(200);
const code = z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/, 'code');
const common = {
  code,
  name,
  nameEn: z.string().trim().max(300).default(''),
  confirmed: z.boolean().default(true),
  source: z.string().max(1000).default(''),
  note: z.string().max(2000).default(''),
  retired: z.boolean().default(false),
};

/** The fields of an indicator an admin edits (the document's indicator, and the editor's body). */
export const indicatorFields = z.strictObject({
  ...common,
  kind: z.enum(['number', 'boolean', 'text']),
  unit: z.string().trim().max(40).default(''),
  better: z.enum(['higher', 'lower']).nullable().default(null),
  planTarget: z
    .strictObject({ text: z.string().trim().min(1, 'required').max(500), comparator: z.enum(['<', '<=', '>', '>=']).optional(), value: z.number().finite().optional() })
    .nullable()
    .default(null),
});

export const indicatorDocument = indicatorFields;

export const subfieldFields = z.strictObject({
  ...common,
  finalistsQuota: z.number().int().min(1).max(100).nullable().default(null),
  winnersQuota: z.number().int().min(1).max(100).nullable().default(null),
});
export const subfieldDocument = subfieldFields.extend({ indicators: z.array(indicatorDocument).max(200) });

export const directionFields = z.strictObject({
  ...common,
  group: z.enum(DIRECTION_GROUP_VALUES),
  planSummary: z.string().max(4000).default(''),
});
export const directionDocument = directionFields.extend({ subfields: z.array(subfieldDocument).max(200) });

export const sectionFields = z.strictObject({ key: code, title: name, required: z.boolean(), maxLength: z.number().int().min(10).max(100_000) });
export const sectionsBody = z.strictObject({ sections: z.array(sectionFields).max(50) });

export const criterionFields = z.strictObject({
  key: code,
  label: name,
  labelEn: z.string().trim().max(300).default(''),
  weight: z.number().gt(0).max(100),
  maxScore: z.number().int().min(1).max(1000),
});
/** A review round as an admin edits it (its key is in the address) and as the document carries it. */
export const reviewRoundFields = z.strictObject({
  name,
  nameEn: z.string().trim().max(300).default(''),
  phase: z.enum(REVIEW_ROUND_PHASES).default('review'),
  criteria: z.array(criterionFields).max(30),
});
export const reviewRoundDocument = reviewRoundFields.extend({ key: code });

export const programInfoFields = z.strictObject({
  title: name,
  titleEn: z.string().trim().max(300).default(''),
  description: z.string().max(10_000).default(''),
  descriptionEn: z.string().max(10_000).default(''),
});
export const programCode = z.string().trim().regex(/^[a-z0-9][a-z0-9-]{1,39}$/, 'programCode');

export const programDocument = z.strictObject({
  format: z.literal('jiebang-program'),
  version: z.literal(1),
  program: programInfoFields.extend({
    code: programCode,
    quotas: z.strictObject({
      finalistsPerSubfield: z.number().int().min(1).max(100),
      winnersPerSubfield: z.number().int().min(1).max(100),
      applicationsPerApplicant: z.number().int().min(1).max(100),
      recommendationsPerDirection: z.number().int().min(1).max(1000).nullable().default(null),
    }),
    sections: z.array(sectionFields).max(50),
    reviewRounds: z.array(reviewRoundDocument).max(20).default([]),
    phases: z.array(z.strictObject({ key: z.enum(PHASE_KEYS), opensAt: instant(), closesAt: instant() })).max(7),
  }),
  directions: z.array(directionDocument).max(500),
});
export type ProgramDocument = z.infer<typeof programDocument>;
export type ProgramDocumentInput = z.input<typeof programDocument>;
export type DirectionFields = z.infer<typeof directionFields>;
export type SubfieldFields = z.infer<typeof subfieldFields>;
export type IndicatorFields = z.infer<typeof indicatorFields>;
export type ReviewRoundFields = z.infer<typeof reviewRoundFields>;
export type SectionFields = z.infer<typeof sectionFields>;
export type ProgramInfoFields = z.infer<typeof programInfoFields>;
