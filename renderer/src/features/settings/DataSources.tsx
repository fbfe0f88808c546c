import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { IpDataInfo } from '../../../../preload/contract/ipdb';
import { netwhy } from '../../api';
import { useSettings } from '../../components/settings-context';
import { RdapRegistryList } from './RdapRegistryList';

/**
 * About box part: which IP address data the offline attribution uses, its date, the credits its licences require
 * (RouteViews, DB-IP, NRO: CC BY 4.0), and the user's own newer CSV/MMDB file (settings.ipDatabasePath).
 */
export function DataSources(): ReactNode {
  const { t, i18n } = useTranslation('settings');
  const { settings, update } = useSettings();
  const count = (n: number): string => n.toLocaleString(i18n.language);
  const [info, setInfo] = useState<IpDataInfo | null>(null);
  const [path, setPath] = useState(settings.ipDatabasePath);

  useEffect(() => {
    let alive = true;
    void netwhy.intel.dataInfo().then((i) => alive && setInfo(i));
    return () => {
      alive = false;
    };
  }, [settings.ipDatabasePath]);

  // Follow the saved setting when it changes elsewhere (React's "adjust state while rendering" pattern).
  const [saved, setSaved] = useState(settings.ipDatabasePath);
  if (saved !== settings.ipDatabasePath) {
    setSaved(settings.ipDatabasePath);
    setPath(settings.ipDatabasePath);
  }

  const apply = (value: string): void => {
    void update({ ipDatabasePath: value.trim() });
  };

  return (
    <div className="data-sources" data-testid="data-sources">
      <h3>{t('dataSources.title')}</h3>
      {info?.bundledError ? (
        <p className="banner banner-error" role="alert" data-testid="data-sources-bundled-error">
          {t('dataSources.bundledMissing')} <span className="mono">{info.bundledError}</span>
        </p>
      ) : null}
      {info?.userFileError ? (
        <p className="banner banner-warning" role="alert" data-testid="data-sources-user-error">
          {info.userFileError.line === null
            ? t('dataSources.userFileError', { file: info.userFileError.file })
            : t('dataSources.userFileErrorLine', { file: info.userFileError.file, line: info.userFileError.line })}{' '}
          <span className="mono">{info.userFileError.message}</span>
        </p>
      ) : null}
      <dl className="facts">
        {(info?.sources ?? []).map((s) => (
          <SourceFacts key={`${s.kind}:${s.path}`} source={s} />
        ))}
        {info?.counts ? (
          <>
            <dt>{t('dataSources.ranges')}</dt>
            <dd data-testid="data-sources-ranges">
              {t('dataSources.rangeCounts', { v4: count(info.counts.rangesV4), v6: count(info.counts.rangesV6) })}
            </dd>
          </>
        ) : null}
      </dl>
      {info && info.credits.length > 0 ? (
        <>
          <h4>{t('dataSources.credits')}</h4>
          <ul className="credits" data-testid="data-sources-credits">
            {info.credits.map((c) => (
              <li key={c.name}>
                {c.attribution} <span className="subtle mono">{c.url}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <RdapRegistryList />
      <label className="field">
        <span>{t('dataSources.userFile.label')}</span>
        <input
          type="text"
          size={60}
          className="mono"
          value={path}
          placeholder={t('dataSources.userFile.placeholder')}
          onChange={(e) => setPath(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') apply(path);
          }}
          data-testid="data-sources-path"
        />
        <small className="subtle">{t('dataSources.userFile.hint')}</small>
      </label>
      <div className="toolbar">
        <button type="button" onClick={() => apply(path)} data-testid="data-sources-apply">
          {t('dataSources.userFile.apply')}
        </button>
        <button
          type="button"
          onClick={() => apply('')}
          disabled={settings.ipDatabasePath === ''}
          data-testid="data-sources-reset"
        >
          {t('dataSources.userFile.reset')}
        </button>
      </div>
    </div>
  );
}

function SourceFacts(props: { source: IpDataInfo['sources'][number] }): ReactNode {
  const { t } = useTranslation('settings');
  const s = props.source;
  const fields = [s.provides.asn ? t('dataSources.asn') : null, s.provides.country ? t('dataSources.country') : null]
    .filter(Boolean)
    .join(t('dataSources.and'));
  return (
    <>
      <dt>{s.kind === 'bundled' ? t('dataSources.bundled') : t('dataSources.userFile.current')}</dt>
      <dd data-testid={`data-source-${s.kind}`}>
        {s.description}
        <br />
        <span className="subtle">
          {t('dataSources.provides', { fields })} ·{' '}
          {s.dataDate ? t('dataSources.date', { date: s.dataDate }) : t('dataSources.dateUnknown')}
        </span>
        {s.kind === 'bundled' ? null : (
          <>
            <br />
            <span className="mono subtle">{s.path}</span>
          </>
        )}
      </dd>
    </>
  );
}
