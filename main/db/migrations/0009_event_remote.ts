import type { Migration } from './types';

/**
 * `events.remote` is the address the verdict rules judge an event by, or null for a private one (core
 * storedRemote, called from SQL as netwhy_stored_remote: main/db/migrate.ts). Before, the import left it empty when
 * both ends were public and the log named no direction, which is how most firewalls log an internet packet dropped
 * at the router's own public WAN address (Sophos, MikroTik, ZyXEL, FortiGate, pfSense, SonicWall …); stored a LAN
 * or loopback address for some rows; and could give a socket-table row its local address. The host summary walks
 * events by this column, and the timeline colours, its event panel and a report's "events of this address" read
 * it. Every row is set as a fresh import sets it (rows already right are not rewritten). The timeline rollup is
 * rebuilt from scratch on next use, and the host summary is marked out of date so the app rebuilds it.
 */
export const migration: Migration = {
  version: 9,
  name: 'event_remote',
  sql: `
    UPDATE events SET remote = netwhy_stored_remote(src, dst, direction, state)
    WHERE remote IS NOT netwhy_stored_remote(src, dst, direction, state);
    DELETE FROM timeline_rollup;
    DELETE FROM timeline_sources;
    DELETE FROM timeline_state WHERE key = 'max_event_id';
    UPDATE hosts SET updated_at = 0;
  `,
};
