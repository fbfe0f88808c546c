/**
 * THE api between the renderer and main. Channel names, zod schemas and DTO types live here (one file per feature
 * under contract/); main parses every payload with these schemas, the preload exposes one named function per
 * channel, and the renderer's types are derived from the same objects, so the ends cannot drift.
 */
import type { z } from 'zod';
import type { EventChannelName, InvokeChannelName } from './channels';
import { appEvents, appInvoke } from './contract/app';
import { ipdbEvents, ipdbInvoke } from './contract/ipdb';
import { hostsEvents, hostsInvoke } from './contract/hosts';
import { importsEvents, importsInvoke } from './contract/imports';
import { intelInvoke } from './contract/intel';
import { reportsEvents, reportsInvoke } from './contract/reports';
import { socketsEvents, socketsInvoke } from './contract/sockets';
import { timelineEvents, timelineInvoke } from './contract/timeline';

export const invokeContract = {
  ...appInvoke,
  ...ipdbInvoke,
  ...hostsInvoke,
  ...importsInvoke,
  ...intelInvoke,
  ...socketsInvoke,
  ...reportsInvoke,
  ...timelineInvoke,
};

export const eventContract = {
  ...appEvents,
  ...ipdbEvents,
  ...hostsEvents,
  ...importsEvents,
  ...socketsEvents,
  ...reportsEvents,
  ...timelineEvents,
};

export type InvokeContract = typeof invokeContract;
export type InvokeChannel = keyof InvokeContract;
export type InvokeInput<C extends InvokeChannel> = z.input<InvokeContract[C]['input']>;
export type InvokeParsed<C extends InvokeChannel> = z.output<InvokeContract[C]['input']>;
export type InvokeOutput<C extends InvokeChannel> = z.output<InvokeContract[C]['output']>;

export type EventContract = typeof eventContract;
export type EventChannel = keyof EventContract;
export type EventPayload<E extends EventChannel> = z.output<EventContract[E]>;

type Namespace<C> = C extends `${infer NS}.${string}` ? NS : never;
type Method<C, NS extends string> = C extends `${NS}.${infer M}` ? M : never;

type Call<C extends InvokeChannel> =
  undefined extends InvokeInput<C>
    ? (input?: InvokeInput<C>) => Promise<InvokeOutput<C>>
    : (input: InvokeInput<C>) => Promise<InvokeOutput<C>>;

/** What `window.netwhy` offers: `netwhy.sockets.current()`, `netwhy.settings.update({...})`, `netwhy.on(...)`. */
export type NetwhyApi = {
  [NS in Namespace<InvokeChannel>]: {
    [C in InvokeChannel as Method<C, NS>]: Call<C>;
  };
} & {
  on<E extends EventChannel>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  /**
   * The path of a File the user dropped or picked (Electron >= 32: webUtils.getPathForFile in the preload, since
   * File.path is gone under contextIsolation); null in a plain browser, where the renderer sends the bytes instead.
   */
  pathForFile(file: object): string | null;
};

export const INVOKE_CHANNELS = Object.keys(invokeContract) as InvokeChannel[];
export const EVENT_CHANNELS = Object.keys(eventContract) as EventChannel[];

export { ipcEventName, ipcInvokeName } from './channels';

// The preload builds window.netwhy from the name lists in channels.ts (no zod there). Compiling fails here, naming
// the channel, when a list and the contract differ.
type SameNames<Contract extends string, Listed extends string> = [Exclude<Contract, Listed>] extends [never]
  ? [Exclude<Listed, Contract>] extends [never]
    ? true
    : { notInContract: Exclude<Listed, Contract> }
  : { missingFromChannelsTs: Exclude<Contract, Listed> };
export const channelListsMatch: [
  SameNames<InvokeChannel, InvokeChannelName>,
  SameNames<EventChannel, EventChannelName>,
] = [true, true];
