/**
 * The channel names alone, without their zod schemas. The preload needs only the names to build window.netwhy;
 * importing preload/contract.ts would make every window build all the schemas before the page's own scripts run
 * (60–90 ms of a cold start, issue 6). Main still parses every payload with the schemas; contract.ts fails to
 * compile when these lists and the contract differ.
 */
export const INVOKE_CHANNEL_NAMES = [
  'app.start',
  'app.info',
  'settings.get',
  'settings.update',
  'intel.dataInfo',
  'hosts.list',
  'hosts.detail',
  'hosts.refresh',
  'hosts.verdicts',
  'hosts.exportCsv',
  'imports.formats',
  'imports.detect',
  'imports.start',
  'imports.startBytes',
  'imports.cancel',
  'imports.list',
  'imports.skipped',
  'imports.remove',
  'syslog.start',
  'syslog.stop',
  'syslog.status',
  'intel.attribute',
  'intel.bootstrapInfo',
  'intel.refreshBootstrap',
  'sockets.current',
  'sockets.history',
  'sockets.stateChanges',
  'reports.create',
  'reports.open',
  'reports.update',
  'reports.list',
  'reports.delete',
  'reports.save',
  'reports.copy',
  'reports.mail',
  'timeline.range',
  'timeline.buckets',
  'timeline.events',
  'timeline.options',
] as const;

export const EVENT_CHANNEL_NAMES = [
  'settings.changed',
  'hosts.changed',
  'imports.progress',
  'imports.finished',
  'syslog.event',
  'sockets.changed',
  'timeline.live',
] as const;

export type InvokeChannelName = (typeof INVOKE_CHANNEL_NAMES)[number];
export type EventChannelName = (typeof EVENT_CHANNEL_NAMES)[number];

/** IPC channel names as sent over Electron's ipc (prefixed so they cannot collide with Electron's own). */
export const ipcInvokeName = (c: InvokeChannelName): string => `netwhy:${c}`;
export const ipcEventName = (e: EventChannelName): string => `netwhy-event:${e}`;
