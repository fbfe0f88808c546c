import type { AppContext } from '../app-context';
import type { Handlers } from './types';

export function intelHandlers(
  ctx: AppContext,
): Pick<Handlers, 'intel.attribute' | 'intel.bootstrapInfo' | 'intel.refreshBootstrap'> {
  return {
    'intel.attribute': ({ ip, online }) =>
      online === false ? ctx.intel.attributeOffline(ip) : ctx.intel.attribute(ip),
    'intel.bootstrapInfo': () => ctx.intel.sources().rdapBootstrap,
    'intel.refreshBootstrap': () => ctx.intel.refreshBootstrap(),
  };
}
