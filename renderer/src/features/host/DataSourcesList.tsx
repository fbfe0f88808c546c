import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { IpDataInfo } from '../../../../preload/contract/ipdb';
import { netwhy } from '../../api';

/** Where the panel's facts come from, with the credits the data's licences ask for. */
export function DataSourcesList(): ReactNode {
  const { t } = useTranslation('host');
  const [info, setInfo] = useState<IpDataInfo | null>(null);
  const [boot, setBoot] = useState<{ ipv4: string; ipv6: string } | null>(null);
  useEffect(() => {
    let alive = true;
    void netwhy.intel.dataInfo().then((d) => alive && setInfo(d));
    void netwhy.intel.bootstrapInfo().then((b) => alive && setBoot(b));
    return () => {
      alive = false;
    };
  }, []);
  const day = (iso: string): string => iso.slice(0, 10);
  return (
    <section className="host-sources" data-testid="host-sources">
      <h3>{t('sources.title')}</h3>
      <ul>
        {info && info.sources.length === 0 ? <li>{t('sources.none')}</li> : null}
        {info?.sources.map((s) => (
          <li key={s.path}>
            {t('sources.offline', { description: s.description })}
            {s.dataDate ? ` (${t('sources.dataDate', { date: s.dataDate })})` : ''}
          </li>
        ))}
        {info?.credits.map((c) => (
          <li key={`${c.name}${c.via}`} className="subtle">
            {c.attribution}
          </li>
        ))}
        <li>{t('sources.dns')}</li>
        {boot ? <li>{t('sources.rdap', { v4: day(boot.ipv4), v6: day(boot.ipv6) })}</li> : null}
      </ul>
    </section>
  );
}
