// The closed word lists of the domain (phases, application statuses, direction groups, funnel stages) without Zod, so
// that browser pages can use them without loading the schema library; schemas/* build their enums from these.
export const PHASE_KEYS = [
  'application',
  'recommendation',
  'review',
  'finalist_notice',
  'attack',
  'evaluation',
  'winner_notice',
] as const;

export const APPLICATION_STATUSES = [
  'draft',
  'submitted',
  'returned',
  'withdrawn',
  'recommended',
  'not_recommended',
  'eligible',
  'ineligible',
  'finalist',
  'finalist_confirmed',
  'finalist_revoked',
  'winner',
  'winner_confirmed',
  'winner_revoked',
] as const;

/** Statuses of the applications their recommending unit recommended, whatever happened to them since. */
export const RECOMMENDED_OR_LATER = ['recommended', 'eligible', 'ineligible', 'finalist', 'finalist_confirmed', 'finalist_revoked', 'winner', 'winner_confirmed', 'winner_revoked'] as const;
/** Statuses an application keeps once it passed the formal check (the first review round's pool). */
export const ELIGIBLE_OR_LATER = ['eligible', 'finalist', 'finalist_confirmed', 'finalist_revoked', 'winner', 'winner_confirmed', 'winner_revoked'] as const;
/** Confirmed finalists and what became of them as winners: the attack period's and final evaluation's applications. */
export const CONFIRMED_FINALIST_OR_LATER = ['finalist_confirmed', 'winner', 'winner_confirmed', 'winner_revoked'] as const;

export const DIRECTION_GROUP_VALUES = ['智能产品', '核心基础', '智能制造', '支撑体系'] as const;
export const DIRECTION_GROUP_EN: Record<(typeof DIRECTION_GROUP_VALUES)[number], string> = {
  智能产品: 'Smart products',
  核心基础: 'Core foundations',
  智能制造: 'Smart manufacturing',
  支撑体系: 'Support system',
};

/** The stages of the funnel: each counts the applications that reached it (at least). */
export const FUNNEL_STAGES = ['draft', 'submitted', 'recommended', 'eligible', 'reviewed', 'finalist', 'winner'] as const;
