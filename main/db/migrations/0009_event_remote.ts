import type { Migration } from './types';

/**
 * `events.remote` follows the verdict rules' placement (core/verdicts/packets.ts placeEvent) for every row. Before,
 * the import left it empty when both ends were public and the log named no direction, which is how most firewalls
 * log an internet packet dropped at the router's own public WAN address (Sophos, MikroTik, ZyXEL, FortiGate,
 * pfSense, SonicWall …), and a socket-table row's foreign address could lose to its local one. The host summary
 * walks events by this column, and the timeline colours and a report's "events of this address" read it, so such
 * rows were missed or loaded separately. This sets them as the import now does: a socket row's foreign address,
 * the destination of an outbound event, else the sender. (One case stays approximate: a row with no direction, a
 * private source and no destination gets its source instead of nothing; the rules skip private addresses anyway.)
 * The timeline rollup counted those rows under no address: it is rebuilt from scratch on next use, and the host
 * summary is marked out of date so the app rebuilds it.
 */
export const migration: Migration = {
  version: 9,
  name: 'event_remote',
  sql: `
    UPDATE events SET remote = CASE
        WHEN state IS NOT NULL AND state <> '' THEN NULLIF(dst, '')
        WHEN direction = 'out' THEN NULLIF(dst, '')
        ELSE NULLIF(src, '')
      END
    WHERE remote IS NULL OR (state IS NOT NULL AND state <> '' AND remote IS NOT dst);
    DELETE FROM timeline_rollup;
    DELETE FROM timeline_sources;
    DELETE FROM timeline_state WHERE key = 'max_event_id';
    UPDATE hosts SET updated_at = 0;
  `,
};
