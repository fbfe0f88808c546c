import { describe, expect, it } from 'vitest';
import { zoneGroups } from '../../../../renderer/src/features/imports/zones';

const ALL = ['Africa/Abidjan', 'America/Los_Angeles', 'America/New_York', 'Asia/Tokyo', 'Europe/Berlin', 'UTC'];

describe('the time-zone picker', () => {
  it("offers this PC's zone, then Tokyo, UTC and other common zones before all the others", () => {
    expect(zoneGroups('Europe/Berlin', ALL)).toEqual({
      common: ['Europe/Berlin', 'Asia/Tokyo', 'UTC', 'America/New_York', 'America/Los_Angeles'],
      rest: ['Africa/Abidjan'],
    });
  });

  it('lists a zone once, and only zones the list knows', () => {
    const { common, rest } = zoneGroups('Asia/Tokyo', ALL);
    expect(common.filter((z) => z === 'Asia/Tokyo')).toHaveLength(1);
    expect([...common, ...rest].sort()).toEqual([...ALL].sort());
  });
});
