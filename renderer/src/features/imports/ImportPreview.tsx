import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Detection, FamilyInfo } from '../../../../preload/contract/imports';
import { useSettings } from '../../components/settings-context';
import { formatCount } from '../../components/format';
import { formatBytes, systemZoneName, zoneNames } from './model';
import { zoneGroups } from './zones';

export interface ImportChoice {
  format?: string;
  tz?: string;
  year?: number;
}

/** What was detected in a dropped/picked/pasted log, with the format, zone and year the user may change. */
export function ImportPreview(props: {
  detection: Detection;
  formats: FamilyInfo[];
  /** Resolves once main has the job (or refused it); the buttons stay disabled until then. */
  onStart: (choice: ImportChoice) => Promise<void>;
  onDiscard: () => void;
}): ReactNode {
  const { t, i18n } = useTranslation('imports');
  const { settings } = useSettings();
  const d = props.detection;
  // Continuing an unfinished import reads the file as that import did: its choices are shown, and cannot be changed.
  const resume = d.resume;
  const [format, setFormat] = useState('');
  const [zone, setZone] = useState(settings.importZone);
  const [year, setYear] = useState('');
  // Set on the first press: a double-click (or an impatient second click) must not start the same import twice.
  // The ref answers a second click that arrives before React has re-rendered the disabled button.
  const [starting, setStarting] = useState(false);
  const startingRef = useRef(false);
  const zones = useMemo(() => zoneGroups(systemZoneName(), zoneNames()), []);
  // A new preview takes the focus, so keyboard and screen-reader users land on what just appeared.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const thisYear = new Date().getFullYear();
  const detectedName = props.formats.find((f) => f.id === d.family)?.name ?? d.family;
  const canStart = resume !== null || d.family !== null || format !== '';
  // The import takes years from 1970 on (as its ipc checks); anything else says why Import is disabled.
  const yearValid = resume !== null || year === '' || (/^\d{4}$/.test(year) && Number(year) >= 1970);
  const shown = resume
    ? { format: resume.format ?? '', zone: resume.zone ?? '', year: resume.year === null ? '' : String(resume.year) }
    : { format, zone, year };

  const start = (): void => {
    if (startingRef.current) return;
    startingRef.current = true;
    setStarting(true);
    const choice: ImportChoice = {};
    // A resume reads with its stored options, so nothing picked here is sent.
    if (!resume) {
      if (format) choice.format = format;
      if (zone) choice.tz = zone;
      if (year) choice.year = Number(year);
    }
    // On success the preview goes away; if main refused, the user may try again.
    props.onStart(choice).catch(() => {
      startingRef.current = false;
      setStarting(false);
    });
  };

  return (
    <section className="imports-preview" data-testid="import-preview" aria-labelledby="import-preview-title">
      <h2 id="import-preview-title" ref={heading} tabIndex={-1}>
        {t('preview.title', { name: d.name })}
      </h2>
      <dl className="facts">
        <dt>{t('preview.detected')}</dt>
        <dd data-testid="import-detected">
          {d.family ? (
            <>
              <strong>{detectedName}</strong>{' '}
              <span className="badge" data-testid="import-confidence">
                {t('preview.confidence', { value: Math.round(d.confidence * 100) })}
              </span>
            </>
          ) : (
            <span className="banner banner-warning" data-testid="import-file-error">
              {d.errorCode ? t(`fileError.${d.errorCode}`, { name: d.name }) : (d.error ?? t('preview.noFormat'))}
            </span>
          )}
        </dd>
        <dt>{t('preview.encoding')}</dt>
        <dd>
          {d.encoding ?? '–'}
          {d.compressed ? ` · ${t('preview.gzip')}` : ''} · {formatBytes(d.size)}
        </dd>
      </dl>
      {resume ? (
        <p className="banner banner-info" data-testid="import-resume">
          {t('finished.twoSentences', {
            first: t(`preview.resume.${resume.status}`, {
              id: resume.importId,
              line: formatCount(resume.afterLine + 1, i18n.language),
            }),
            second: t('preview.resume.asBefore', {
              format: props.formats.find((f) => f.id === resume.format)?.name ?? resume.format ?? '–',
              zone: resume.zone ?? '–',
              year: resume.year ?? '–',
            }),
          })}
        </p>
      ) : null}
      <div className="imports-options">
        <label className="field">
          <span>{t('preview.format')}</span>
          <select
            value={shown.format}
            disabled={resume !== null}
            onChange={(e) => setFormat(e.target.value)}
            data-testid="import-format"
          >
            <option value="">{d.family ? t('preview.auto', { name: detectedName }) : t('preview.noFormat')}</option>
            {props.formats.map((f) => (
              <option key={f.id} value={f.id}>
                {f.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('preview.zone')}</span>
          <select
            value={shown.zone}
            disabled={resume !== null}
            onChange={(e) => setZone(e.target.value)}
            data-testid="import-zone"
          >
            <option value="">{t('preview.zoneDefault', { zone: systemZoneName() })}</option>
            <optgroup label={t('preview.zonesCommon')}>
              {zones.common.map((z) => (
                <option key={z} value={z}>
                  {z}
                </option>
              ))}
            </optgroup>
            <optgroup label={t('preview.zonesAll')}>
              {zones.rest.map((z) => (
                <option key={z} value={z}>
                  {z}
                </option>
              ))}
            </optgroup>
          </select>
        </label>
        <label className="field">
          <span>{t('preview.year')}</span>
          <input
            inputMode="numeric"
            value={shown.year}
            disabled={resume !== null}
            placeholder={t('preview.yearPlaceholder', { year: thisYear, lastYear: thisYear - 1 })}
            aria-invalid={!yearValid}
            aria-describedby={yearValid ? undefined : 'import-year-hint'}
            onChange={(e) => setYear(e.target.value.trim())}
            data-testid="import-year"
          />
          {yearValid ? null : (
            <span id="import-year-hint" className="imports-year-hint" data-testid="import-year-hint">
              {t('preview.yearInvalid', { year: thisYear })}
            </span>
          )}
        </label>
      </div>
      {d.sample.length ? (
        <details>
          <summary>{t('preview.sample')}</summary>
          <pre className="imports-sample mono">{d.sample.join('\n')}</pre>
        </details>
      ) : null}
      <div className="toolbar">
        <button
          className="button button-primary"
          disabled={!canStart || !yearValid || starting}
          onClick={start}
          data-testid="import-start"
        >
          {t(resume ? 'preview.continue' : 'preview.start')}
        </button>
        <button className="button" disabled={starting} onClick={props.onDiscard} data-testid="import-discard">
          {t('preview.discard')}
        </button>
      </div>
    </section>
  );
}
