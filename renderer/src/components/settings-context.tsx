import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { AppInfo, Settings } from '../../../preload/contract/app';
import { netwhy } from '../api';
import { pickLanguage, setLanguage } from '../i18n';

interface SettingsState {
  settings: Settings;
  info: AppInfo;
  update(patch: Partial<Settings>): Promise<void>;
}

const SettingsContext = createContext<SettingsState | null>(null);

export function useSettings(): SettingsState {
  const value = useContext(SettingsContext);
  if (!value) throw new Error('useSettings outside SettingsProvider');
  return value;
}

function applyTheme(theme: Settings['theme']): void {
  const dark = theme === 'dark' || (theme === 'system' && window.matchMedia('(prefers-color-scheme: dark)').matches);
  document.documentElement.dataset['theme'] = dark ? 'dark' : 'light';
}

export function SettingsProvider(props: { initial: Settings; info: AppInfo; children: ReactNode }): ReactNode {
  const [settings, setSettings] = useState(props.initial);

  useEffect(() => netwhy.on('settings.changed', setSettings), []);
  useEffect(() => {
    applyTheme(settings.theme);
    if (settings.theme !== 'system') return;
    const mq = window.matchMedia('(prefers-color-scheme: dark)');
    const onChange = (): void => applyTheme('system');
    mq.addEventListener('change', onChange);
    return () => mq.removeEventListener('change', onChange);
  }, [settings.theme]);
  useEffect(() => {
    void setLanguage(pickLanguage(settings.language, props.info.systemLanguage));
  }, [settings.language, props.info.systemLanguage]);

  const update = useCallback(async (patch: Partial<Settings>) => {
    setSettings(await netwhy.settings.update(patch));
  }, []);
  const value = useMemo(() => ({ settings, info: props.info, update }), [settings, props.info, update]);
  return <SettingsContext.Provider value={value}>{props.children}</SettingsContext.Provider>;
}
