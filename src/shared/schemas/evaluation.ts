// The attack period and the final evaluation as the API reads and writes them (API.md "Attack period and final
// evaluation"): lab assignments, measurements, attainment, progress reports, the public winner page.
import { z } from 'zod';
import { applicationStatus, attachmentSchema, indicatorValue } from './applications.js';
import { planTargetSchema } from './catalogue.js';
import { instant } from './instants.js';

export const MEASUREMENT_LIMITS = { method: 1000, reason: 2000, text: 500, comment: 2000, items: 200, labReports: 20 } as const;
export const PROGRESS_LIMITS = { title: 100, description: 2000, content: 20_000, comment: 2000, files: 5 } as const;

/** One measured indicator as the lab sends it: `indicatorId` for a reference indicator, `customIndicatorId` for one
 * of the application's own; `measured` typed by the indicator's kind. */
export const measurementInput = z.strictObject({
  indicatorId: z.uuid().optional(),
  customIndicatorId: z.string().min(1).max(64).optional(),
  measured: z.union([z.number(), z.boolean(), z.string().max(MEASUREMENT_LIMITS.text)]),
  method: z.string().max(MEASUREMENT_LIMITS.method),
  /** The date of the test (2027-03-01) or an instant with its offset (read as its Beijing date); checked by the
   * service, so a missing date is named with the item's other problems. */
  testedAt: z.string().max(40),
  judgement: z.enum(['met', 'not_met']).nullable().optional(),
  reason: z.string().max(MEASUREMENT_LIMITS.reason).nullable().optional(),
  reportId: z.uuid().nullable().optional(),
});
export type MeasurementInput = z.infer<typeof measurementInput>;
export const measurementsBody = z.strictObject({ items: z.array(measurementInput).min(1).max(MEASUREMENT_LIMITS.items) });

export const labReportSchema = z.object({ id: z.string(), name: z.string(), size: z.number().int(), sha256: z.string(), sm3: z.string(), createdAt: z.string() });
export type LabReport = z.infer<typeof labReportSchema>;

const margin = z.object({ delta: z.number(), ratio: z.number().nullable() }).nullable();

export const measurementView = z.object({
  id: z.string(),
  method: z.string(),
  testedAt: z.string(),
  judgement: z.enum(['met', 'not_met']).nullable(),
  reason: z.string().nullable(),
  report: labReportSchema.nullable(),
  labName: z.string(),
  recordedAt: z.string(),
  updatedAt: z.string(),
  comment: z.string().nullable(),
  commentedAt: z.string().nullable(),
});
export type MeasurementView = z.infer<typeof measurementView>;

/** One declared indicator with what was committed, what was measured and whether that meets the targets. */
export const attainmentItem = z.object({
  indicatorId: z.string().optional(),
  customIndicatorId: z.string().optional(),
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  kind: z.enum(['number', 'boolean', 'text']),
  unit: z.string(),
  better: z.enum(['higher', 'lower']).nullable(),
  planTarget: planTargetSchema.nullable(),
  target: indicatorValue,
  measured: indicatorValue,
  metTarget: z.boolean().nullable(),
  metPlanTarget: z.boolean().nullable(),
  margin,
  planMargin: margin,
  measurement: measurementView.nullable(),
});
export type AttainmentItem = z.infer<typeof attainmentItem>;

export const attainmentResponse = z.object({
  applicationId: z.string(),
  title: z.string(),
  applicant: z.string(),
  subfieldId: z.string(),
  status: applicationStatus,
  lab: z.object({ id: z.string(), name: z.string() }).nullable(),
  items: z.array(attainmentItem),
  metShare: z.number().nullable(),
  /** How many items have metTarget true, and how many have it not null. */
  met: z.number().int(),
  judged: z.number().int(),
  reports: z.array(labReportSchema),
  /** What the caller may do here: record measurements (the lab), comment (the applicant). */
  abilities: z.object({ measure: z.boolean(), comment: z.boolean() }),
});
export type AttainmentResponse = z.infer<typeof attainmentResponse>;

