import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportSummary } from '../../../../preload/contract/imports';
import { formatCount, formatRange } from './model';

export function importName(i: ImportSummary, t: (key: string, o?: Record<string, unknown>) => string): string {
  if (i.source === 'syslog') return t('list.syslogName', { port: i.fileName?.split('/').pop() ?? '' });
  if (i.source === 'paste') return t('list.pasteName');
  return i.fileName ?? '?';
}

/**
 * Which lines of its file an import holds, when not all: a file that grew since an earlier import was imported
 * as a continuation of it, holding only the new lines. Null for an import of a whole file.
 */
export function continuationText(
  i: ImportSummary,
  t: (key: string, o?: Record<string, unknown>) => string,
): string | null {
  if (i.firstLine <= 1) return null;
  const to = i.firstLine + i.lines - 1;
  const lines =
    to > i.firstLine ? t('list.lineRange', { from: i.firstLine, to }) : t('list.lineOne', { from: i.firstLine });
  return i.continuesImport !== null
    ? t('list.continues', { lines, id: i.continuesImport })
    : t('list.continuesRemoved', { lines });
}

/** Past imports: file, format, lines, events, skipped, time range, zone; a row opens its skipped lines. */
export function ImportList(props: {
  imports: ImportSummary[];
  onOpen: (i: ImportSummary) => void;
  onRemove: (i: ImportSummary) => void;
}): ReactNode {
  const { t, i18n } = useTranslation('imports');
  const lang = i18n.language;
  if (props.imports.length === 0) {
    return (
      <p className="empty" data-testid="imports-empty">
        {t('list.empty')}
      </p>
    );
  }
  return (
    <div className="table-wrap">
      <table className="imports-table" data-testid="imports-table">
        <thead>
          <tr>
            <th>{t('list.file')}</th>
            <th>{t('list.format')}</th>
            <th className="num">{t('list.lines')}</th>
            <th className="num">{t('list.parsed')}</th>
            <th className="num">{t('list.skipped')}</th>
            <th>{t('list.range')}</th>
            <th>{t('list.zone')}</th>
            <th>{t('list.status')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {props.imports.map((i) => {
            const name = importName(i, t);
            const continuation = continuationText(i, t);
            return (
              <tr key={i.id} data-testid={`import-row-${i.id}`}>
                <td>
                  <button
                    className="link-button"
                    onClick={() => props.onOpen(i)}
                    aria-label={t('list.open', { name })}
                    data-testid={`import-open-${i.id}`}
                  >
                    {name}
                  </button>
                  {continuation ? (
                    <div className="subtle" data-testid={`import-continues-${i.id}`}>
                      {continuation}
                    </div>
                  ) : null}
                  {i.error ? (
                    <div className="subtle imports-error" data-testid={`import-error-${i.id}`}>
                      {i.errorCode ? t(`fileError.${i.errorCode}`, { name }) : i.error}
                    </div>
                  ) : null}
                </td>
                <td>
                  {i.family ?? '–'}
                  {i.confidence !== null && i.family ? (
                    <span className="subtle"> {Math.round(i.confidence * 100)} %</span>
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
                <td className="nowrap">{formatRange(i, lang)}</td>
                <td>{i.zone ?? '–'}</td>
                <td>
                  <span className={`badge imports-status-${i.status}`}>{t(`status.${i.status}`)}</span>
                </td>
                <td>
                  <button
                    className="button"
                    onClick={() => props.onRemove(i)}
                    aria-label={t('list.removeLabel', { name })}
                    disabled={i.status === 'running'}
                  >
                    {t('list.remove')}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
