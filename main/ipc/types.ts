import type { InvokeChannel, InvokeOutput, InvokeParsed } from '../../preload/contract';

export type Handler<C extends InvokeChannel> = (input: InvokeParsed<C>) => Promise<InvokeOutput<C>> | InvokeOutput<C>;

/** Every channel of the contract has exactly one handler: a missing one is a compile error. */
export type Handlers = { [C in InvokeChannel]: Handler<C> };

/** The handlers of the channels whose names start with one of `Prefix` ("sockets.", "settings."). */
export type HandlersFor<Prefix extends string> = {
  [C in InvokeChannel as C extends `${Prefix}.${string}` ? C : never]: Handler<C>;
};
