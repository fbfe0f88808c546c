import { Fragment, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportSummary } from '../../../../preload/contract/imports';
import { formatCount } from '../../components/format';
import { rangeParts } from './model';
import { RemoveConfirm } from './RemoveConfirm';
import { SkippedLines } from './SkippedLines';

export function importName(i: ImportSummary, t: (key: string, o?: Record<string, unknown>) => string): string {
  if (i.source === 'syslog') return t('list.syslogName', { port: i.fileName?.split('/').pop() ?? '' });
  if (i.source === 'paste') return t('list.pasteName');
  return i.fileName ?? '?';
}

/**
 * Which lines of its file an import holds, when not all: a file that grew since an earlier import was imported
 * as a continuation of it, holding only the new lines. Null for an import of a whole file.
 */
function continuationText(i: ImportSummary, t: (key: string, o?: Record<string, unknown>) => string): string | null {
  if (i.firstLine <= 1) return null;
  const to = i.firstLine + i.lines - 1;
  const lines =
    to > i.firstLine ? t('list.lineRange', { from: i.firstLine, to }) : t('list.lineOne', { from: i.firstLine });
  return i.continuesImport !== null
    ? t('list.continues', { lines, id: i.continuesImport })
    : t('list.continuesRemoved', { lines });
}

/** A zone name that may break after its slashes ("America/Argentina/Buenos_Aires" is wider than the column). */
function zoneText(zone: string | null): ReactNode {
  if (!zone) return '–';
  const parts = zone.split('/');
  return parts.map((p, n) => (
    <Fragment key={n}>
      {p}
      {n < parts.length - 1 ? (
        <>
          /<wbr />
        </>
      ) : null}
    </Fragment>
  ));
}

/**
 * Past imports: file, format, lines, events, skipped, time range with the zone it is shown in; a row opens its
 * skipped lines. The table fits a 1024 px window in English and Japanese: numbers, dates, badges and buttons keep
 * whole (nowrap), format and zone names may break at their hyphens and slashes, and the file column takes what is
 * left, its name wrapping onto at most two lines (the full name in its title). The zone sits under the range it
 * applies to rather than in a column of its own, which the window has no room for.
 *
 * The opened import's skipped lines show in a row right under its own (where the user clicked, not above the whole
 * list); closing them puts the focus back on the file name that opened them. Remove asks first, in a row under the
 * import (RemoveConfirm); cancelling puts the focus back on Remove, removing moves it to the next import's name.
 */
