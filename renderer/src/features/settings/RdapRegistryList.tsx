import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BootstrapRefreshResult } from '../../../../preload/contract/intel';
import { netwhy } from '../../api';
import { useSettings } from '../../components/settings-context';

/**
 * About box part: the IANA list that says which registry (ARIN, RIPE NCC, APNIC …) answers RDAP questions for an
 * address, its dates, and "Update now". The app also updates it by itself after start when it is over 30 days old;
 * both only while online lookups are on.
 */
export function RdapRegistryList(): ReactNode {
  const { t } = useTranslation('settings');
  const { settings } = useSettings();
  const [dates, setDates] = useState<{ ipv4: string; ipv6: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<BootstrapRefreshResult | null>(null);

  useEffect(() => {
    let alive = true;
    void netwhy.intel.bootstrapInfo().then((b) => alive && setDates(b));
    return () => {
      alive = false;
    };
  }, []);

  const update = async (): Promise<void> => {
    setBusy(true);
    setResult(null);
    try {
      const r = await netwhy.intel.refreshBootstrap();
      setResult(r);
      setDates(r.publication);
    } catch (e) {
      // The request itself failed (main refused it): shown like a failed download; the list in use stays.
      setResult({ status: 'failed', publication: dates ?? { ipv4: '', ipv6: '' }, error: String(e) });
    } finally {
      setBusy(false);
    }
  };

  const day = (iso: string): string => iso.slice(0, 10);
  const offline = !settings.onlineLookups;
  return (
    <div className="registry-list" data-testid="rdap-registry">
      <h4>{t('registry.title')}</h4>
      <p className="subtle">{t('registry.what')}</p>
      {dates ? (
        <p data-testid="rdap-registry-dates">{t('registry.dates', { v4: day(dates.ipv4), v6: day(dates.ipv6) })}</p>
      ) : null}
      <div className="toolbar">
        <button
          type="button"
          onClick={() => void update()}
          disabled={offline || busy}
          aria-describedby={offline ? 'rdap-registry-offline' : undefined}
          data-testid="rdap-registry-update"
        >
          {busy ? t('registry.updating') : t('registry.update')}
        </button>
      </div>
      {offline ? (
        <small id="rdap-registry-offline" className="subtle" data-testid="rdap-registry-offline">
          {t('registry.offline')}
        </small>
      ) : null}
      {result ? (
        <p
          className={result.status === 'failed' ? 'banner banner-warning' : 'subtle'}
          role="status"
          data-testid="rdap-registry-result"
        >
          {result.status === 'refreshed' ? (
            t('registry.refreshed')
          ) : result.status === 'failed' ? (
            <>
              {t('registry.failed')} <span className="mono">{result.error}</span>
            </>
          ) : (
            t('registry.notDone')
          )}
        </p>
      ) : null}
    </div>
  );
}
