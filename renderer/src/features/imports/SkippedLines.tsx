import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportSummary, SkippedLine } from '../../../../preload/contract/imports';
import { isTechnicalReason, skipReasonKind } from '../../../../main/core/model/skip-reasons';
import { netwhy } from '../../api';

const PAGE = 500;

/**
 * The lines of one import that NetWhy could not read, with their line numbers and why: the kind of reason in the
 * user's language (main/core/model/skip-reasons.ts), the parser's stored words small beneath it. It opens scrolled into view
 * with the focus on its heading, so a keyboard or screen-reader user lands in it; Escape closes it like Close.
 */
export function SkippedLines(props: { item: ImportSummary; name: string; onClose: () => void }): ReactNode {
  const { t } = useTranslation('imports');
  const section = useRef<HTMLElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const [lines, setLines] = useState<SkippedLine[] | null>(null);
  const [total, setTotal] = useState(0);
  const id = props.item.id;

  useEffect(() => {
    let alive = true;
    void netwhy.imports.skipped({ importId: id, offset: 0, limit: PAGE }).then((r) => {
      if (!alive) return;
      setLines(r.lines);
      setTotal(r.total);
    });
    return () => {
      alive = false;
    };
  }, [id]);

  useEffect(() => {
    heading.current?.focus({ preventScroll: true });
  }, [id]);
  // Scrolled into view once the lines are in, when the panel has its full height (while loading it is one line).
  const loaded = lines !== null;
  useEffect(() => {
    section.current?.scrollIntoView({ block: 'nearest' });
  }, [id, loaded]);

  const onKeyDown = (e: KeyboardEvent): void => {
    if (e.key !== 'Escape') return;
    e.stopPropagation();
    props.onClose();
  };

  const more = (): void => {
    void netwhy.imports
      .skipped({ importId: id, offset: lines?.length ?? 0, limit: PAGE })
      .then((r) => setLines((prev) => [...(prev ?? []), ...r.lines]));
  };

  return (
    <section
      ref={section}
      id={`import-skipped-${id}`}
      className="imports-skipped"
      data-testid="import-skipped"
      aria-labelledby={`import-skipped-title-${id}`}
      onKeyDown={onKeyDown}
    >
      <div className="imports-progress-head">
        <h2 id={`import-skipped-title-${id}`} ref={heading} tabIndex={-1} data-testid="import-skipped-title">
          {t('skipped.title', { name: props.name })}
        </h2>
        <button className="button" onClick={props.onClose} data-testid="import-skipped-close">
          {t('skipped.close')}
        </button>
      </div>
      {lines === null ? (
        <p className="subtle">{t('common:app.loading')}</p>
      ) : lines.length === 0 ? (
        <p className="subtle">{t('skipped.none')}</p>
      ) : (
        <>
          <p className="subtle">{t('skipped.shown', { shown: lines.length, total })}</p>
          <div className="table-wrap imports-skipped-table">
            <table className="grid">
              <thead>
                <tr>
                  <th className="num">{t('skipped.line')}</th>
                  <th className="imports-reason">{t('skipped.reason')}</th>
                  <th className="imports-raw">{t('skipped.text')}</th>
                </tr>
              </thead>
              <tbody>
                {lines.map((l) => (
                  <tr key={l.line} data-testid="skipped-line">
                    <td className="num mono">{l.line}</td>
                    <td className="imports-reason">
                      <div data-testid="skipped-reason">{t(`reason.${skipReasonKind(l.reason)}`)}</div>
                      {isTechnicalReason(l.reason) ? (
                        // The parser's own words, for experts and bug reports; English, as stored.
                        <div
                          className="subtle imports-note"
                          lang="en"
                          title={t('reason.detail')}
                          data-testid="skipped-reason-detail"
                        >
                          {l.reason}
                        </div>
                      ) : null}
                    </td>
                    <td className="mono imports-raw">{l.raw}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {lines.length < total ? (
            <button className="button" onClick={more}>
              {t('skipped.more')}
            </button>
          ) : null}
        </>
      )}
    </section>
  );
}
