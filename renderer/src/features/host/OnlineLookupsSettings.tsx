import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSettings } from '../../components/settings-context';

/** The one privacy switch: reverse DNS and RDAP lookups (Settings screen). */
export function OnlineLookupsSettings(): ReactNode {
  const { t } = useTranslation('host');
  const { settings, update } = useSettings();
  return (
    <fieldset data-testid="online-lookups-settings">
      <legend>{t('settings.legend')}</legend>
      <label className="check">
        <input
          type="checkbox"
          checked={settings.onlineLookups}
          data-testid="settings-online-lookups"
          onChange={(e) => void update({ onlineLookups: e.target.checked, onlineNoticeSeen: true })}
        />
        <span>{t('settings.label')}</span>
      </label>
      <small className="subtle">{t('settings.hint')}</small>
    </fieldset>
  );
}
