import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { HostRow } from '../../../../preload/contract/hosts';
import { netwhy } from '../../api';
import { socketBadge } from '../connections/socket-verdict';
import { useLocalized, VerdictBadge } from './VerdictBadge';

type Known = { verdict: HostRow['verdict']; severity: HostRow['severity']; title: HostRow['title'] } | null;

// One request for all the rows a render shows, instead of one per row; answers kept until the table is rebuilt.
const cache = new Map<string, Known>();
let pending = new Set<string>();
let timer: ReturnType<typeof setTimeout> | null = null;
const listeners = new Set<() => void>();

function flush(): void {
  timer = null;
  const ips = [...pending];
  pending = new Set();
  void netwhy.hosts.verdicts({ ips }).then((found) => {
    for (const ip of ips) cache.set(ip, found[ip] ?? null);
    for (const l of listeners) l();
  });
}

function request(ip: string): void {
  if (cache.has(ip) || pending.has(ip)) return;
  pending.add(ip);
  timer ??= setTimeout(flush, 50);
}

let subscribed = false;
function followRebuilds(): void {
  if (subscribed) return;
  subscribed = true;
  netwhy.on('hosts.changed', () => {
    const ips = [...cache.keys()];
    cache.clear();
    for (const ip of ips) request(ip);
  });
}

/**
 * The badge of a live socket on the Connections screen, from the stored verdict of its remote address: about the
 * socket itself where that verdict allows (features/connections/socket-verdict.ts), otherwise the address's
 * verdict labelled as the address's. Nothing when no verdict is known.
 */
export function RemoteVerdict(props: { ip: string; state: string; stuck: boolean }): ReactNode {
  const L = useLocalized();
  const { t } = useTranslation('connections');
  const [, setTick] = useState(0);
  useEffect(() => {
    followRebuilds();
    const l = (): void => setTick((n) => n + 1);
    listeners.add(l);
    request(props.ip);
    return () => void listeners.delete(l);
  }, [props.ip]);
  const known = cache.get(props.ip);
  if (!known) return null;
  const badge = socketBadge(known, props);
  if (badge.kind === 'socket')
    return (
      <span className="verdict-inline" data-testid="socket-verdict">
        <VerdictBadge
          verdict={badge.verdict}
          severity={badge.severity}
          title={badge.verdict === known.verdict ? L(known.title) : undefined}
        />
      </span>
    );
  return (
    <span className="verdict-inline address-verdict" data-testid="address-verdict" data-from={badge.from}>
      <span className="subtle">{t(`addressVerdict.${badge.from}`)}</span>{' '}
      <VerdictBadge
        verdict={badge.verdict}
        severity={badge.severity}
        title={`${t(`addressVerdict.${badge.from}Hint`)} ${L(known.title)}`}
      />
    </span>
  );
}
