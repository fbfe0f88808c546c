import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavigationContext } from './components/navigation';
import { SCREENS } from './features/registry';
import { HostPanel } from './features/host/HostPanel';
import { HostPanelProvider } from './features/host/host-panel-context';
import { OnlineLookupsNotice } from './features/host/OnlineLookupsNotice';

export function App(): ReactNode {
  const { t } = useTranslation();
  const [active, setActive] = useState(() => SCREENS.find((s) => !s.home)?.id ?? SCREENS[0]?.id ?? 'connections');
  const moved = useRef(false);
  // Until the screens claiming the start have answered (briefly), show no screen rather than flash another one.
  const [decided, setDecided] = useState(() => !SCREENS.some((s) => s.home));
  const go = useCallback((id: string) => {
    moved.current = true;
    setDecided(true);
    setActive(id);
  }, []);
  // A screen may claim the start (the timeline, once there is data), unless the user has already moved on.
  useEffect(() => {
    const answers = SCREENS.map((s) =>
      s.home?.().then((yes) => {
        if (yes && !moved.current) setActive(s.id);
      }),
    );
    const patience = new Promise((done) => setTimeout(done, 400));
    void Promise.race([Promise.allSettled(answers), patience]).then(() => setDecided(true));
  }, []);
  const screen = SCREENS.find((s) => s.id === active) ?? SCREENS[0];
  const Screen = screen?.component;

  // Arrow keys move between navigation items (a vertical tablist).
  const onNavKey = (e: KeyboardEvent<HTMLElement>): void => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    e.preventDefault();
    const i = SCREENS.findIndex((s) => s.id === active);
    const next = SCREENS[(i + (e.key === 'ArrowDown' ? 1 : SCREENS.length - 1)) % SCREENS.length];
    if (next) {
      go(next.id);
      document.getElementById(`nav-${next.id}`)?.focus();
    }
  };

  const navButton = (s: (typeof SCREENS)[number]): ReactNode => (
    <button
      key={s.id}
      id={`nav-${s.id}`}
      role="tab"
      aria-selected={s.id === active}
      aria-controls="screen"
      tabIndex={s.id === active ? 0 : -1}
      className="nav-item"
      data-testid={`nav-${s.id}`}
      onClick={() => go(s.id)}
    >
      <span className="nav-glyph" aria-hidden="true">
        {s.glyph}
      </span>
      <span>{t(s.label)}</span>
    </button>
  );

  return (
    <NavigationContext.Provider value={go}>
      <HostPanelProvider>
        <div className="app">
          <nav className="sidebar" aria-label={t('common:nav.label')}>
            <div className="brand">
              <span className="brand-mark" aria-hidden="true">
                ?
              </span>
              <div>
                <div className="brand-name">{t('common:app.name')}</div>
                <div className="brand-tagline">{t('common:app.tagline')}</div>
              </div>
            </div>
            <div role="tablist" aria-orientation="vertical" className="nav-list" onKeyDown={onNavKey}>
              {SCREENS.filter((s) => !s.bottom).map(navButton)}
              <div className="nav-spacer" />
              {SCREENS.filter((s) => s.bottom).map(navButton)}
            </div>
          </nav>
          <main id="screen" role="tabpanel" aria-labelledby={`nav-${active}`} className="screen">
            <OnlineLookupsNotice />
            {Screen && decided ? <Screen /> : null}
          </main>
        </div>
        <HostPanel />
      </HostPanelProvider>
    </NavigationContext.Provider>
  );
}
