import { z } from 'zod';
import { invoke } from './define';

export const Language = z.enum(['system', 'en', 'ja']);
export const Theme = z.enum(['system', 'light', 'dark']);

export const Settings = z.object({
  language: Language.default('system'),
  theme: Theme.default('system'),
  /** Reverse DNS and RDAP. Nothing is looked up online while this is false. */
  onlineLookups: z.boolean().default(true),
  /** The first-run notice about online lookups has been shown. */
  onlineNoticeSeen: z.boolean().default(false),
  /** A CLOSE_WAIT lasting longer than this is marked as stuck (a local program not closing its socket). */
  closeWaitStuckSec: z.number().int().min(5).max(86_400).default(120),
  /** How long a vanished connection stays listed, greyed, before it moves to history. */
  closedGraceSec: z.number().int().min(0).max(3_600).default(30),
  /** Live socket polling interval. */
  pollIntervalMs: z.number().int().min(500).max(60_000).default(2_000),
  /** IANA zone assumed for log lines without one; '' = this PC's zone. */
  importZone: z.string().max(64).default(''),
  syslogEnabled: z.boolean().default(false),
  syslogPort: z.number().int().min(1).max(65_535).default(5514),
  /** A user-chosen CSV or MMDB file that replaces the bundled IP database; '' = bundled. */
  ipDatabasePath: z.string().max(4096).default(''),
});
export type Settings = z.infer<typeof Settings>;

export const AppInfo = z.object({
  version: z.string(),
  platform: z.string(),
  dataDir: z.string(),
  databasePath: z.string(),
  systemLanguage: z.string(),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const appInvoke = {
  'app.info': invoke(z.undefined(), AppInfo),
  'settings.get': invoke(z.undefined(), Settings),
  'settings.update': invoke(Settings.partial().strict(), Settings),
};

export const appEvents = {
  'settings.changed': Settings,
};
