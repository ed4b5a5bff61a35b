import type { OcrCorrection } from '../core/vocabulary.js';

/** Characters OCR reads for the digit 1 (letter l, capital I, bar, exclamation mark, small i). */
const AS_ONE = new Set(['l', 'I', '|', '!', 'i']);
/** Characters OCR reads for the digit 0. */
const AS_ZERO = new Set(['O', 'o', 'Q', 'D']);
/** Letters OCR reads for other digits. */
const AS_DIGIT: Record<string, string> = { S: '5', Z: '2', G: '6' };

/**
 * Reads a run of characters that should be digits, undoing the usual OCR confusions
 * (`l`→`1`, `O`→`0`, `S`→`5` …). Returns the digits and the corrections made, or `undefined`
 * when a character cannot be a digit.
 */
export function readDigits(raw: string): { digits: string; ocr: OcrCorrection[] } | undefined {
  let digits = '';
  for (const ch of raw) {
    if (ch >= '0' && ch <= '9') digits += ch;
    else if (AS_ONE.has(ch)) digits += '1';
    else if (AS_ZERO.has(ch)) digits += '0';
    else if (AS_DIGIT[ch]) digits += AS_DIGIT[ch];
    else return undefined;
  }
  const ocr: OcrCorrection[] = digits === raw ? [] : [{ from: raw, to: digits, kind: 'letter-confusion' }];
  return { digits, ocr };
}

/** Levenshtein distance, bounded: returns `max + 1` as soon as the distance must exceed `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length] as number;
}
