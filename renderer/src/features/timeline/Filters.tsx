import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SourceId, TimelineFilters, TimelineOptions } from '../../../../preload/contract/timeline';
import { VERDICT_IDS } from '../../../../main/core/model/verdict';
import { LANES } from '../../../../main/core/verdicts/lane';
import { parsePort } from './port-filter';
import { actionLabel } from './actions';

/** Single-choice menus (the common question is "show me only X"); an empty choice means all. */
export function Filters(props: {
  filters: TimelineFilters;
  options: TimelineOptions | null;
  onChange(next: TimelineFilters): void;
}): ReactNode {
  const { t } = useTranslation('timeline');
  const f = props.filters;
  const [text, setText] = useState(f.text ?? '');
  const [port, setPort] = useState(f.port === null || f.port === undefined ? '' : String(f.port));
  const [portBad, setPortBad] = useState(false);

  // Typing should not query the database on every key press.
  useEffect(() => {
    const id = setTimeout(() => {
      const trimmed = text.trim();
      if (trimmed !== (f.text ?? '')) props.onChange({ ...f, text: trimmed || undefined });
    }, 300);
    return () => clearTimeout(id);
  });

  const set = (patch: Partial<TimelineFilters>): void => {
    const next = { ...f, ...patch };
    for (const k of Object.keys(next) as (keyof TimelineFilters)[]) {
      const v = next[k];
      if (v === undefined || v === null || (Array.isArray(v) && v.length === 0)) delete next[k];
    }
    props.onChange(next);
  };
  const one = (v: string): string[] | undefined => (v ? [v] : undefined);
  const sourceValue = f.sources?.[0];
  const sourceLabel = (s: TimelineOptions['sources'][number]): string =>
    s.id === 'live'
      ? t('filters.liveSource')
      : s.kind === 'syslog'
        ? t('filters.syslogSource', { id: s.id })
        : t('filters.importSource', { name: s.name ?? s.kind, id: s.id });

  const select = (
    id: string,
    label: string,
    value: string,
    choices: { value: string; label: string }[],
    onPick: (v: string) => void,
  ): ReactNode => (
    <label className="timeline-filter">
      <span>{label}</span>
      <select value={value} onChange={(e) => onPick(e.target.value)} data-testid={`timeline-filter-${id}`}>
        <option value="">{t('filters.all')}</option>
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <fieldset className="timeline-filters" data-testid="timeline-filters">
      <legend className="visually-hidden">{t('filters.label')}</legend>
      {select(
        'owner',
        t('filters.owner'),
        f.owners?.[0] ?? '',
        LANES.map((l) => ({ value: l, label: t(`owner.${l}`) })),
        (v) => set({ owners: one(v) }),
      )}
      {select(
        'verdict',
        t('filters.verdict'),
        f.verdicts?.[0] ?? '',
        VERDICT_IDS.map((v) => ({ value: v, label: t(`hosts:verdict.${v}`) })),
        (v) => set({ verdicts: one(v) }),
      )}
      {select(
        'protocol',
        t('filters.protocol'),
        f.protos?.[0] ?? '',
        (props.options?.protos ?? []).map((p) => ({ value: p, label: p.toUpperCase() })),
        (v) => set({ protos: one(v) }),
      )}
      <label className="timeline-filter timeline-filter-port">
        <span>{t('filters.port')}</span>
        <input
          type="text"
          inputMode="numeric"
          placeholder={t('filters.portPlaceholder')}
          value={port}
          aria-invalid={portBad}
          aria-describedby={portBad ? 'timeline-port-error' : undefined}
          onChange={(e) => setPort(e.target.value)}
          onBlur={() => {
            const parsed = parsePort(port);
            setPortBad(!parsed.ok);
            // A bad value is not applied, and the screen says so (below) instead of quietly showing everything.
            set({ port: parsed.ok ? parsed.port : undefined });
          }}
          onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
          data-testid="timeline-filter-port"
        />
      </label>
      {select(
        'action',
        t('filters.action'),
        f.actions?.[0] ?? '',
        (props.options?.actions ?? []).map((a) => ({ value: a, label: actionLabel(t, a) })),
        (v) => set({ actions: one(v) }),
      )}
      {select(
        'source',
        t('filters.source'),
        sourceValue === undefined ? '' : String(sourceValue),
        (props.options?.sources ?? []).map((s) => ({ value: String(s.id), label: sourceLabel(s) })),
        (v) => set({ sources: v ? [(v === 'live' ? 'live' : Number(v)) as SourceId] : undefined }),
      )}
      <label className="timeline-filter timeline-filter-text">
        <span>{t('filters.text')}</span>
        <input
          type="search"
          placeholder={t('filters.textPlaceholder')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          data-testid="timeline-filter-text"
        />
      </label>
      {Object.keys(f).length > 0 || portBad ? (
        <button
          type="button"
          className="button"
          onClick={() => {
            setText('');
            setPort('');
            setPortBad(false);
            props.onChange({});
          }}
          data-testid="timeline-filter-clear"
        >
          {t('filters.clear')}
        </button>
      ) : null}
      {portBad ? (
        <p id="timeline-port-error" className="timeline-filter-error" role="alert" data-testid="timeline-port-error">
          {t('filters.portInvalid', { value: port.trim() })}
        </p>
      ) : null}
    </fieldset>
  );
}
