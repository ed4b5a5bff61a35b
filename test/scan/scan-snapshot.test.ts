import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { scan } from '../../src/scan.js';
import { BENCH_ROOT, CORPUS_ROOT } from '../support/corpus.js';

/**
 * The scanner's results on a fixed sample of real text, pinned: every development document and
 * every 50th document of the benchmark corpus, plus its largest one (1.27 MB, so long texts are
 * covered too). Speed work on the scanner must not change a single record, page or date; a
 * changed line names the document and record that moved. Update only for a deliberate change
 * of results: `npx vitest run -u test/scan/scan-snapshot.test.ts`.
 */
function devSample(): Array<{ name: string; text: string }> {
  const docs: Array<{ name: string; text: string }> = [];
  for (const set of ['dev', 'dev-extra']) {
    const dir = join(CORPUS_ROOT, set);
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt')).sort()) docs.push({ name: `${set}/${f}`, text: readFileSync(join(dir, f), 'utf8') });
  }
  return docs;
}

function benchSample(): Array<{ name: string; text: string }> {
  const docs: Array<{ name: string; text: string }> = [];
  if (!existsSync(BENCH_ROOT)) return docs;
  for (const f of readdirSync(BENCH_ROOT).filter((x) => x.endsWith('.txt.gz')).sort()) {
    const parts = gunzipSync(readFileSync(join(BENCH_ROOT, f))).toString('utf8').split(/^(?==== )/m);
    let largest = 0;
    parts.forEach((p, i) => {
      if (p.length > (parts[largest] as string).length) largest = i;
    });
    parts.forEach((text, i) => {
      if (i % 50 === 0 || i === largest) docs.push({ name: `bench/${f}#${i}`, text });
    });
  }
  return docs;
}

const digest = (value: unknown): string => createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 12);

function snapshotLines(docs: ReadonlyArray<{ name: string; text: string }>): string {
  const lines: string[] = [];
  for (const { name, text } of docs) {
    const result = scan(text, { source: name });
    lines.push(`# ${name} chars=${text.length} records=${result.records.length} pages=${digest(result.pages)} dates=${result.dates.length}:${digest(result.dates)}`);
    for (const r of result.records) {
      lines.push(`${r.id}\t${r.span.start.line}:${r.span.start.column}-${r.span.end.line}:${r.span.end.column}\tp${r.page}\t${r.role}\t${r.confidence}\t${digest(r)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

describe('scan results on a pinned corpus sample', () => {
  it('are unchanged, record by record, on the development corpora', async () => {
    await expect(snapshotLines(devSample())).toMatchFileSnapshot('__snapshots__/scan-dev-sample.txt');
  });

  const bench = benchSample();
  if (bench.length === 0) console.log(`scan snapshot: ${BENCH_ROOT} is not there; the benchmark sample was skipped`);
  it.skipIf(bench.length === 0)('are unchanged, record by record, on the benchmark sample', async () => {
    await expect(snapshotLines(bench)).toMatchFileSnapshot('__snapshots__/scan-bench-sample.txt');
  });
});
