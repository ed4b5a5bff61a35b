import { getCatalog } from '../catalog/catalog.js';
import { NEAR_WORDS } from './near-words-data.js';

/** One spelling of a classification level or control marking, as the matcher compares it. */
export interface Term {
  family: 'classification' | 'control';
  /** The catalog code, e.g. `S`, `NOFORN`. */
  code: string;
  /** The spelling as the catalog writes it, e.g. `NO FOREIGN DISSEM`. */
  spelling: string;
  /** The spelling's letters, upper case, without spaces or punctuation: `NOFOREIGNDISSEM`. */
  letters: string;
  /** How many words the spelling has (runs of letters and digits: `U.S. OFFICIALS ONLY` has four). */
  words: number;
  /** The letters of each word, upper case. */
  wordLetters: readonly string[];
  /** `after-level`: a marking only right after a classification level on its line. */
  position?: 'after-level';
  /**
   * How far an OCR reading may stray from the spelling in a banner-like place, in half edits
   * (see `ocrDistance`): the sum over its words of {@link budgetFor} (none for words under five
   * letters, one edit up to eight, then one more for every ten letters), so `TOP SECRET` may
   * stray as far as `SECRET` (one edit, not two) and a line of short words reads exactly.
   */
  budget: number;
  /** English words close to the spelling's letters, which an OCR reading must not match as well. */
  nearWords: readonly string[];
}

/** The largest number of tokens a reading may span (a letter-spaced `C-O-N-F-I-D-E-N-T-I-A-L`). */
export const MAX_WINDOW_TOKENS = 24;

/** Letters only, upper case: how the matcher compares spellings. */
export function lettersOf(s: string): string {
  return s.toUpperCase().replace(/[^A-Z]/g, '');
}

/** The budget of a word of `n` letters, in half edits: none under five letters, one edit up to eight, then one more for every ten letters. */
export function budgetFor(n: number): number {
  if (n < 5) return 0;
  if (n <= 8) return 2;
  return 2 * Math.max(2, Math.floor(n / 10) + 1);
}

let cached: readonly Term[] | undefined;

/**
 * The marking vocabulary: every spelling of every classification and control code in the
 * catalog (`rules/catalog/*.yaml`). Built once, on first use.
 */
export function getVocabulary(): readonly Term[] {
  if (cached) return cached;
  const catalog = getCatalog();
  const terms: Term[] = [];
  for (const family of ['classification', 'control'] as const) {
    for (const [code, entry] of catalog.codes(family)) {
      for (const spelling of entry.spellings ?? []) {
        const letters = lettersOf(spelling);
        // Words as the matcher's tokens cut them: runs of letters ("U.S. OFFICIALS ONLY" has four).
        const words = spelling.match(/[A-Za-z0-9]+/g)?.map(lettersOf).filter((w) => w !== '') ?? [];
        if (letters.length === 0) continue;
        const near = new Set<string>(NEAR_WORDS[letters] ?? []);
        for (const word of spelling.split(/[\s/-]+/)) for (const w of NEAR_WORDS[lettersOf(word)] ?? []) near.add(w);
        terms.push({
          family,
          code,
          spelling,
          letters,
          words: words.length,
          wordLetters: words,
          ...(entry.position ? { position: entry.position } : {}),
          // Short words have no budget of their own, but a spelling of several of them ("EYES
          // ONLY", eight letters) may still have one letter misread ("EVES ONLY"): one edit in all.
          budget: Math.max(words.reduce((sum, w) => sum + budgetFor(w.length), 0), words.length > 1 && letters.length >= 6 ? 2 : 0),
          nearWords: [...near],
        });
      }
    }
  }
  cached = terms;
  return terms;
}
