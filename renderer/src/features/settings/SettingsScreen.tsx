import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../../preload/contract/app';
import { useSettings } from '../../components/settings-context';
import { DataSources } from './DataSources';
import { NumberField } from './NumberField';
import { OnlineLookupsSettings } from '../host/OnlineLookupsSettings';

export function SettingsScreen(): ReactNode {
  const { t } = useTranslation('settings');
  const { settings, info, update } = useSettings();
  const set = <K extends keyof Settings>(key: K, value: Settings[K]): void => {
    void update({ [key]: value } as Partial<Settings>);
  };

  return (
    <section className="screen-body" aria-labelledby="settings-title">
      <header className="screen-header">
        <h1 id="settings-title">{t('title')}</h1>
      </header>
      <div className="settings">
        <fieldset>
          <legend>{t('appearance')}</legend>
          <label className="field">
            <span>{t('language.label')}</span>
            <select
              value={settings.language}
              onChange={(e) => set('language', e.target.value as Settings['language'])}
              data-testid="settings-language"
            >
              <option value="system">{t('language.system')}</option>
              <option value="en">English</option>
              <option value="ja">日本語</option>
            </select>
          </label>
          <label className="field">
            <span>{t('theme.label')}</span>
            <select
              value={settings.theme}
              onChange={(e) => set('theme', e.target.value as Settings['theme'])}
              data-testid="settings-theme"
            >
              <option value="system">{t('theme.system')}</option>
              <option value="light">{t('theme.light')}</option>
              <option value="dark">{t('theme.dark')}</option>
            </select>
          </label>
        </fieldset>
        <fieldset>
          <legend>{t('connections')}</legend>
          <NumberField
            label={t('closeWait.label')}
            hint={t('closeWait.hint')}
            value={settings.closeWaitStuckSec}
            min={5}
            max={86400}
            onSave={(v) => set('closeWaitStuckSec', v)}
            testId="settings-close-wait"
          />
          <NumberField
            label={t('grace.label')}
            value={settings.closedGraceSec}
            min={0}
            max={3600}
            onSave={(v) => set('closedGraceSec', v)}
            testId="settings-grace"
          />
        </fieldset>
        <OnlineLookupsSettings />
        <fieldset>
          <legend>{t('about.title')}</legend>
          <dl className="facts">
            <dt>{t('about.version')}</dt>
            <dd>{info.version}</dd>
            <dt>{t('about.database')}</dt>
            <dd className="mono">{info.databasePath}</dd>
          </dl>
          <DataSources />
        </fieldset>
      </div>
    </section>
  );
}
