// Which object of the scenario plays own / foreign / other-jurisdiction / other-program / missing for each caller,
// per kind of object a route names. Written by hand from PRODUCT.md's roles: applicants own their organization's
// applications, a recommending unit those that chose it, a program admin those of its programs (never drafts), an
// expert those assigned to it, and the account admins the accounts they manage.
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
  | 'job';

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
  }
}

export const freshId = () => randomUUID();
