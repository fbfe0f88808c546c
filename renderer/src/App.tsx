import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavigationContext } from './components/navigation';
import { SCREENS } from './features/registry';
import { HostPanel } from './features/host/HostPanel';
import { HostPanelProvider } from './features/host/host-panel-context';
import { OnlineLookupsNotice } from './features/host/OnlineLookupsNotice';

/** `initialScreen`: from firstScreen() (features/registry.ts), which start.tsx waits for before the first render. */
export function App(props: { initialScreen: string }): ReactNode {
  const { t } = useTranslation();
  const [active, setActive] = useState(props.initialScreen);
  const moved = useRef(false);
  const go = useCallback((id: string) => {
    moved.current = true;
    setActive(id);
  }, []);
  // A screen whose claim on the start came too late for firstScreen() still gets it, unless the user has moved on.
  useEffect(() => {
    for (const s of SCREENS)
      void s.home?.().then((yes) => {
        if (yes && !moved.current) setActive(s.id);
      });
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
            {Screen ? <Screen /> : null}
          </main>
        </div>
        <HostPanel />
      </HostPanelProvider>
    </NavigationContext.Provider>
  );
}
