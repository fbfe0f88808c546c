import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from '../../components/navigation';

/** First run: the three ways to put something on the timeline, each a button to the screen that does it. */
export function EmptyState(): ReactNode {
  const { t } = useTranslation('timeline');
  const navigate = useNavigate();
  const ways = [
    { id: 'live', screen: 'connections' },
    { id: 'import', screen: 'imports' },
    { id: 'syslog', screen: 'imports' },
  ] as const;
  return (
    <div className="empty timeline-empty" data-testid="timeline-empty">
      <h2>{t('empty.title')}</h2>
      <p>{t('empty.body')}</p>
      <ol className="timeline-ways">
        {ways.map((w) => (
          <li key={w.id}>
            <h3>{t(`empty.${w.id}.title`)}</h3>
            <p className="subtle">{t(`empty.${w.id}.body`)}</p>
            <button className="button" onClick={() => navigate(w.screen)} data-testid={`timeline-empty-${w.id}`}>
              {t(`empty.${w.id}.button`)}
            </button>
          </li>
        ))}
      </ol>
    </div>
  );
}
