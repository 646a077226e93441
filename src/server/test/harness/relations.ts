// Which object of the scenario plays own / foreign / other-jurisdiction / other-program / missing for each caller,
// per kind of object a route names. Written by hand from PRODUCT.md's roles: applicants own their organization's
// applications, a recommending unit those that chose it, a program admin those of its programs (never drafts), an
// expert those assigned to it, and the account admins the accounts they manage. The evaluation record of a confirmed
// finalist (attainment, test reports, measurements, progress reports) is its owner's, its program's admins', the lab
// measuring it and the experts who opened it (decision 012).
import { randomUUID } from 'node:crypto';
import type { Caller, Relation } from './callers.js';
import type { ScenarioIds } from './scenario.js';

export type Target = Record<string, string>;
export type TargetKind =
  | 'none'
  | 'application'
  | 'attachment'
  | 'program'
  | 'round'
  | 'unit'
  | 'assignment'
  | 'staff_review'
  | 'user'
  | 'direction'
  | 'subfield'
  | 'indicator'
  | 'event'
  | 'notice'
  | 'objection'
  | 'selection'
  | 'round_entry'
  | 'program_expert'
  | 'job'
  /** A confirmed finalist's evaluation record, by application; and what hangs on it. */
  | 'evaluation'
  | 'lab_report'
  | 'measurement'
  /** A finalist's progress report for a due date (application and due date), its file, and the report by its id. */
  | 'progress'
  | 'progress_file'
  | 'progress_review'
  | 'milestone'
  /** A subfield of a program, as the public winner page names it. */
  | 'winners';

const MISSING = '00000000-0000-4000-8000-00000000dead';
const ORG_A: Caller[] = ['applicant', 'org_admin'];

type Map = Partial<Record<Relation, Target>>;

function applications(ids: ScenarioIds, caller: Caller): Partial<Record<Relation, string>> {
  if (ORG_A.includes(caller)) return { own: ids.appA, draft: ids.draftA, foreign: ids.appC, other_jurisdiction: ids.appB, other_program: ids.appP2 };
  if (caller === 'recommender') return { own: ids.appA, draft: ids.draftA, other_jurisdiction: ids.appB, other_program: ids.appP2 };
  if (caller === 'program_admin' || caller === 'program_admin_all') return { own: ids.appA, foreign: ids.appB, draft: ids.draftA, other_program: ids.appP2 };
  if (caller === 'expert') return { own: ids.appA, undeclared: ids.appC, foreign: ids.appB, other_program: ids.appP2 };
  return { foreign: ids.appA, draft: ids.draftA, other_program: ids.appP2 };
}

/** Which confirmed finalist plays each part: org A's finalistA (P1, measured by the scenario's lab, one of the expert's
 * final evaluations), org C's finalistC (P1, another lab; the expert has not declared yet), org A's finalistP2 (P2, the
 * scenario's lab). */
function finalists(ids: ScenarioIds, caller: Caller): Partial<Record<Relation, string>> {
  const { finalistA: a, finalistC: c, finalistP2: p2 } = ids;
  if (ORG_A.includes(caller) || caller === 'lab' || caller === 'program_admin' || caller === 'program_admin_all') return { own: a, foreign: c, other_program: p2 };
  if (caller === 'recommender') return { own: a, other_program: p2 };
  if (caller === 'expert') return { own: a, undeclared: c, other_program: p2 };
  return { foreign: a, other_program: p2 };
}

/** The finalists' objects of one kind, by relation; `missing` is another finalist's object under finalistA. */
function ofFinalists(ids: ScenarioIds, caller: Caller, object: (app: string) => Target, missing: Target): Map {
  const map: Map = Object.fromEntries(Object.entries(finalists(ids, caller)).map(([r, app]) => [r, object(app!)]));
  return { ...map, missing };
}