/** A finalist as its lab sees it: the declared indicators with the committed targets and the values measured so far. */
export const labApplication = z.object({
  id: z.string(),
  programId: z.string(),
  subfieldId: z.string(),
  subfield: z.string(),
  title: z.string(),
  applicant: z.string(),
  status: applicationStatus,
  assignedAt: z.string(),
  indicators: z.array(
    z.object({
      indicatorId: z.string(),
      code: z.string(),
      name: z.string(),
      nameEn: z.string(),
      kind: z.enum(['number', 'boolean', 'text']),
      unit: z.string(),
      better: z.enum(['higher', 'lower']).nullable(),
      planTarget: planTargetSchema.nullable(),
      target: indicatorValue,
      measured: indicatorValue,
    }),
  ),
  customIndicators: z.array(
    z.object({ id: z.string(), name: z.string(), kind: z.enum(['number', 'boolean', 'text']), unit: z.string(), better: z.enum(['higher', 'lower']).nullable(), target: indicatorValue, measured: indicatorValue }),
  ),
  measuredCount: z.number().int(),
  indicatorCount: z.number().int(),
});
export type LabApplication = z.infer<typeof labApplication>;

/** A confirmed finalist in the admin's evaluation overview: its lab and how far the measurements are. */
export const evaluationOverviewItem = z.object({
  applicationId: z.string(),
  title: z.string(),
  applicant: z.string(),
  subfieldId: z.string(),
  subfield: z.string(),
  status: applicationStatus,
  lab: z.object({ id: z.string(), name: z.string(), assignedAt: z.string() }).nullable(),
  measuredCount: z.number().int(),
  indicatorCount: z.number().int(),
  metShare: z.number().nullable(),
  met: z.number().int(),
  judged: z.number().int(),
});
export type EvaluationOverviewItem = z.infer<typeof evaluationOverviewItem>;

export const progressStates = z.enum(['draft', 'submitted', 'more_requested', 'accepted']);
export type ProgressStateName = z.infer<typeof progressStates>;

export const progressMilestone = z.object({ id: z.string(), title: z.string(), description: z.string(), dueAt: z.string() });
export type ProgressMilestone = z.infer<typeof progressMilestone>;
export const progressMilestoneInput = z.strictObject({
  title: z.string().max(PROGRESS_LIMITS.title),
  description: z.string().max(PROGRESS_LIMITS.description).optional(),
  dueAt: instant(),
});

export const progressReportView = z.object({
  id: z.string(),
  milestoneId: z.string(),
  applicationId: z.string(),
  state: progressStates,
  content: z.string(),
  version: z.number().int(),
  submittedAt: z.string().nullable(),
  late: z.boolean(),
  reviewComment: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  files: z.array(attachmentSchema),
  history: z.array(z.object({ action: z.enum(['submitted', 'accepted', 'more_requested']), at: z.string(), by: z.string(), comment: z.string().nullable() })),
});
export type ProgressReportView = z.infer<typeof progressReportView>;

/** An application's progress reports: every due date of its program with its report (null until begun). */
export const applicationProgress = z.object({
  applicationId: z.string(),
  title: z.string(),
  status: applicationStatus,
  attack: z.object({ opensAt: z.string(), closesAt: z.string() }).nullable(),
  milestones: z.array(progressMilestone.extend({ report: progressReportView.nullable() })),
  abilities: z.object({ edit: z.boolean() }),
});
export type ApplicationProgress = z.infer<typeof applicationProgress>;

/** The program admin's view of the reports: per confirmed finalist and due date, where its report stands. */
export const progressOverview = z.object({
  milestones: z.array(progressMilestone),
  items: z.array(
    z.object({
      applicationId: z.string(),
      title: z.string(),
      applicant: z.string(),
      subfield: z.string(),
      reports: z.array(z.object({ milestoneId: z.string(), reportId: z.string(), state: progressStates, submittedAt: z.string().nullable(), late: z.boolean() })),
    }),
  ),
});
export type ProgressOverview = z.infer<typeof progressOverview>;

/** The public page of a subfield's published winners with their measured results (no personal data). */
export const publicWinners = z.object({
  subfield: z.object({ id: z.string(), code: z.string(), name: z.string(), nameEn: z.string(), direction: z.string(), directionEn: z.string() }),
  published: z.boolean(),
  winners: z.array(
    z.object({
      title: z.string(),
      applicant: z.string(),
      responsibleUnit: z.string(),
      recommender: z.string(),
      region: z.string(),
      metShare: z.number().nullable(),
      met: z.number().int(),
      judged: z.number().int(),
      items: z.array(
        attainmentItem.pick({ code: true, name: true, nameEn: true, kind: true, unit: true, better: true, planTarget: true, target: true, measured: true, metTarget: true, metPlanTarget: true }),
      ),
    }),
  ),
});
export type PublicWinners = z.infer<typeof publicWinners>;
