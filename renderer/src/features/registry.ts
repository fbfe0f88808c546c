import type { ComponentType } from 'react';
import { ConnectionsScreen } from './connections/ConnectionsScreen';
import { HostsScreen } from './hosts/HostsScreen';
import { ImportsScreen } from './imports/ImportsScreen';
import { ReportsScreen } from './reports/ReportsScreen';
import { SettingsScreen } from './settings/SettingsScreen';
import { TimelineScreen } from './timeline/TimelineScreen';
import { prefetchTimeline } from './timeline/prefetch';

// Asked as soon as the bundle runs, in parallel with settings and i18n: the answer picks the first screen, and the
// timeline's first buckets come with it (timeline/prefetch.ts).
const timelineHasData = prefetchTimeline().catch(() => false);

export interface ScreenDef {
  id: string;
  /** i18n key of the navigation label. */
  label: string;
  /** A short glyph shown beside the label. */
  glyph: string;
  component: ComponentType;
  /** Pinned to the bottom of the navigation (Settings). */
  bottom?: boolean;
  /**
   * The app opens on this screen when it resolves true (and the user has not moved yet); otherwise on the first
   * screen without `home`. The timeline is home once there are imported events; a new user starts on Connections.
   */
  home?: () => Promise<boolean>;
}

/** The app's screens, in navigation order. Add a screen here and its folder under features/. */
export const SCREENS: ScreenDef[] = [
  {
    id: 'timeline',
    label: 'timeline:nav',
    glyph: '▤',
    component: TimelineScreen,
    home: () => timelineHasData,
  },
  { id: 'connections', label: 'common:nav.connections', glyph: '⇄', component: ConnectionsScreen },
  { id: 'imports', label: 'imports:nav', glyph: '⇪', component: ImportsScreen },
  { id: 'hosts', label: 'hosts:nav', glyph: '◎', component: HostsScreen },
  { id: 'reports', label: 'reports:nav', glyph: '✉', component: ReportsScreen },
  { id: 'settings', label: 'common:nav.settings', glyph: '⚙', component: SettingsScreen, bottom: true },
];
