import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { HostDetail } from '../../../../preload/contract/hosts';
import { netwhy } from '../../api';
import { formatDateTime } from '../../components/format';
import { useLocalized, VerdictBadge } from '../hosts/VerdictBadge';
import { errorDetail, ProblemNote } from '../report/ProblemNote';

/**
 * The verdict part of the host panel (issue 5): badge, title, plain explanation, advice, evidence, and which
 * program on this PC the traffic was meant for. Reads the stored host summary; re-reads when it is rebuilt.
 */
export function VerdictSection(props: { ip: string }): ReactNode {
  const { t, i18n } = useTranslation('hosts');
  const L = useLocalized();
  const [detail, setDetail] = useState<HostDetail | null | undefined>(undefined);
  // Why the last read failed: without it a failed read left "Loading…" up for good.
  const [failure, setFailure] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let alive = true;
    const load = (): void =>
      void netwhy.hosts.detail({ ip: props.ip }).then(
        (d) => {
          if (!alive) return;
          setDetail(d);
          setFailure(null);
        },
        (e: unknown) => alive && setFailure(errorDetail(e)),
      );
    load();
    const off = netwhy.on('hosts.changed', load);
    return () => {
      alive = false;
      off();
    };
  }, [props.ip, attempt]);

  if (failure !== null)
    return (
      <section className="verdict-section" data-testid="verdict-section">
        <ProblemNote
          problem={{ text: t('section.loadError'), detail: failure }}
          onRetry={() => {
            setFailure(null);
            setAttempt((n) => n + 1);
          }}
          testId="verdict-problem"
        />
      </section>
    );
  if (detail === undefined) return <p className="subtle">{t('common:app.loading')}</p>;
  if (detail === null)
    return (
      <section className="verdict-section" data-testid="verdict-section">
        <p className="subtle">{t('section.none')}</p>
      </section>
    );
  const v = detail.verdictDetail;
  const when = (ms: number | null): string => (ms === null ? '—' : formatDateTime(ms, i18n.language));
  return (
    <section className="verdict-section" data-testid="verdict-section" aria-label={t('section.title')}>
      <VerdictBadge verdict={v.id} severity={v.severity} />
      <span className="subtle verdict-inline">{t(`severity.${v.severity}`)}</span>
      <div className="verdict-title" data-testid="verdict-title">
        {L(v.title)}
      </div>
      <p className="subtle">
        {t('section.counts', { events: detail.events, first: when(detail.firstSeen), last: when(detail.lastSeen) })}
      </p>
      <p data-testid="verdict-explanation">{L(v.explanation)}</p>
      {detail.links.length ? (
        <>
          <h3>{t('section.link')}</h3>
          {detail.links.map((l) => (
            <p key={`${l.proto}${l.port}`} className="link-finding" data-testid="link-finding">
              {L(l.text)}
            </p>
          ))}
        </>
      ) : null}
      <h3>{t('section.advice')}</h3>
      <p data-testid="verdict-advice">{L(v.advice)}</p>
      <h3>{t('section.evidence')}</h3>
      <ul data-testid="verdict-evidence">
        {v.evidence.map((e, i) => (
          <li key={i}>{i18n.language === 'ja' ? (e.detailJa ?? e.detail) : e.detail}</li>
        ))}
      </ul>
      {detail.sites.length ? (
        <>
          <h3>{t('section.sites')}</h3>
          <ul>
            {detail.sites.map((chain) => (
              <li key={chain.join('>')} className="mono">
                {chain.join(' → ')}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
