import type { ComponentType } from 'react';
import { ConnectionsScreen } from './connections/ConnectionsScreen';
import { HostsScreen } from './hosts/HostsScreen';
import { ImportsScreen } from './imports/ImportsScreen';
import { ReportsScreen } from './reports/ReportsScreen';
import { SettingsScreen } from './settings/SettingsScreen';

export interface ScreenDef {
  id: string;
  /** i18n key of the navigation label. */
  label: string;
  /** A short glyph shown beside the label. */
  glyph: string;
  component: ComponentType;
  /** Pinned to the bottom of the navigation (Settings). */
  bottom?: boolean;
}

/** The app's screens, in navigation order. Add a screen here and its folder under features/. */
export const SCREENS: ScreenDef[] = [
  { id: 'connections', label: 'common:nav.connections', glyph: '⇄', component: ConnectionsScreen },
  { id: 'imports', label: 'imports:nav', glyph: '⇪', component: ImportsScreen },
  { id: 'hosts', label: 'hosts:nav', glyph: '◎', component: HostsScreen },
  { id: 'reports', label: 'reports:nav', glyph: '✉', component: ReportsScreen },
  { id: 'settings', label: 'common:nav.settings', glyph: '⚙', component: SettingsScreen, bottom: true },
];
