// Conflicts of interest (回避), each with its stated reason: the expert's organization is the applicant (same
// unified social credit code), in the same group (a declared parent), an organization the expert declared a tie with in
// the past three years, or the application's recommending unit; optionally, both in the same province.
import type { Localized } from '../../http/app-error.js';

export const TIE_KINDS = ['employment', 'board', 'shareholding', 'other'] as const;
export type TieKind = (typeof TIE_KINDS)[number];
const TIE_NAMES: Record<TieKind, Localized> = {
  employment: { zh: '任职', en: 'employment' },
  board: { zh: '董事或监事', en: 'a board seat' },
  shareholding: { zh: '持股', en: 'a shareholding' },
  other: { zh: '其他关系', en: 'another tie' },
};

export interface ConflictExpert {
  organizationName: string;
  organizationUscc: string | null;
  /** The parent (group) organization the expert's organization declared. */
  organizationParentUscc: string | null;
  regionCode: string;
  ties: Array<{ organizationName: string; uscc: string | null; kind: TieKind; endedOn: string | null }>;
}

export interface ConflictApplication {
  organizationName: string;
  organizationUscc: string;
  organizationParentUscc: string | null;
  regionCode: string;
  recommenderUscc: string | null;
  recommenderName: string | null;
}

export type ConflictCode = 'same_organization' | 'same_group' | 'declared_tie' | 'recommender' | 'same_province';
export interface Conflict {
  code: ConflictCode;
  reason: Localized;
}

/** Ties count for three years after they ended (GB-style 回避 period); open ties always count. */
const TIE_YEARS = 3;

export function conflictsOf(expert: ConflictExpert, app: ConflictApplication, options: { sameProvince: boolean; today: string }): Conflict[] {
  const found: Conflict[] = [];
  const own = expert.organizationUscc;
  if (own && own === app.organizationUscc) {
    found.push({
      code: 'same_organization',
      reason: { zh: `专家所在单位即申报单位（${app.organizationName}，统一社会信用代码相同）`, en: `The expert works for the applicant (${app.organizationName}, same credit code)` },
    });
  }
  const groups = [own, expert.organizationParentUscc].filter((x): x is string => Boolean(x));
  const appGroups = [app.organizationUscc, app.organizationParentUscc].filter((x): x is string => Boolean(x));
  const shared = groups.find((g) => appGroups.includes(g));
  if (shared && !(own && own === app.organizationUscc)) {
    found.push({ code: 'same_group', reason: { zh: `专家单位与申报单位同属一个集团（${shared}）`, en: `The expert's organization and the applicant are in one group (${shared})` } });
  }
  const cutoff = shiftYears(options.today, -TIE_YEARS);
  for (const tie of expert.ties) {
    const matches = tie.uscc ? tie.uscc === app.organizationUscc : tie.organizationName.trim() === app.organizationName.trim();
    if (!matches || (tie.endedOn !== null && tie.endedOn < cutoff)) continue;
    const kind = TIE_NAMES[tie.kind];
    const when = tie.endedOn ? { zh: `，至 ${tie.endedOn}`, en: `, until ${tie.endedOn}` } : { zh: '，至今', en: ', ongoing' };
    found.push({
      code: 'declared_tie',
      reason: { zh: `专家申报了与${app.organizationName}的${kind.zh}关系${when.zh}`, en: `The expert declared ${kind.en} with ${app.organizationName}${when.en}` },
    });
  }
  if (own && app.recommenderUscc && own === app.recommenderUscc) {
    found.push({ code: 'recommender', reason: { zh: `专家所在单位是该申报的推荐单位（${app.recommenderName}）`, en: `The expert's organization recommended it (${app.recommenderName})` } });
  }
  if (options.sameProvince && expert.regionCode === app.regionCode) {
    found.push({ code: 'same_province', reason: { zh: '专家与申报单位在同一省份（本项目要求回避）', en: 'Same province as the applicant (this program avoids it)' } });
  }
  return found;
}

/** The date `years` years from an ISO date (YYYY-MM-DD), as YYYY-MM-DD. */
function shiftYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${String(y + years).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
