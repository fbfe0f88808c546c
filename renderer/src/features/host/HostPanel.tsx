import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttributionDto } from '../../../../preload/contract/intel';
import { netwhy } from '../../api';
import { countryName } from '../../components/format';
import { useSettings } from '../../components/settings-context';
import { DataSourcesList } from './DataSourcesList';
import { useHostPanel } from './host-panel-context';
import { laneClass, ownerLabel } from './labels';
import { HOST_PANEL_SECTIONS } from './sections';
import './host.css';

type Lookup =
  { state: 'loading' } | { state: 'done'; a: AttributionDto; pending: boolean } | { state: 'error'; message: string };

/**
 * Who an address is: owner, role, country, AS, reverse DNS, registration and abuse contact, with the evidence and
 * the data sources. The offline answer shows at once; the online one (reverse DNS, RDAP) replaces it when it comes.
 */
export function HostPanel(): ReactNode {
  const { ip, close } = useHostPanel();
  const { t, i18n } = useTranslation('host');
  const { settings } = useSettings();
  // Keyed by address, so opening another address shows "loading" without resetting state inside the effect.
  const [result, setResult] = useState<{ ip: string; lookup: Lookup } | null>(null);
  const lookup: Lookup = result && result.ip === ip ? result.lookup : { state: 'loading' };

  useEffect(() => {
    if (!ip) return;
    let alive = true;
    const set = (l: Lookup): void => {
      if (alive) setResult({ ip, lookup: l });
    };
    const fail = (e: unknown): void => set({ state: 'error', message: e instanceof Error ? e.message : String(e) });
    void netwhy.intel
      .attribute({ ip, online: false })
      .then((a) => {
        if (!alive) return;
        set({ state: 'done', a, pending: settings.onlineLookups });
        if (!settings.onlineLookups) return;
        return netwhy.intel.attribute({ ip }).then((online) => set({ state: 'done', a: online, pending: false }));
      })
      .catch(fail);
    return () => {
      alive = false;
    };
  }, [ip, settings.onlineLookups]);

  useEffect(() => {
    if (!ip) return;
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') close();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [ip, close]);

  if (!ip) return null;
  const ja = i18n.language === 'ja';
  const none = t('facts.none');

  const body = (): ReactNode => {
    if (lookup.state === 'loading') return <p className="subtle">{t('loading')}</p>;
    if (lookup.state === 'error')
      return <p className="banner banner-error">{t('error', { message: lookup.message })}</p>;
    const { a, pending } = lookup;
    const label = ownerLabel(a);
    const owner =
      label.source === 'none' ? t('unknownOwner') : label.source === 'known' && label.key ? t(label.key) : label.name;
    return (
      <>
        <div className={`host-summary ${laneClass(a)}`} data-testid="host-summary">
          <span className="host-owner" data-testid="host-owner">
            {owner}
          </span>
          {label.source === 'as' || label.source === 'rdap' ? (
            <span className="subtle host-owner-source" data-testid="host-owner-source">
              {t(`ownerFrom.${label.source}`)}
            </span>
          ) : null}
          <span className="host-role" data-testid="host-role">
            {t(`role.${a.role}`, { defaultValue: a.role })}
          </span>
          <span className={`badge confidence-${a.confidence}`} data-testid="host-confidence">
            {t('facts.confidence')}: {t(`confidence.${a.confidence}`)}
          </span>
        </div>
        {pending ? (
          <p className="subtle" data-testid="host-pending">
            {t('lookingUp')}
          </p>
        ) : null}
        {!settings.onlineLookups ? <p className="banner banner-warning">{t('offlineOnly')}</p> : null}
        <dl className="facts host-facts">
          <dt>{t('facts.country')}</dt>
          <dd data-testid="host-country" title={a.country ?? undefined}>
            {a.country ? countryName(a.country, i18n.language) : none}
          </dd>
          <dt>{t('facts.network')}</dt>
          <dd data-testid="host-asn">{a.asn !== null ? `AS${a.asn}${a.asOrg ? ` ${a.asOrg}` : ''}` : none}</dd>
          <dt>{t('facts.ptr')}</dt>
          <dd className="mono" data-testid="host-ptr">
            {a.ptr ?? none}
            {a.ptr ? (
              <span className={`badge ${a.ptrConfirmed ? 'badge-ok' : 'badge-warning'}`}>
                {a.ptrConfirmed ? t('ptrConfirmed') : t('ptrUnconfirmed')}
              </span>
            ) : null}
          </dd>
          {a.rdap ? (
            <>
              <dt>{t('facts.rdapName')}</dt>
              <dd data-testid="host-rdap-name">{a.rdap.name ?? none}</dd>
              <dt>{t('facts.rdapOrg')}</dt>
              <dd data-testid="host-rdap-org">{a.rdap.org ?? none}</dd>
              <dt>{t('facts.rdapCountry')}</dt>
              <dd title={a.rdap.country ?? undefined}>
                {a.rdap.country ? countryName(a.rdap.country, i18n.language) : none}
              </dd>
              <dt>{t('facts.abuse')}</dt>
              <dd className="mono" data-testid="host-abuse">
                {a.rdap.abuseEmail ?? none}
              </dd>
            </>
          ) : null}
        </dl>
        <h3>{t('evidence')}</h3>
        <ul className="host-evidence" data-testid="host-evidence">
          {a.evidence.map((e, i) => (
            <li key={i} data-kind={e.kind}>
              {ja ? (e.detailJa ?? e.detail) : e.detail}
            </li>
          ))}
        </ul>
        {HOST_PANEL_SECTIONS.map(({ id, component: Section }) => (
          <Section key={id} ip={a.ip} />
        ))}
      </>
    );
  };

  return (
    <aside
      className="host-panel"
      role="dialog"
      aria-modal="false"
      aria-labelledby="host-panel-title"
      data-testid="host-panel"
    >
      <header className="host-panel-header">
        <div>
          <div className="subtle">{t('title')}</div>
          <h2 id="host-panel-title" className="mono" data-testid="host-ip">
            {ip}
          </h2>
        </div>
        <button className="button" onClick={close} aria-label={t('close')} data-testid="host-panel-close">
          ✕
        </button>
      </header>
      <div className="host-panel-body">
        {body()}
        <DataSourcesList />
      </div>
    </aside>
  );
}