export function ImportList(props: {
  imports: ImportSummary[];
  opened: ImportSummary | null;
  onOpen: (i: ImportSummary) => void;
  onClose: () => void;
  onRemove: (i: ImportSummary) => void;
}): ReactNode {
  const { t, i18n } = useTranslation('imports');
  const lang = i18n.language;
  const links = useRef(new Map<number, HTMLButtonElement>());
  const close = (id: number): void => {
    props.onClose();
    // The row and its link stay, only the detail row below goes: the link can take the focus at once.
    links.current.get(id)?.focus();
  };
  const removes = useRef(new Map<number, HTMLButtonElement>());
  const [confirming, setConfirming] = useState<number | null>(null);
  const cancelRemove = (id: number): void => {
    setConfirming(null);
    removes.current.get(id)?.focus();
  };
  // Where the focus goes once a removed row has left the list: the name of the import that took its place.
  const focusAfterRemove = useRef<{ id: number; index: number } | null>(null);
  const confirmRemove = (i: ImportSummary, index: number): void => {
    setConfirming(null);
    focusAfterRemove.current = { id: i.id, index };
    props.onRemove(i);
  };
  useEffect(() => {
    const pending = focusAfterRemove.current;
    if (!pending || props.imports.some((i) => i.id === pending.id)) return;
    focusAfterRemove.current = null;
    const next = props.imports[Math.min(pending.index, props.imports.length - 1)];
    if (next) links.current.get(next.id)?.focus();
  }, [props.imports]);
  if (props.imports.length === 0) {
    return (
      <p className="empty" data-testid="imports-empty">
        {t('list.empty')}
      </p>
    );
  }
  return (
    <div className="table-wrap">
      <table className="grid imports-table" data-testid="imports-table">
        <thead>
          <tr>
            <th className="imports-file">{t('list.file')}</th>
            <th>{t('list.format')}</th>
            <th className="num">{t('list.lines')}</th>
            <th className="num">{t('list.parsed')}</th>
            <th className="num">{t('list.skipped')}</th>
            <th>{t('list.range')}</th>
            <th>{t('list.status')}</th>
            <th>
              <span className="imports-sr">{t('list.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {props.imports.map((i, index) => {
            const name = importName(i, t);
            const continuation = continuationText(i, t);
            const range = rangeParts(i, lang);
            const open = props.opened?.id === i.id;
            return (
              <Fragment key={i.id}>
                <tr data-testid={`import-row-${i.id}`}>
                  <td className="imports-file">
                    <button
                      className="link-button imports-name"
                      ref={(el) => {
                        if (el) links.current.set(i.id, el);
                        else links.current.delete(i.id);
                      }}
                      onClick={() => (open ? close(i.id) : props.onOpen(i))}
                      aria-label={t('list.open', { name })}
                      aria-expanded={open}
                      aria-controls={open ? `import-skipped-${i.id}` : undefined}
                      title={name}
                      data-testid={`import-open-${i.id}`}
                    >
                      {name}
                    </button>
                    {continuation ? (
                      <div className="subtle imports-note" data-testid={`import-continues-${i.id}`}>
                        {continuation}
                      </div>
                    ) : null}
                    {i.error ? (
                      <div className="subtle imports-note imports-error" data-testid={`import-error-${i.id}`}>
                        {i.errorCode ? t(`fileError.${i.errorCode}`, { name }) : i.error}
                      </div>
                    ) : null}
                  </td>
                  <td className="imports-format" data-testid="import-family">
                    {i.family ?? '–'}
                    {i.confidence !== null && i.family ? (
                      <div className="subtle" title={t('list.confidenceTitle')}>
                        {t('list.confidence', { value: Math.round(i.confidence * 100) })}
                      </div>
                    ) : null}
                  </td>
                  <td className="num" data-testid="import-lines">
                    {formatCount(i.lines, lang)}
                  </td>
                  <td className="num" data-testid="import-parsed">
                    {formatCount(i.parsed, lang)}
                  </td>
                  <td className="num" data-testid="import-unknown">
                    {formatCount(i.unknown, lang)}
                  </td>
                  <td className="num-date" data-testid="import-range">
                    {range ? (
                      <>
                        <div>{range[0]} –</div>
                        <div>{range[1]}</div>
                      </>
                    ) : (
                      <div>–</div>
                    )}
                    <div className="subtle imports-zone" title={t('list.zone')}>
                      {zoneText(i.zone)}
                    </div>
                  </td>
                  <td>
                    <span className={`badge imports-status imports-status-${i.status}`}>{t(`status.${i.status}`)}</span>
                  </td>
                  <td>
                    <button
                      className="button imports-remove"
                      ref={(el) => {
                        if (el) removes.current.set(i.id, el);
                        else removes.current.delete(i.id);
                      }}
                      onClick={() => setConfirming(i.id)}
                      aria-expanded={confirming === i.id}
                      aria-label={t('list.removeLabel', { name })}
                      disabled={i.status === 'running'}
                      data-testid={`import-remove-${i.id}`}
                    >
                      {t('list.remove')}
                    </button>
                  </td>
                </tr>
                {confirming === i.id ? (
                  <tr className="imports-detail">
                    <td colSpan={8}>
                      <RemoveConfirm
                        item={i}
                        name={name}
                        onConfirm={() => confirmRemove(i, index)}
                        onCancel={() => cancelRemove(i.id)}
                      />
                    </td>
                  </tr>
                ) : null}
                {open ? (
                  <tr className="imports-detail">
                    <td colSpan={8}>
                      <SkippedLines item={i} name={name} onClose={() => close(i.id)} />
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
