import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseGold, type GoldDocument } from '../../src/accuracy/gold.js';

/** The gold-annotated corpora the project owns (dev, dev-extra, blind), copied into the repository. */
export const CORPUS_ROOT = join(__dirname, '..', 'fixtures', 'corpus');

/**
 * The 122 MB benchmark corpus, read from `../shared/corpus/bench` beside the repository when it is
 * there; tests that need it skip (and say so) on a lone clone.
 */
export const BENCH_ROOT = join(__dirname, '..', '..', '..', 'shared', 'corpus', 'bench');

export interface CorpusSet {
  name: string;
  dir: string;
  documents: GoldDocument[];
  text(file: string): string;
}

/** Loads a gold-annotated set from the repository's fixtures, or `undefined` when it has no gold file. */
export function loadCorpusSet(name: string): CorpusSet | undefined {
  const dir = join(CORPUS_ROOT, name);
  const goldPath = join(dir, 'gold.jsonl');
  if (!existsSync(goldPath)) return undefined;
  const { documents, issues } = parseGold(readFileSync(goldPath, 'utf8'));
  if (issues.length > 0) throw new Error(`${goldPath}: ${issues.map((i) => `line ${i.line}: ${i.message}`).join('; ')}`);
  return { name, dir, documents, text: (file) => readFileSync(join(dir, file), 'utf8') };
}
