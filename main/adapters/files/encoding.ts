import iconv from 'iconv-lite';

/** Encodings a router or Windows log arrives in (issue 3). */
export const LOG_ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'shift_jis', 'euc-jp'] as const;
export type LogEncoding = (typeof LOG_ENCODINGS)[number];

export type EncodingGuess = { kind: 'text'; encoding: LogEncoding; bom: number } | { kind: 'binary'; offset: number };

/**
 * Guesses the encoding of a file from its first bytes: a BOM first; then the NUL pattern of UTF-16 without BOM
 * (ASCII text has a zero byte in every other position); then whether the bytes are valid UTF-8; then which of
 * Shift_JIS (Windows/CP932 exports) and EUC-JP (older Japanese routers' web UIs) reads them without errors.
 * NULs or control bytes in any other pattern mean binary.
 */
export function sniffEncoding(head: Uint8Array): EncodingGuess {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { kind: 'text', encoding: 'utf-8', bom: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { kind: 'text', encoding: 'utf-16le', bom: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { kind: 'text', encoding: 'utf-16be', bom: 2 };
  const n = Math.min(head.length, 8192) & ~1;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) zeroEven++;
    if (head[i + 1] === 0) zeroOdd++;
  }
  const pairs = n / 2;
  if (pairs >= 2) {
    if (zeroOdd > pairs * 0.3 && zeroEven < pairs * 0.05) return { kind: 'text', encoding: 'utf-16le', bom: 0 };
    if (zeroEven > pairs * 0.3 && zeroOdd < pairs * 0.05) return { kind: 'text', encoding: 'utf-16be', bom: 0 };
  }
  const controlAt = firstBinaryByte(head);
  if (controlAt >= 0) return { kind: 'binary', offset: controlAt };
  if (isUtf8(head)) return { kind: 'text', encoding: 'utf-8', bom: 0 };
  const sjis = shiftJisScore(head);
  const euc = eucJpScore(head);
  if (euc.errors === 0 && (sjis.errors > 0 || sjis.halfwidth > sjis.double)) {
    return { kind: 'text', encoding: 'euc-jp', bom: 0 };
  }
  if (sjis.errors === 0) return { kind: 'text', encoding: 'shift_jis', bom: 0 };
  if (euc.errors < sjis.errors) return { kind: 'text', encoding: 'euc-jp', bom: 0 };
  // Not clean in any: read as UTF-8 and let the bad bytes become U+FFFD on their lines.
  return { kind: 'text', encoding: 'utf-8', bom: 0 };
}

/** Offset of the first NUL or the start of a run of control bytes text never has; -1 when none. */
function firstBinaryByte(head: Uint8Array): number {
  let controls = 0;
  for (let i = 0; i < head.length; i++) {
    const b = head[i] as number;
    if (b === 0) return i;
    // Tab, LF, VT, FF, CR and ESC (ANSI colours in captured terminal output) are text.
    if (b < 0x20 && b !== 9 && b !== 10 && b !== 11 && b !== 12 && b !== 13 && b !== 27) {
      controls++;
      if (controls > 8 && controls > head.length / 100) return i;
    }
  }
  return -1;
}

/** Valid UTF-8, tolerating a sequence cut at the end of the sample. */
function isUtf8(head: Uint8Array): boolean {
  let i = 0;
  while (i < head.length) {
    const b = head[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (len === 0) return false;
    for (let k = 1; k < len; k++) {
      if (i + k >= head.length) return true;
      const c = head[i + k] as number;
      if ((c & 0xc0) !== 0x80) return false;
    }
    i += len;
  }
  return true;
}

// Shift_JIS / CP932: lead 0x81-0x9F or 0xE0-0xFC, trail 0x40-0x7E or 0x80-0xFC; 0xA1-0xDF half-width katakana.
function shiftJisScore(head: Uint8Array): { errors: number; double: number; halfwidth: number } {
  let errors = 0;
  let double = 0;
  let halfwidth = 0;
  for (let i = 0; i < head.length; i++) {
    const b = head[i] as number;
    if (b < 0x80) continue;
    if (b >= 0xa1 && b <= 0xdf) {
      halfwidth++;
      continue;
    }
    if ((b >= 0x81 && b <= 0x9f) || (b >= 0xe0 && b <= 0xfc)) {
      if (i + 1 >= head.length) break;
      const t = head[i + 1] as number;
      if ((t >= 0x40 && t <= 0x7e) || (t >= 0x80 && t <= 0xfc)) {
        double++;
        i++;
        continue;
      }
    }
    errors++;
  }
  return { errors, double, halfwidth };
}

// EUC-JP: two bytes 0xA1-0xFE; SS2 0x8E + 0xA1-0xDF (half-width kana); SS3 0x8F + two bytes 0xA1-0xFE.
function eucJpScore(head: Uint8Array): { errors: number } {
  let errors = 0;
  for (let i = 0; i < head.length; i++) {
    const b = head[i] as number;
    if (b < 0x80) continue;
    const need = b === 0x8f ? 2 : 1;
    if (i + need >= head.length) break;
    const ok =
      b === 0x8e
        ? (head[i + 1] as number) >= 0xa1 && (head[i + 1] as number) <= 0xdf
        : (b >= 0xa1 && b <= 0xfe) || b === 0x8f
          ? [1, need].every((k) => (head[i + k] as number) >= 0xa1 && (head[i + k] as number) <= 0xfe)
          : false;
    if (ok) i += need;
    else errors++;
  }
  return { errors };
}

/** A streaming decoder: feed raw chunks, get text; multi-byte characters split across chunks are kept whole. */
export interface TextChunkDecoder {
  write(chunk: Uint8Array): string;
  end(): string;
}

export function createDecoder(encoding: LogEncoding): TextChunkDecoder {
  if (encoding === 'utf-8' || encoding === 'utf-16le' || encoding === 'utf-16be') {
    // The WHATWG decoder removes the BOM itself and is the fastest path for UTF-8.
    const d = new TextDecoder(encoding);
    return { write: (c) => d.decode(c, { stream: true }), end: () => d.decode() };
  }
  const d = iconv.getDecoder(encoding === 'shift_jis' ? 'cp932' : 'euc-jp');
  return { write: (c) => d.write(Buffer.from(c.buffer, c.byteOffset, c.byteLength)), end: () => d.end() ?? '' };
}
