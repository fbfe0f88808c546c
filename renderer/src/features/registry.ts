import type { ComponentType } from 'react';
import { ConnectionsScreen } from './connections/ConnectionsScreen';
import { HostsScreen } from './hosts/HostsScreen';
import { ImportsScreen } from './imports/ImportsScreen';
import { ReportsScreen } from './reports/ReportsScreen';
import { SettingsScreen } from './settings/SettingsScreen';
import { TimelineScreen } from './timeline/TimelineScreen';
import { timelineHasData } from './timeline/prefetch';

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
    // Answered by main.tsx's start-up request, with the timeline's first buckets (timeline/prefetch.ts).
    home: timelineHasData,
  },
  { id: 'connections', label: 'common:nav.connections', glyph: '⇄', component: ConnectionsScreen },
  { id: 'imports', label: 'imports:nav', glyph: '⇪', component: ImportsScreen },
  { id: 'hosts', label: 'hosts:nav', glyph: '◎', component: HostsScreen },
  { id: 'reports', label: 'reports:nav', glyph: '✉', component: ReportsScreen },
  { id: 'settings', label: 'common:nav.settings', glyph: '⚙', component: SettingsScreen, bottom: true },
];

/**
 * The screen the app opens on: the first screen with `home` that answers yes, or the first without `home` when
 * none does within `patienceMs` (a slow answer then does not hold up the window; App still moves to that screen
 * when it comes, unless the user has moved on).
 */
export function firstScreen(patienceMs = 400): Promise<string> {
  const fallback = SCREENS.find((s) => !s.home)?.id ?? SCREENS[0]?.id ?? 'connections';
  const homes = SCREENS.filter((s) => s.home);
  const answers = Promise.all(homes.map((s) => s.home?.().catch(() => false)));
  const patience = new Promise<undefined>((done) => setTimeout(done, patienceMs));
  return Promise.race([answers, patience]).then((yes) => {
    const i = yes ? yes.findIndex(Boolean) : -1;
    return homes[i]?.id ?? fallback;
  });
}
