import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { scan } from '../../src/scan.js';
import { CORPUS_ROOT } from '../support/corpus.js';

/**
 * The scanner's results on a fixed sample of real text, pinned: every development document and
 * every 50th document of the benchmark corpus, plus its largest one (1.27 MB, so long texts are
 * covered too). Speed work on the scanner must not change a single record, page or date; a
 * changed line names the document and record that moved. Update only for a deliberate change
 * of results: `npx vitest run -u test/scan/scan-snapshot.test.ts`.
 */
function sample(): Array<{ name: string; text: string }> {
  const docs: Array<{ name: string; text: string }> = [];
  for (const set of ['dev', 'dev-extra']) {
    const dir = join(CORPUS_ROOT, set);
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt')).sort()) docs.push({ name: `${set}/${f}`, text: readFileSync(join(dir, f), 'utf8') });
  }
  const bench = join(CORPUS_ROOT, 'bench');
  if (existsSync(bench)) {
    for (const f of readdirSync(bench).filter((x) => x.endsWith('.txt.gz')).sort()) {
      const parts = gunzipSync(readFileSync(join(bench, f))).toString('utf8').split(/^(?==== )/m);
      let largest = 0;
      parts.forEach((p, i) => {
        if (p.length > (parts[largest] as string).length) largest = i;
      });
      parts.forEach((text, i) => {
        if (i % 50 === 0 || i === largest) docs.push({ name: `bench/${f}#${i}`, text });
      });
    }
  }
  return docs;
}

const digest = (value: unknown): string => createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 12);

describe('scan results on a pinned corpus sample', () => {
  const docs = sample();
  it.skipIf(docs.length === 0)('are unchanged, record by record', async () => {
    const lines: string[] = [];
    for (const { name, text } of docs) {
      const result = scan(text, { source: name });
      lines.push(`# ${name} chars=${text.length} records=${result.records.length} pages=${digest(result.pages)} dates=${result.dates.length}:${digest(result.dates)}`);
      for (const r of result.records) {
        lines.push(`${r.id}\t${r.span.start.line}:${r.span.start.column}-${r.span.end.line}:${r.span.end.column}\tp${r.page}\t${r.role}\t${r.confidence}\t${digest(r)}`);
      }
    }
    await expect(`${lines.join('\n')}\n`).toMatchFileSnapshot('__snapshots__/scan-corpus-sample.txt');
  });
});
