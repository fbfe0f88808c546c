/** What a number field's text means: a whole number inside the allowed range, or why it is not one. */
export type NumberCheck = { ok: true; value: number } | { ok: false; reason: 'empty' | 'notWhole' | 'range' };

/**
 * Checked when the user leaves the field or presses Enter, never while typing: "30" passes through "3", which a
 * field that accepted only valid values would reject (and then append the "0" to the old value).
 */
export function checkNumber(text: string, min: number, max: number): NumberCheck {
  const s = text.trim();
  if (s === '') return { ok: false, reason: 'empty' };
  if (!/^[+-]?\d+$/.test(s)) return { ok: false, reason: 'notWhole' };
  const value = Number(s);
  if (value < min || value > max) return { ok: false, reason: 'range' };
  return { ok: true, value };
}
