import { z } from 'zod';
import { invoke } from './define';
import { FirstPicture, RangeResult } from './timeline';

export const Language = z.enum(['system', 'en', 'ja']);
export const Theme = z.enum(['system', 'light', 'dark']);

/** Every setting's type and range, without defaults (a patch must not fill in what the user did not send). */
const SettingFields = {
  language: Language,
  theme: Theme,
  /** Reverse DNS and RDAP. Nothing is looked up online while this is false. */
  onlineLookups: z.boolean(),
  /** The first-run notice about online lookups has been shown. */
  onlineNoticeSeen: z.boolean(),
  /** A CLOSE_WAIT lasting longer than this is marked as stuck (a local program not closing its socket). */
  closeWaitStuckSec: z.number().int().min(5).max(86_400),
  /** How long a vanished connection stays listed, greyed, before it moves to history. */
  closedGraceSec: z.number().int().min(0).max(3_600),
  /** Live socket polling interval. */
  pollIntervalMs: z.number().int().min(500).max(60_000),
  /** IANA zone assumed for log lines without one; '' = this PC's zone. */
  importZone: z.string().max(64),
  syslogEnabled: z.boolean(),
  syslogPort: z.number().int().min(1).max(65_535),
  /** A user-chosen CSV or MMDB file that replaces the bundled IP database; '' = bundled. */
  ipDatabasePath: z.string().max(4096),
};

export const Settings = z.object({
  language: SettingFields.language.default('system'),
  theme: SettingFields.theme.default('system'),
  onlineLookups: SettingFields.onlineLookups.default(true),
  onlineNoticeSeen: SettingFields.onlineNoticeSeen.default(false),
  closeWaitStuckSec: SettingFields.closeWaitStuckSec.default(120),
  closedGraceSec: SettingFields.closedGraceSec.default(30),
  pollIntervalMs: SettingFields.pollIntervalMs.default(2_000),
  importZone: SettingFields.importZone.default(''),
  syslogEnabled: SettingFields.syslogEnabled.default(false),
  syslogPort: SettingFields.syslogPort.default(5514),
  ipDatabasePath: SettingFields.ipDatabasePath.default(''),
});
/**
 * What `settings.update` accepts: any subset of the settings, nothing else. Built without defaults on purpose: zod 4
 * applies a field's default inside `.partial()`, which turned "change the language" into "reset every setting"
 * (online lookups back on among them).
 */
export const SettingsPatch = z.object(SettingFields).partial().strict();
export type Settings = z.infer<typeof Settings>;

export const AppInfo = z.object({
  version: z.string(),
  platform: z.string(),
  dataDir: z.string(),
  databasePath: z.string(),
  systemLanguage: z.string(),
});
export type AppInfo = z.infer<typeof AppInfo>;

/**
 * A window's start in one round trip: what its first render needs (settings, app info) and the timeline's range —
 * with the buckets of its first picture when `timelineFirst` is given (timeline.range with `first`) — which decides
 * the first screen and lets the timeline draw at once.
 */
export const StartQuery = z.object({ timelineFirst: FirstPicture.optional() }).optional();
export const StartResult = z.object({ settings: Settings, info: AppInfo, timeline: RangeResult });
export type StartResult = z.infer<typeof StartResult>;

export const appInvoke = {
  'app.start': invoke(StartQuery, StartResult),
  'app.info': invoke(z.undefined(), AppInfo),
  'settings.get': invoke(z.undefined(), Settings),
  'settings.update': invoke(SettingsPatch, Settings),
};

export const appEvents = {
  'settings.changed': Settings,
};
