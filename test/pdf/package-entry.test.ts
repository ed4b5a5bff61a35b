import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp-dir.js';
// @ts-expect-error: a plain .mjs script without types
import { renderExamplePdf } from '../../scripts/make-example-pdf.mjs';
// @ts-expect-error: a plain .mjs script without types
import { renderPdfRuleSetModule } from '../../scripts/embed-rules.mjs';

const ROOT = join(__dirname, '..', '..');

/** Bundles a built entry for browsers, as an app's bundler would, and lists the files it took. */
async function bundle(entry: string): Promise<{ bytes: number; inputs: string[] }> {
  const result = await build({ entryPoints: [join(ROOT, 'dist', entry)], bundle: true, minify: true, format: 'esm', platform: 'browser', write: false, metafile: true, logLevel: 'silent' });
  return { bytes: result.outputFiles[0]?.contents.length ?? 0, inputs: Object.keys(result.metafile.inputs) };
}

describe('the redaction-audit/pdf entry', () => {
  it('keeps pdf.js out of the main entry\'s browser bundle; the pdf entry bundles for browsers with it', async () => {
    const main = await bundle('index.js');
    const pdf = await bundle('pdf.js');
    console.log(`browser bundles (esbuild --bundle --minify): redaction-audit ${main.bytes} bytes, redaction-audit/pdf ${pdf.bytes} bytes`);
    expect(main.inputs.filter((i) => i.includes('pdfjs-dist'))).toEqual([]);
    expect(pdf.inputs.some((i) => i.includes('pdfjs-dist/legacy/build/pdf.mjs'))).toBe(true);
    expect(pdf.inputs.filter((i) => i.startsWith('node:'))).toEqual([]);
  });

  it('reads a PDF in Node without the optional native canvas package, printing nothing', () => {
    const dir = tempDir('redaction-audit-nocanvas-');
    // Make @napi-rs/canvas unresolvable, as after `npm install --omit=optional`.
    const hide = join(dir, 'hide-canvas.cjs');
    writeFileSync(hide, "const M = require('node:module'); const r = M._resolveFilename; M._resolveFilename = function (request, ...rest) { if (request.startsWith('@napi-rs/canvas')) { const e = new Error(`Cannot find module '${request}'`); e.code = 'MODULE_NOT_FOUND'; throw e; } return r.call(this, request, ...rest); };\n");
    const script = `import { readFileSync } from 'node:fs'; import { analyzePdf } from ${JSON.stringify(join(ROOT, 'dist', 'pdf.js'))};
const r = await analyzePdf(readFileSync(${JSON.stringify(join(ROOT, 'examples', 'pdf', 'redacted-cable.pdf'))}));
process.stdout.write(JSON.stringify(r.findings.map((f) => f.ruleId)));`;
    const result = spawnSync(process.execPath, ['--require', hide, '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('["pdf-text-under-redaction","redact-no-code"]');
  });

  it('ships the example PDF its script makes, and the pdf rule set its YAML says', async () => {
    expect(Buffer.compare(readFileSync(join(ROOT, 'examples', 'pdf', 'redacted-cable.pdf')), Buffer.from(await renderExamplePdf()))).toBe(0);
    expect(readFileSync(join(ROOT, 'src', 'pdf', 'pdf-rule-set-text.ts'), 'utf8')).toBe(renderPdfRuleSetModule());
  });
});
