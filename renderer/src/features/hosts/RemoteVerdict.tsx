import { useEffect, useState, type ReactNode } from 'react';
import type { HostRow } from '../../../../preload/contract/hosts';
import { netwhy } from '../../api';
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

/** The stored verdict of a remote address (the Connections screen's rows), or nothing when none is known. */
export function RemoteVerdict(props: { ip: string }): ReactNode {
  const L = useLocalized();
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
  return (
    <span className="verdict-inline">
      <VerdictBadge verdict={known.verdict} severity={known.severity} title={L(known.title)} />
    </span>
  );
}
