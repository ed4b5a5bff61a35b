import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { analyzeSource } from '../../src/cli/analyze-inputs.js';
import { defaultJobs, runCli } from '../../src/cli/run-cli.js';
import { summarize } from '../../src/report/summarize.js';

const ROOT = join(__dirname, '..', '..');
const SEEDS = join(ROOT, 'examples', 'documents');
const files = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort().map((f) => join(SEEDS, f));

describe('what an analyzed input carries (and a worker thread sends back)', () => {
  it('no text: the withholding index made from it instead, which summarizes the same', async () => {
    const withText = [];
    const sent = [];
    for (const file of files) {
      const result = await analyzeSource(file, { ruleSets: [] });
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.document.text).toBeUndefined();
      expect(result.document.withholdings).toBeDefined();
      sent.push(result.document);
      const text = readFileSync(file, 'utf8');
      withText.push({ ...analyze(text, { source: file }), text });
    }
    expect(summarize(sent)).toEqual(summarize(withText));
    // The seeds hold withholdings with context, so the comparison above is not of empty lists.
    expect(summarize(withText).withholdings.filter((w) => w.context !== null).length).toBeGreaterThan(5);
    // What travels is smaller than it was with the text.
    const bytes = sent.reduce((n, d) => n + serialize(d).length, 0);
    const before = withText.reduce((n, d) => n + serialize(d).length, 0);
    expect(bytes).toBeLessThan(before);
  });
});

describe('--jobs default', () => {
  it('is 1 on two cores or fewer, else the cores', () => {
    expect([1, 2, 3, 4, 16].map((n) => defaultJobs(n))).toEqual([1, 1, 3, 4, 16]);
  });

  it('--help says when more threads help', async () => {
    let out = '';
    await runCli(['scan', '--help'], { stdout: (s) => (out += s), stderr: () => {}, stdin: async () => new Uint8Array(0) });
    expect(out.replace(/\s+/g, ' ')).toMatch(/More helps with many files on 4 cores or more; on 2 cores it does not/);
    expect(out.replace(/\s+/g, ' ')).toMatch(/or 1 on 2 cores or fewer/);
  });
});
