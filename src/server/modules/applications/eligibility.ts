// Which recommending units an organization may choose (decision record 006): the industry-and-IT department of its
// province (or of its 计划单列市 when it is registered in one), the central enterprise whose group it belongs to, and
// any industry association.
import type { OrganizationRow, RecommenderRow } from '../accounts/accounts.repository.js';

type Org = Pick<OrganizationRow, 'uscc' | 'regionCode' | 'cityCode' | 'parentUscc'>;
type Rec = Pick<RecommenderRow, 'kind' | 'regionCode' | 'cityCode' | 'uscc'>;

export function isEligibleRecommender(rec: Rec, org: Org): boolean {
  switch (rec.kind) {
    case 'province':
      return rec.regionCode === org.regionCode && (rec.cityCode ?? null) === (org.cityCode ?? null);
    case 'central_enterprise':
      return rec.uscc !== null && (rec.uscc === org.parentUscc || rec.uscc === org.uscc);
    case 'association':
      return true;
  }
}

export function eligibleRecommenders<R extends Rec>(all: R[], org: Org): R[] {
  return all.filter((r) => isEligibleRecommender(r, org));
}
