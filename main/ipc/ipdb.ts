import type { IpDataInfo } from '../../preload/contract/ipdb';
import { ipDatabaseFor, type IpDatabaseState } from '../services/ip-database';
import { readSettings } from '../services/settings';
import type { AppContext } from '../app-context';
import type { Handlers } from './types';

export function toDataInfo(state: IpDatabaseState): IpDataInfo {
  const sources = state.loaded?.sources ?? [];
  const meta = state.loaded?.bundledMeta ?? null;
  return {
    sources: sources.map(({ kind, path, dataDate, provides, description }) => ({
      kind,
      path,
      dataDate,
      provides,
      description,
    })),
    credits: (meta?.sources ?? []).map(({ name, via, version, license, attribution, url }) => ({
      name,
      via,
      version,
      license,
      attribution,
      url,
    })),
    counts: meta ? { rangesV4: meta.counts.rangesV4, rangesV6: meta.counts.rangesV6 } : null,
    userFileError: state.userFileError,
    bundledError: state.bundledError,
  };
}

export function ipdbHandlers(ctx: AppContext): Pick<Handlers, 'intel.dataInfo'> {
  return {
    'intel.dataInfo': () => toDataInfo(ipDatabaseFor(readSettings(ctx.db).ipDatabasePath)),
  };
}
