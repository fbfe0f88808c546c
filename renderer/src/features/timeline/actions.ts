import type { TFunction } from 'i18next';

/** The actions a log line can state (main/core/model/event.ts); any other stored value is shown as it is. */
const KNOWN = new Set(['allow', 'deny', 'drop', 'reject', 'unknown']);

/**
 * An event's action in the UI language ("drop" → "dropped" / 破棄), the words the log parsers read in Japanese logs
 * (main/core/parsers/judge.ts: 許可 allow, 遮断 deny, 破棄 drop, 拒否 reject). Stored values stay English: they are
 * the filter's values.
 */
export function actionLabel(t: TFunction<'timeline'>, action: string): string {
  return KNOWN.has(action) ? t(`actions.${action as 'allow'}`) : action;
}
