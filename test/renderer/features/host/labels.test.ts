import { describe, expect, it } from 'vitest';
import { ownerLabel } from '../../../../renderer/src/features/host/labels';

describe("the host panel's owner line", () => {
  it('names an address NetWhy does not recognise after the organisation its network data gives', () => {
    // 126.66.20.9 offline: the AS line said "AS17676 SoftBank Corp." while the owner said "Unknown owner".
    expect(ownerLabel({ owner: null, asOrg: 'SoftBank Corp.', rdap: null })).toEqual({
      source: 'as',
      name: 'SoftBank Corp.',
    });
  });

  it("prefers the registration's organisation when online lookups found one", () => {
    expect(
      ownerLabel({
        owner: null,
        asOrg: '"Cloud Technologies" LLC trading as Cloud.ru',
        rdap: { name: 'CLOUD-RU', org: 'Cloud Technologies LLC', country: 'RU', abuseEmail: null },
      }),
    ).toEqual({ source: 'rdap', name: 'Cloud Technologies LLC' });
  });

  it('keeps recognised owners and says "unknown" only when nothing names the organisation', () => {
    expect(ownerLabel({ owner: 'akamai', asOrg: 'Akamai International B.V.', rdap: null })).toEqual({
      source: 'known',
      name: 'akamai',
      key: 'owner.akamai',
    });
    expect(ownerLabel({ owner: null, asOrg: ' ', rdap: null })).toEqual({ source: 'none' });
  });
});
