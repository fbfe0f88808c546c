import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { netwhy } from './api';
import { SettingsProvider } from './components/settings-context';
import { initI18n, pickLanguage } from './i18n';
import './styles.css';

async function start(): Promise<void> {
  const [settings, info] = await Promise.all([netwhy.settings.get(), netwhy.app.info()]);
  await initI18n(pickLanguage(settings.language, info.systemLanguage));
  const root = document.getElementById('root');
  if (!root) throw new Error('#root missing from index.html');
  createRoot(root).render(
    <StrictMode>
      <SettingsProvider initial={settings} info={info}>
        <App />
      </SettingsProvider>
    </StrictMode>,
  );
}

void start();
