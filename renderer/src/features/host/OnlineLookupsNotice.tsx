import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSettings } from '../../components/settings-context';

/** First-run notice: what is looked up online and where, with a way to turn it off. Shown until dismissed. */
export function OnlineLookupsNotice(): ReactNode {
  const { t } = useTranslation('host');
  const { settings, update } = useSettings();
  if (settings.onlineNoticeSeen) return null;
  return (
    <div
      className="banner banner-warning online-notice"
      role="region"
      aria-labelledby="online-notice-title"
      data-testid="online-notice"
    >
      <strong id="online-notice-title">{t('notice.title')}</strong>
      <span>{t('notice.body')}</span>
      <div className="online-notice-actions">
        <button
          className="button button-primary"
          data-testid="online-notice-ok"
          onClick={() => void update({ onlineNoticeSeen: true })}
        >
          {t('notice.ok')}
        </button>
        <button
          className="button"
          data-testid="online-notice-off"
          onClick={() => void update({ onlineNoticeSeen: true, onlineLookups: false })}
        >
          {t('notice.turnOff')}
        </button>
      </div>
    </div>
  );
}
