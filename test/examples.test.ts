import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze, summarize } from '../src/index.js';
import { compileInPackage } from './support/compile-in-package.js';
import { sarifErrors } from './support/sarif.js';

const ROOT = join(__dirname, '..');
const EXAMPLES = join(ROOT, 'examples');

const examples = readdirSync(EXAMPLES).filter((f) => f.endsWith('.ts'));

function runExample(file: string, format: 'esm' | 'cjs', args: string[] = []): string {
  const compiled = compileInPackage(readFileSync(join(EXAMPLES, file), 'utf8'), 'examples', file.replace(/\.ts$/, ''), format);
  return execFileSync(process.execPath, [compiled, ...args], { cwd: ROOT, encoding: 'utf8' });
}

beforeAll(() => {
  rmSync(join(ROOT, '.cache', 'examples'), { recursive: true, force: true });
});

describe('examples/', () => {
  it('holds the four runnable examples', () => {
    expect(examples.sort()).toEqual(['check-with-custom-rules.ts', 'scan-document.ts', 'summarize-folder.ts', 'write-sarif.ts']);
  });

  for (const file of ['scan-document.ts', 'check-with-custom-rules.ts', 'summarize-folder.ts']) {
    it(`${file} prints the same through import and require`, () => {
      const esm = runExample(file, 'esm');
      expect(esm.length).toBeGreaterThan(50);
      expect(runExample(file, 'cjs')).toBe(esm);
    });
  }

  it('scan-document prints the OCR-repaired OADR codes of seed 003', () => {
    const out = runExample('scan-document.ts', 'esm');
    expect(out).toMatch(/^examples\/documents\/seed-003\.txt: \d+ records on 1 page\(s\)$/m);
    expect(out).toMatch(/declass:OADR +"OALR" +marking +\(read as OADR after an OCR repair\)/);
  });

  it('check-with-custom-rules applies the agency set (redact-no-code lowered to info)', () => {
    const out = runExample('check-with-custom-rules.ts', 'cjs');
    expect(out).toMatch(/^ {2}86:1 +info +redact-no-code$/m);
  });

  it('summarize-folder prints the counts summarize() gives in process', () => {
    const dir = join(EXAMPLES, 'documents');
    const docs = readdirSync(dir)
      .sort()
      .map((f) => {
        const text = readFileSync(join(dir, f), 'utf8');
        return { ...analyze(text, { source: join('examples/documents', f), ruleSets: [] }), text };
      });
    const { corpus, withholdings } = summarize(docs);
    const out = runExample('summarize-folder.ts', 'esm');
    expect(out).toContain(`${corpus.documents} documents, ${corpus.pages} pages, ${corpus.records} markings`);
    const oadr = corpus.codes.find((c) => c.key === 'declass:OADR');
    expect(out).toMatch(new RegExp(`declass:OADR +${oadr?.count} in ${oadr?.documents} document`));
    expect(out).toContain(`withholding index: ${withholdings.length} rows`);
  });

  it('write-sarif writes a valid SARIF 2.1.0 log through both module systems', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ra-sarif-'));
    for (const format of ['esm', 'cjs'] as const) {
      const out = join(dir, `${format}.sarif`);
      expect(runExample('write-sarif.ts', format, ['examples/documents', out])).toMatch(/^wrote .*: \d+ error\(s\), \d+ warning\(s\), \d+ info$/m);
      const log = JSON.parse(readFileSync(out, 'utf8'));
      expect(sarifErrors(log)).toEqual([]);
      expect(log.runs[0].results.length).toBeGreaterThan(10);
    }
    expect(readFileSync(join(dir, 'esm.sarif'), 'utf8')).toBe(readFileSync(join(dir, 'cjs.sarif'), 'utf8'));
  });

  it('type-checks, with the CommonJS consumer, against the emitted .d.ts and .d.cts files', () => {
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    let output = '';
    try {
      execFileSync(process.execPath, [tsc, '-p', join(ROOT, 'test', 'types', 'tsconfig.json')], { cwd: ROOT, encoding: 'utf8' });
    } catch (error) {
      output = String((error as { stdout?: string }).stdout ?? error);
    }
    expect(output).toBe('');
  });
});
