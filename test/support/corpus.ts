import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseGold, type GoldDocument } from '../../src/accuracy/gold.js';

/** The shared development corpora, beside the repository. */
export const CORPUS_ROOT = join(__dirname, '..', '..', '..', 'shared', 'corpus');

export interface CorpusSet {
  name: string;
  dir: string;
  documents: GoldDocument[];
  text(file: string): string;
}

/** Loads a gold-annotated set, or `undefined` when `../shared` is not there. */
export function loadCorpusSet(name: string): CorpusSet | undefined {
  const dir = join(CORPUS_ROOT, name);
  const goldPath = join(dir, 'gold.jsonl');
  if (!existsSync(goldPath)) return undefined;
  const { documents, issues } = parseGold(readFileSync(goldPath, 'utf8'));
  if (issues.length > 0) throw new Error(`${goldPath}: ${issues.map((i) => `line ${i.line}: ${i.message}`).join('; ')}`);
  return { name, dir, documents, text: (file) => readFileSync(join(dir, file), 'utf8') };
}
