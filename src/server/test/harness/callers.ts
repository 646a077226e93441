// Who calls in the permission matrix: every role of API.md, a program admin scoped to one program and one for all,
// and nobody signed in.
export const CALLERS = [
  'anonymous',
  'applicant',
  'org_admin',
  'recommender',
  'program_admin',
  'program_admin_all',
  'expert',
  'lab',
  'system_admin',
  'security_admin',
  'audit_admin',
] as const;
export type Caller = (typeof CALLERS)[number];

/**
 * How an object in a request relates to the caller. Which object of the scenario plays each part for each caller is
 * written down in relations.ts, from the roles in API.md and PRODUCT.md.
 * - own: the caller's own (its organization's, its unit's, assigned to it, in its program);
 * - foreign: another owner's of the same kind (another organization, another expert's assignment);
 * - other_jurisdiction: under another recommending unit or province;
 * - other_program: in the program the caller is not granted (P2 for the program admin of P1);
 * - missing: no such object;
 * - draft: the caller's organization's draft (drafts are visible to their organization only);
 * - undeclared: assigned to the expert, who has not declared having no conflict yet;
 * - none: the route names no object.
 */
export const RELATIONS = ['own', 'foreign', 'other_jurisdiction', 'other_program', 'missing', 'draft', 'undeclared', 'none'] as const;
export type Relation = (typeof RELATIONS)[number];
