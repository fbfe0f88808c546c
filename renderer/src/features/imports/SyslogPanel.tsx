import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyslogStatus } from '../../../../preload/contract/imports';
import { netwhy } from '../../api';
import { useSettings } from '../../components/settings-context';
import { formatCount } from '../../components/format';

/** Start/stop the live syslog receiver, pick its port, and watch messages arrive. */
export function SyslogPanel(props: { onSession: () => void }): ReactNode {
  const { t, i18n } = useTranslation('imports');
  const { settings } = useSettings();
  const [status, setStatus] = useState<SyslogStatus | null>(null);
  const [port, setPort] = useState(String(settings.syslogPort));
  const [busy, setBusy] = useState(false);
  const { onSession } = props;

  useEffect(() => {
    let alive = true;
    void netwhy.syslog.status().then((s) => alive && setStatus(s));
    const off = netwhy.on('syslog.event', (e) =>
      setStatus((s) => (s ? { ...s, received: e.received, parsed: e.parsed, unknown: e.unknown } : s)),
    );
    return () => {
      alive = false;
      off();
    };
  }, []);

  const portNumber = Number(port);
  const portValid = /^\d{1,5}$/.test(port) && portNumber >= 1 && portNumber <= 65_535;

  const toggle = async (): Promise<void> => {
    setBusy(true);
    try {
      const s = status?.running ? await netwhy.syslog.stop() : await netwhy.syslog.start({ port: portNumber });
      setStatus(s);
      onSession();
    } finally {
      setBusy(false);
    }
  };

  const lang = i18n.language;
  return (
    <section className="imports-syslog" data-testid="syslog-panel" aria-labelledby="syslog-title">
      <h2 id="syslog-title">{t('syslog.title')}</h2>
      <p className="subtle">{t('syslog.explain')}</p>
      <div className="toolbar">
        <label className="field imports-port">
          <span>{t('syslog.port')}</span>
          <input
            inputMode="numeric"
            value={port}
            disabled={status?.running}
            aria-invalid={!portValid}
            onChange={(e) => setPort(e.target.value.trim())}
            data-testid="syslog-port"
          />
        </label>
        <button
          className={status?.running ? 'button' : 'button button-primary'}
          disabled={busy || (!status?.running && !portValid)}
          onClick={() => void toggle()}
          aria-pressed={status?.running ?? false}
          data-testid="syslog-toggle"
        >
          {status?.running ? t('syslog.stop') : t('syslog.start')}
        </button>
      </div>
      <p data-testid="syslog-status" className={status?.running ? 'imports-live' : 'subtle'}>
        {status?.running ? (
          <>
            {t('syslog.listening', { port: status.port })} ·{' '}
            {t('syslog.count', {
              received: formatCount(status.received, lang),
              parsed: formatCount(status.parsed, lang),
            })}
          </>
        ) : (
          t('syslog.off')
        )}
      </p>
      {status?.error ? (
        <p className="banner banner-error" data-testid="syslog-error">
          {t(`syslog.error.${status.error}`, { port, defaultValue: status.error })}
        </p>
      ) : null}
    </section>
  );
}
