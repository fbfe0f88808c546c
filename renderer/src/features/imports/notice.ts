import type { TFunction } from 'i18next';
import type { ImportFinishedEvent } from '../../../../preload/contract/imports';
import { formatCount } from '../../components/format';

/** 'info': the import worked but found nothing to show (a calm note, not a green success or an error). */
export interface Notice {
  kind: 'ok' | 'info' | 'warning' | 'error';
  text: string;
}

/** What the screen says when an import ends, with numbers in the UI's locale and plural forms. */
export function finishedNotice(t: TFunction, language: string, e: ImportFinishedEvent, name: string): Notice {
  const n = (count: number, key: string): string => t(key, { count, n: formatCount(count, language) });
  const s = e.summary;
  if (e.outcome === 'done' && s) {
    if (s.parsed > 0) {
      const text = t('finished.done', {
        name,
        events: n(s.parsed, 'finished.events'),
        lines: n(s.lines, 'finished.lines'),
      });
      // Sentences of their own: each takes its own plural form (EN 'were' / 'was'); Japanese has none.
      const extra = s.unknown > 0 ? n(s.unknown, 'finished.notUnderstood') : '';
      return { kind: 'ok', text: extra ? t('finished.twoSentences', { first: text, second: extra }) : text };
    }
    // Read, but no connection in it (masked addresses, only DHCP or Wi-Fi messages): say so calmly, and where to look.
    return s.unknown > 0
      ? { kind: 'info', text: t('finished.nothing', { name, skipped: n(s.unknown, 'finished.skipped') }) }
      : { kind: 'info', text: t('finished.nothingIgnored', { name, lines: n(s.lines, 'finished.lines') }) };
  }
  if (e.outcome === 'already-imported')
    return { kind: 'warning', text: t('finished.already', { name, id: e.importId }) };
  if (e.outcome === 'cancelled')
    return {
      kind: 'warning',
      text: t(e.importId === null ? 'finished.cancelledEarly' : 'finished.cancelled', { name }),
    };
  // A known kind of failure in the user's language; anything else as main reported it.
  const message = e.errorCode ? t(`fileError.${e.errorCode}`, { name }) : (e.message ?? '');
  return { kind: 'error', text: t('finished.failed', { message }) };
}