export function targetsFor(kind: TargetKind, ids: ScenarioIds, caller: Caller): Map {
  const one = (name: string, values: Partial<Record<Relation, string>>): Map =>
    Object.fromEntries(Object.entries({ ...values, missing: values.missing ?? MISSING }).map(([r, v]) => [r, { [name]: v! }]));
  const byProgram = (p1: Target, p2: Target, missing: Target): Map => ({ own: p1, other_program: p2, missing });
  switch (kind) {
    case 'none':
      return { none: {} };
    case 'application':
      return one('id', applications(ids, caller));
    case 'attachment': {
      const attachmentOf: Record<string, string> = {};
      for (const k of Object.keys(ids.attachments) as Array<keyof ScenarioIds['attachments']>) attachmentOf[ids[k]] = ids.attachments[k];
      const apps = applications(ids, caller);
      const map: Map = Object.fromEntries(Object.entries(apps).map(([r, id]) => [r, { id: id!, attachmentId: attachmentOf[id!]! }]));
      return { ...map, missing: { id: apps.own ?? apps.foreign!, attachmentId: MISSING } };
    }
    case 'program':
      return byProgram({ programId: ids.p1 }, { programId: ids.p2 }, { programId: 'no-such-program' });
    case 'round':
      return byProgram({ programId: ids.p1, key: 'online' }, { programId: ids.p2, key: 'online' }, { programId: ids.p1, key: 'no-such-round' });
    case 'unit':
      // Units are public and platform-wide; the program admin of P1 reads units' batches in P1, not in P2.
      return { own: { recommenderId: ids.unitA, programId: ids.p1 }, other_jurisdiction: { recommenderId: ids.unitB, programId: ids.p1 }, other_program: { recommenderId: ids.unitA, programId: ids.p2 }, missing: { recommenderId: MISSING, programId: ids.p1 } };
    case 'assignment':
      return one('id', { own: ids.asgOwn, undeclared: ids.asgUndeclared, foreign: ids.asgForeign, other_program: ids.asgP2 });
    case 'staff_review':
      return one('assignmentId', { own: ids.asgOwn, other_program: ids.asgP2 });
    case 'user':
      if (caller === 'org_admin') return one('userId', { own: ids.memberA, foreign: ids.adminB });
      return one('userId', { own: ids.victim, foreign: ids.adminB });
    case 'direction':
      return one('id', { own: ids.p1Direction, other_program: ids.p2Direction });
    case 'subfield':
      return one('id', { own: ids.s1, other_program: ids.p2Subfield });
    case 'indicator':
      return one('id', { own: ids.p1Indicator, other_program: ids.p2Indicator });
    case 'event':
      return one('id', { own: ids.eventP1, other_program: ids.eventP2 });
    case 'notice':
      return one('noticeId', { own: ids.noticeP1, other_program: ids.noticeP2 });
    case 'objection':
      return one('objectionId', { own: ids.objectionP1, other_program: ids.objectionP2 });
    case 'selection':
      return byProgram({ programId: ids.p1, applicationId: ids.appA, subfieldId: ids.s1 }, { programId: ids.p2, applicationId: ids.appP2, subfieldId: ids.p2Subfield }, { programId: ids.p1, applicationId: MISSING, subfieldId: ids.s1 });
    case 'round_entry':
      // No entry is ever probed by its application: a withdrawal finds none (404) where it may look at all.
      return { other_program: { programId: ids.p2, round: 'onsite', applicationId: MISSING }, missing: { programId: ids.p1, round: 'onsite', applicationId: MISSING } };
    case 'program_expert':
      return byProgram({ programId: ids.p1, expertId: ids.expert }, { programId: ids.p2, expertId: ids.expert }, { programId: ids.p1, expertId: MISSING });
    case 'job':
      return { other_program: { programId: ids.p2, jobId: MISSING }, missing: { programId: ids.p1, jobId: MISSING } };
    case 'evaluation':
      return one('id', finalists(ids, caller));
    case 'lab_report': {
      const report = { [ids.finalistA]: ids.labReportA, [ids.finalistC]: ids.labReportC, [ids.finalistP2]: ids.labReportP2 };
      return ofFinalists(ids, caller, (app) => ({ id: app, reportId: report[app]! }), { id: ids.finalistA, reportId: ids.labReportC });
    }
    case 'measurement': {
      const measurement = { [ids.finalistA]: ids.measurementA, [ids.finalistC]: ids.measurementC, [ids.finalistP2]: ids.measurementP2 };
      return ofFinalists(ids, caller, (app) => ({ id: app, measurementId: measurement[app]! }), { id: ids.finalistA, measurementId: ids.measurementC });
    }
    case 'progress': {
      // P1's open due date (nobody has reported on it); P2's has an accepted report; missing: P2's due date under P1's finalist.
      const due = { [ids.finalistA]: ids.milestoneP1Open, [ids.finalistC]: ids.milestoneP1Open, [ids.finalistP2]: ids.milestoneP2 };
      return ofFinalists(ids, caller, (app) => ({ id: app, milestoneId: due[app]! }), { id: ids.finalistA, milestoneId: ids.milestoneP2 });
    }
    case 'progress_file': {
      const file = {
        [ids.finalistA]: { milestoneId: ids.milestoneP1, fileId: ids.progressFileA },
        [ids.finalistC]: { milestoneId: ids.milestoneP1, fileId: ids.progressFileC },
        [ids.finalistP2]: { milestoneId: ids.milestoneP2, fileId: ids.progressFileP2 },
      };
      return ofFinalists(ids, caller, (app) => ({ id: app, ...file[app]! }), { id: ids.finalistA, milestoneId: ids.milestoneP1, fileId: ids.progressFileC });
    }
    case 'progress_review':
      return one('reportId', { own: ids.progressA, foreign: ids.progressC, other_program: ids.progressP2 });
    case 'milestone':
      return one('id', { own: ids.milestoneP1, other_program: ids.milestoneP2 });
    case 'winners':
      // Missing: P2's subfield asked for under P1.
      return { own: { programId: ids.p1, subfield: ids.s1x }, other_program: { programId: ids.p2, subfield: ids.p2Subfield2 }, missing: { programId: ids.p1, subfield: ids.p2Subfield2 } };
  }
}

export const freshId = () => randomUUID();
