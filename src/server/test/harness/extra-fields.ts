// Extra fields for the mass-assignment properties (QUALITY S4): the names a client would try (status, receipt,
// scores, decisions, owners), random names and prototype keys, with any JSON value.
import fc from 'fast-check';

export const SENSITIVE_FIELDS = [
  'status',
  'receipt',
  'receiptNumber',
  'receipt_number',
  'submittedAt',
  'score',
  'scores',
  'total',
  'decision',
  'recommendation',
  'recommenderDecision',
  'recommenderRank',
  'decisionComment',
  'eligible',
  'organizationId',
  'programId',
  'createdBy',
  'roles',
  'role',
  'isAdmin',
  'programIds',
  'version',
  'id',
  'sha256',
  'selected',
  'stage',
  'upheld',
  '状态',
];

export const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype'];

/** 1–3 extra members whose names the body does not have, with arbitrary JSON values. */
export function extraMembers(allowed: ReadonlySet<string>): fc.Arbitrary<Array<[string, unknown]>> {
  const name = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...SENSITIVE_FIELDS) },
    { weight: 3, arbitrary: fc.string({ minLength: 1, maxLength: 24 }) },
    { weight: 1, arbitrary: fc.constantFrom(...PROTOTYPE_KEYS) },
  );
  return fc
    .uniqueArray(fc.tuple(name, fc.jsonValue({ maxDepth: 2 })), { minLength: 1, maxLength: 3, selector: ([k]) => k })
    .filter((members) => members.every(([k]) => !allowed.has(k)));
}
