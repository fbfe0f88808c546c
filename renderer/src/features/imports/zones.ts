/** Zones most users of NetWhy need, offered before the full IANA list (420 names, Asia/Tokyo buried in it). */
const COMMON = [
  'Asia/Tokyo',
  'UTC',
  'America/New_York',
  'America/Chicago',
  'America/Los_Angeles',
  'Europe/London',
  'Europe/Berlin',
  'Europe/Paris',
  'Asia/Seoul',
  'Asia/Shanghai',
  'Australia/Sydney',
];

/** This PC's zone and the common ones first (each once, only zones the list knows); then every other zone. */
export function zoneGroups(system: string, all: readonly string[]): { common: string[]; rest: string[] } {
  const known = new Set(all);
  const common = [...new Set([system, ...COMMON])].filter((z) => known.has(z));
  const picked = new Set(common);
  return { common, rest: all.filter((z) => !picked.has(z)) };
}
