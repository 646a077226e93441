// What the matrix's requests need to read first, so that allowed calls write back what is already there (a PUT of
// the current quotas changes nothing) and the permission checks are what the call meets.
import type { AttainmentResponse, MeasurementInput } from '../../../shared/schemas/evaluation.js';
import type { ProgramDocument } from '../../../shared/schemas/program-document.js';
import { as, multipartFile } from '../factories.js';
import { pdf, type Scenario } from './scenario.js';

export interface PreparedData {
  policy: Record<string, unknown>;
  /** The exported program document of P1 and of P2, by program id (info, quotas, phases, sections, rounds, catalogue). */
  documents: Record<string, ProgramDocument>;
  settings: Record<string, Record<string, unknown>>;
  expertProfile: Record<string, unknown>;
  receiptNumber: string;
  /** Fields of each catalogue entry by id, as its PUT route takes them. */
  entries: Record<string, Record<string, unknown>>;
  /** Each due date of the progress reports by id, as its PUT route takes it. */
  milestones: Record<string, { title: string; description: string; dueAt: string }>;
  /** What the lab measured, by application, as its PUT route takes it. */
  measurements: Record<string, MeasurementInput[]>;
}

/** The measured items of an attainment, as the lab sends them. */
function measuredItems(attainment: AttainmentResponse): MeasurementInput[] {
  return attainment.items.flatMap((i) => {
    const m = i.measurement;
    if (!m || i.measured === null) return [];
    const key = i.indicatorId ? { indicatorId: i.indicatorId } : { customIndicatorId: i.customIndicatorId! };
    return [{ ...key, measured: i.measured, method: m.method, testedAt: m.testedAt, judgement: m.judgement, reason: m.reason, reportId: m.report?.id ?? null }];
  });
}

function strip<T extends Record<string, unknown>>(value: T, drop: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([k]) => !drop.includes(k)));
}

export async function prepareData(s: Scenario): Promise<PreparedData> {
  const { t, ids, sessions } = s;
  const admin = sessions.program_admin_all!;
  const read = async (session: typeof admin, url: string) => {
    const res = await as(t.app, session, { method: 'GET', url });
    if (res.statusCode !== 200) throw new Error(`preparing the matrix: GET ${url} answered ${res.statusCode}: ${res.body}`);
    return res.json();
  };
  const documents: Record<string, ProgramDocument> = {};
  const settings: Record<string, Record<string, unknown>> = {};
  const entries: Record<string, Record<string, unknown>> = {};
  for (const programId of [ids.p1, ids.p2]) {
    documents[programId] = await read(admin, `/api/admin/programs/${programId}/export`);
    settings[programId] = await read(admin, `/api/admin/programs/${programId}/review-rounds/online/settings`);
    const catalogue = programId === ids.p1 ? s.catalogue.p1 : s.catalogue.p2;
    const doc = documents[programId]!;
    for (const [i, d] of doc.directions.entries()) {
      entries[catalogue.directions[i]!.id] = strip(d, ['subfields']);
      for (const [j, sf] of d.subfields.entries()) {
        const subfield = catalogue.directions[i]!.subfields[j]!;
        entries[subfield.id] = strip(sf, ['indicators']);
        for (const [k, ind] of sf.indicators.entries()) entries[subfield.indicators[k]!.id] = ind;
      }
    }
  }
  const profile = await read(sessions.expert!, '/api/expert/profile');
  // Each event gets its report first, so that downloading it is a question of who asks, not of whether it exists.
  for (const event of [ids.eventP1, ids.eventP2]) {
    const res = await as(t.app, admin, { method: 'POST', url: `/api/admin/review-events/${event}/report`, ...multipartFile('纪要.pdf', pdf(), 'application/pdf') });
    if (res.statusCode !== 200) throw new Error(`preparing the matrix: report upload answered ${res.statusCode}: ${res.body}`);
  }
  const milestones: PreparedData['milestones'] = {};
  for (const programId of [ids.p1, ids.p2]) {
    for (const m of (await read(admin, `/api/admin/programs/${programId}/progress-milestones`)).items) milestones[m.id] = { title: m.title, description: m.description, dueAt: m.dueAt };
  }
  const measurements: PreparedData['measurements'] = {};
  for (const app of [ids.finalistA, ids.finalistP2]) measurements[app] = measuredItems(await read(sessions.lab!, `/api/applications/${app}/attainment`));
  return {
    milestones,
    measurements,
    policy: await read(sessions.security_admin!, '/api/security/policy'),
    documents,
    settings,
    expertProfile: { keywords: profile.keywords, organizationParentUscc: profile.organizationParentUscc, ties: profile.ties },
    receiptNumber: (await read(sessions.org_admin!, `/api/applications/${ids.appA}`)).receipt.number,
    entries,
  };
}
