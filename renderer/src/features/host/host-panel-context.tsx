import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

interface HostPanelState {
  /** The address shown, or null when the panel is closed. */
  ip: string | null;
  open(ip: string): void;
  close(): void;
}

const NOOP: HostPanelState = { ip: null, open: () => undefined, close: () => undefined };
const HostPanelContext = createContext<HostPanelState>(NOOP);

/** Opens the host detail panel from anywhere: `useHostPanel().open('23.215.0.136')`. */
export function useHostPanel(): HostPanelState {
  return useContext(HostPanelContext);
}

export function HostPanelProvider(props: { children: ReactNode }): ReactNode {
  const [ip, setIp] = useState<string | null>(null);
  const open = useCallback((next: string) => setIp(next), []);
  const close = useCallback(() => setIp(null), []);
  const value = useMemo(() => ({ ip, open, close }), [ip, open, close]);
  return <HostPanelContext.Provider value={value}>{props.children}</HostPanelContext.Provider>;
}
