import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { StartResult } from '../../preload/contract/app';
import { netwhy } from './api';
import { App } from './App';
import { SettingsProvider } from './components/settings-context';
import { firstScreen } from './features/registry';
import { initI18n, pickLanguage } from './i18n';

/** `started`: main's answer to app.start, which main.tsx asked for before this (the bulk of the app) had loaded. */
export async function start(started: Promise<StartResult>): Promise<void> {
  // Marks for bench:timeline's first-paint breakdown (with timeline-* in features/timeline).
  performance.mark('app-loaded');
  // If the one start-up call fails (a timeline query error, say), the app still opens: settings and app info are
  // asked for on their own, and the home screen check asks for the timeline again.
  const { settings, info } = await started.catch(async () => {
    const [settings, info] = await Promise.all([netwhy.settings.get(), netwhy.app.info()]);
    return { settings, info };
  });
  // Settled by the same answer (the timeline's range): the app renders once, on its first screen, no empty frame.
  const screen = await firstScreen();
  performance.mark('app-answered');
  await initI18n(pickLanguage(settings.language, info.systemLanguage));
  const root = document.getElementById('root');
  if (!root) throw new Error('#root missing from index.html');
  createRoot(root).render(
    <StrictMode>
      <SettingsProvider initial={settings} info={info}>
        <App initialScreen={screen} />
      </SettingsProvider>
    </StrictMode>,
  );
}
