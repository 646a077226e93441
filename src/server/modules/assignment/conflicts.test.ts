// Each conflict of interest is found with its reason, and only within its rule.
import { describe, expect, it } from 'vitest';
import { conflictsOf, type ConflictApplication, type ConflictExpert } from './conflicts.js';

const expert: ConflictExpert = { organizationName: '某大学', organizationUscc: '12100000400000624D', organizationParentUscc: null, regionCode: '110000', ties: [] };
const app: ConflictApplication = {
  organizationName: '某芯片公司',
  organizationUscc: '91440300MA5DC8XX1P',
  organizationParentUscc: null,
  regionCode: '440000',
  recommenderUscc: null,
  recommenderName: null,
};
const codes = (e: Partial<ConflictExpert>, a: Partial<ConflictApplication> = {}, sameProvince = false) =>
  conflictsOf({ ...expert, ...e }, { ...app, ...a }, { sameProvince, today: '2026-11-25' }).map((c) => c.code);

describe('conflicts of interest', () => {
  it('finds none between unrelated parties', () => {
    expect(codes({})).toEqual([]);
  });

  it('finds the same organization, and says why', () => {
    const found = conflictsOf({ ...expert, organizationUscc: app.organizationUscc }, app, { sameProvince: false, today: '2026-11-25' });
    expect(found).toEqual([{ code: 'same_organization', reason: expect.objectContaining({ zh: expect.stringContaining('统一社会信用代码相同') }) }]);
  });

  it('finds the same group through either side’s declared parent', () => {
    expect(codes({ organizationParentUscc: app.organizationUscc })).toEqual(['same_group']);
    expect(codes({}, { organizationParentUscc: expert.organizationUscc })).toEqual(['same_group']);
    expect(codes({ organizationParentUscc: '91110000100000000X' }, { organizationParentUscc: '91110000100000000X' })).toEqual(['same_group']);
  });

  it('counts declared ties for three years after they ended', () => {
    const tie = (endedOn: string | null) => ({ ties: [{ organizationName: '某芯片公司', uscc: app.organizationUscc, kind: 'board' as const, endedOn }] });
    expect(codes(tie(null))).toEqual(['declared_tie']);
    expect(codes(tie('2023-11-25'))).toEqual(['declared_tie']);
    expect(codes(tie('2023-11-24'))).toEqual([]);
    expect(codes({ ties: [{ organizationName: ' 某芯片公司 ', uscc: null, kind: 'employment', endedOn: null }] })).toEqual(['declared_tie']);
  });

  it('finds the recommending unit, and the same province only when the program asks', () => {
    expect(codes({}, { recommenderUscc: expert.organizationUscc, recommenderName: '某联盟' })).toEqual(['recommender']);
    expect(codes({ regionCode: '440000' })).toEqual([]);
    expect(codes({ regionCode: '440000' }, {}, true)).toEqual(['same_province']);
  });
});
