import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { HostRow } from '../../../../preload/contract/hosts';
import './hosts.css';

/** LocalizedText in the app's language (i18n 'en' | 'ja'). */
export function useLocalized(): (t: { en: string; ja: string }) => string {
  const { i18n } = useTranslation();
  return (text) => (i18n.language === 'ja' ? text.ja : text.en);
}

export function VerdictBadge(props: {
  verdict: HostRow['verdict'];
  severity: HostRow['severity'];
  title?: string;
}): ReactNode {
  const { t } = useTranslation('hosts');
  return (
    <span
      className={`verdict-badge severity-${props.severity}`}
      title={props.title ?? t(`severity.${props.severity}`)}
      data-testid="verdict-badge"
      data-verdict={props.verdict}
    >
      {t(`verdict.${props.verdict}`)}
    </span>
  );
}

export function LaneDot(props: { lane: HostRow['lane'] }): ReactNode {
  return <span className="lane-dot" aria-hidden="true" style={{ background: `var(--${props.lane})` }} />;
}
