// The application (申报书) as the API reads and writes it (API.md "Applications").
import { z } from 'zod';
import { APPLICATION_STATUSES } from '../vocabulary.js';

export { APPLICATION_STATUSES };
export const applicationStatus = z.enum(APPLICATION_STATUSES);
export type ApplicationStatus = z.infer<typeof applicationStatus>;

/** Limits of the form; the server enforces them, the web shows them. */
export const APPLICATION_LIMITS = {
  title: 200,
  responsibleUnit: 200,
  indicatorText: 500,
  note: 500,
  customIndicators: 10,
  /** Numbers beyond this are typing mistakes, not levels of anything. */
  maxMagnitude: 1e12,
  attachments: 10,
  attachmentBytes: 10 * 1024 * 1024,
  fileName: 200,
} as const;

/** Formats of the responsible person's contacts, checked when saved (if filled) and when submitted. */
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const PHONE_PATTERN = /^[0-9+()\- ]{7,30}$/;

/** A value of an indicator: a number, reached or not, or a short text, by the indicator's kind. */
export const indicatorValue = z.union([z.number(), z.boolean(), z.string()]).nullable();
export type IndicatorValue = z.infer<typeof indicatorValue>;

export const responsiblePerson = z.strictObject({
  name: z.string().trim().max(50),
  title: z.string().trim().max(50),
  phone: z.string().trim().max(30),
  email: z.string().trim().max(200),
});
export type ResponsiblePerson = z.infer<typeof responsiblePerson>;

export const customIndicatorInput = z.strictObject({
  /** Present for an indicator the server already assigned an id to; absent for a new one. */
  id: z.string().max(64).optional(),
  name: z.string().trim().max(100),
  kind: z.enum(['number', 'boolean', 'text']),
  unit: z.string().trim().max(20).default(''),
  better: z.enum(['higher', 'lower']).nullable().default(null),
  current: indicatorValue.default(null),
  target: indicatorValue.default(null),
});
export type CustomIndicatorInput = z.infer<typeof customIndicatorInput>;

/** The editable fields of an application; everything else (status, receipt, decisions) is read-only. */
export const applicationPatch = z.strictObject({
  version: z.number().int().min(1),
  title: z.string().max(APPLICATION_LIMITS.title).optional(),
  responsibleUnit: z.string().max(APPLICATION_LIMITS.responsibleUnit).optional(),
  responsiblePerson: responsiblePerson.optional(),
  recommenderId: z.string().max(64).nullable().optional(),
  sections: z.record(z.string().max(40), z.string().max(100_000)).optional(),
  indicators: z
    .array(
      z.strictObject({
        indicatorId: z.string().max(64),
        current: indicatorValue.optional(),
        target: indicatorValue.optional(),
        note: z.string().max(APPLICATION_LIMITS.note).optional(),
      }),
    )
    .max(500)
    .optional(),
  customIndicators: z.array(customIndicatorInput).max(APPLICATION_LIMITS.customIndicators).optional(),
});
export type ApplicationPatch = z.infer<typeof applicationPatch>;

export const receiptSchema = z.object({ number: z.string(), submittedAt: z.string(), sha256: z.string(), sm3: z.string() });
export type Receipt = z.infer<typeof receiptSchema>;

export const attachmentSchema = z.object({ id: z.string(), name: z.string(), size: z.number().int(), sha256: z.string(), sm3: z.string() });
export type Attachment = z.infer<typeof attachmentSchema>;

export const applicationResponse = z.object({
  id: z.string(),
  programId: z.string(),
  subfieldId: z.string(),
  organizationId: z.string(),
  organizationName: z.string(),
  status: applicationStatus,
  version: z.number().int(),
  title: z.string(),
  responsibleUnit: z.string(),
  responsiblePerson,
  recommenderId: z.string().nullable(),
  sections: z.record(z.string(), z.string()),
  indicators: z.array(
    z.object({
      indicatorId: z.string(),
      current: indicatorValue,
      target: indicatorValue,
      note: z.string(),
      beatsPlanTarget: z.boolean().nullable(),
      /** For program admins (and, later, assigned experts): the share (0–100) of the subfield's other submitted
       * applications whose target this one beats, by the indicator's better direction; null for applicants. */
      peerPercentile: z.number().nullable(),
    }),
  ),
  customIndicators: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      kind: z.enum(['number', 'boolean', 'text']),
      unit: z.string(),
      better: z.enum(['higher', 'lower']).nullable(),
      current: indicatorValue,
      target: indicatorValue,
    }),
  ),
  attachments: z.array(attachmentSchema),
  receipt: receiptSchema.nullable(),
  /** Why the recommending unit returned it for revision, when it did. */
  returnReason: z.string().nullable(),
  /** The recommending unit's comment on its decision (推荐意见, or why it declined). */
  decisionComment: z.string().nullable(),
  /** Its rank among the unit's recommended applications of the same direction. */
  recommenderRank: z.number().int().nullable(),
  /** Why the formal check found it ineligible. */
  eligibilityReason: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ApplicationResponse = z.infer<typeof applicationResponse>;

export const applicationListItem = z.object({
  id: z.string(),
  programId: z.string(),
  subfieldId: z.string(),
  organizationName: z.string(),
  title: z.string(),
  status: applicationStatus,
  version: z.number().int(),
  receiptNumber: z.string().nullable(),
  recommenderRank: z.number().int().nullable(),
  regionCode: z.string(),
  updatedAt: z.string(),
});
export const applicationList = z.object({ items: z.array(applicationListItem), nextCursor: z.string().nullable() });
export type ApplicationListItem = z.infer<typeof applicationListItem>;

/** The recommending units an applicant may choose, with why (its region, its group, any organization). */
export const eligibleRecommenders = z.object({
  items: z.array(z.object({ id: z.string(), name: z.string(), kind: z.enum(['province', 'central_enterprise', 'association']) })),
});

/** A submitted version as stored: what the receipt's hashes cover (the printed copy shows it). */
export const submittedVersion = z.object({
  receipt: receiptSchema,
  content: z.object({
    receipt: z.object({ number: z.string(), submittedAt: z.string() }),
    application: z.object({ id: z.string(), version: z.number(), program: z.string(), subfield: z.string() }),
    organization: z.object({ name: z.string(), uscc: z.string(), regionCode: z.string() }),
    title: z.string(),
    responsibleUnit: z.string(),
    responsiblePerson,
    recommender: z.object({ id: z.string(), name: z.string() }).nullable(),
    sections: z.record(z.string(), z.string()),
    indicators: z.array(z.object({ code: z.string(), name: z.string(), unit: z.string(), current: indicatorValue, target: indicatorValue, note: z.string() })),
    customIndicators: z.array(
      z.object({ id: z.string(), name: z.string(), kind: z.enum(['number', 'boolean', 'text']), unit: z.string(), better: z.enum(['higher', 'lower']).nullable(), current: indicatorValue, target: indicatorValue }),
    ),
    attachments: z.array(attachmentSchema),
  }),
});
export type SubmittedVersion = z.infer<typeof submittedVersion>;
