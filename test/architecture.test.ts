import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';
// @ts-expect-error: a plain .mjs script without types
import { renderCatalogModule } from '../scripts/build-catalog.mjs';

const SRC = join(__dirname, '..', 'src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/**
 * Layers from the bottom up; a file may import only from its own layer or below. `rules`
 * compiles rule files into the engine's `CompiledRule`, so it sits above `engine`; `report`
 * summarizes and renders what the stages below produce; the
 * `testing/` helpers (RuleTester) belong to the facade, beside `analyze`.
 */
const LAYERS = ['core', 'catalog', 'scan', 'normalize', 'assess', 'engine', 'rules', 'report', 'accuracy', 'facade', 'pdf', 'cli'];
function layerOf(file: string): string {
  const rel = relative(SRC, file).replace(/\\/g, '/');
  const top = rel.split('/')[0] as string;
  if (rel === 'pdf.ts') return 'pdf';
  if (LAYERS.includes(top)) return top;
  if (top === 'testing') return 'facade';
  // The node entry and its helpers under node/ are Node-only, as the CLI is.
  return rel === 'node.ts' || top === 'node' ? 'cli' : 'facade';
}

describe('architecture', () => {
  const sources = files(SRC);

  it('keeps node: imports out of the browser-safe core', () => {
    for (const file of sources) {
      const layer = layerOf(file);
      if (layer === 'cli') continue;
      expect(readFileSync(file, 'utf8'), relative(SRC, file)).not.toMatch(/from ['"]node:/);
    }
  });

  it('keeps pdf.js out of everything but the PDF entry, and the CLI loads that entry only when given a PDF', () => {
    for (const file of sources) {
      const layer = layerOf(file);
      const text = readFileSync(file, 'utf8');
      if (layer !== 'pdf') expect(text, relative(SRC, file)).not.toMatch(/(?:from |import\()['"]pdfjs-dist/);
      if (layer === 'cli') expect(text, relative(SRC, file)).not.toMatch(/^import [^;]*from '\.\.\/pdf(?:\.js|\/extract-pdf\.js|\/analyze-pdf\.js|\/load-pdfjs\.js)'/m);
    }
    // Only load-pdfjs.ts names pdf.js at run time, and it imports it dynamically.
    const loaders = sources.filter((f) => /import\(['"]pdfjs-dist/.test(readFileSync(f, 'utf8')));
    expect(loaders.map((f) => relative(SRC, f))).toEqual(['pdf/load-pdfjs.ts']);
    for (const file of sources) expect(readFileSync(file, 'utf8'), relative(SRC, file)).not.toMatch(/^import [^;]*from 'pdfjs-dist/m);
  });

  it('imports only downward', () => {
    for (const file of sources) {
      const from = LAYERS.indexOf(layerOf(file));
      for (const m of readFileSync(file, 'utf8').matchAll(/from '(\.{1,2}\/[^']+)'/g)) {
        const target = join(file, '..', (m[1] as string).replace(/\.js$/, '.ts'));
        const to = LAYERS.indexOf(layerOf(target));
        expect(to, `${relative(SRC, file)} imports ${m[1]}`).toBeLessThanOrEqual(from);
      }
    }
  });

  it('spreads no array into a call: f(...xs) and f.apply(_, xs) overflow the stack on a long array', () => {
    // Each allowed spread, with why its array stays short.
    const allowed = new Set([
      // The OCR corrections of one token: at most a handful.
      'scan/detect-declass.ts: ocr.push(...d1.ocr)',
      // The arguments of one console.log call, passed on.
      'pdf/load-pdfjs.ts: write(...args)',
    ]);
    const found: string[] = [];
    for (const file of sources) {
      const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
      const visit = (node: ts.Node): void => {
        const spread = (ts.isCallExpression(node) || ts.isNewExpression(node)) && (node.arguments ?? []).some((a) => ts.isSpreadElement(a));
        const apply = ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'apply';
        if (spread || apply) found.push(`${relative(SRC, file).replace(/\\/g, '/')}: ${node.getText(source)}`);
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(found.filter((f) => !allowed.has(f))).toEqual([]);
  });

  it('exports exactly this public API', () => {
    expect(Object.keys(api).sort()).toMatchInlineSnapshot(`
      [
        "AssessedDateSchema",
        "AssessmentSchema",
        "AttributeTestSchema",
        "AttributesSchema",
        "BUILT_IN_CHECKS",
        "BUILT_IN_PREFIX",
        "BUILT_IN_RULE_SET_NAMES",
        "BaselineSchema",
        "CALIBRATION_BOUNDS",
        "CSV_TABLES",
        "CatalogEntrySchema",
        "CatalogError",
        "CheckError",
        "CoOccurrenceSchema",
        "ConfigFileSchema",
        "ConfigOverrideSchema",
        "CorpusCodeCountSchema",
        "CorpusSummarySchema",
        "DateConditionSchema",
        "DateCueSchema",
        "DateMentionSchema",
        "DateSourceSchema",
        "DocumentCodeCountSchema",
        "DocumentReadError",
        "DocumentSummarySchema",
        "ExtentSchema",
        "ExtentTallySchema",
        "FAMILIES",
        "FINGERPRINT_KEY",
        "FORMATS",
        "FamilyCountSchema",
        "FamilySchema",
        "FindingCountsSchema",
        "FindingSchema",
        "GoldDocumentSchema",
        "GoldMarkerSchema",
        "INFORMATION_URI",
        "InvalidArgumentError",
        "MarkerRecordSchema",
        "OcrCorrectionSchema",
        "OcrKindSchema",
        "PLACEHOLDERS",
        "PageSchema",
        "PageSummarySchema",
        "PointSchema",
        "RedactionAuditError",
        "RedactionTallySchema",
        "ReleaseStatusSchema",
        "ReportDocumentSchema",
        "ReportErrorSchema",
        "ReportRuleSchema",
        "ReportSchema",
        "RoleSchema",
        "RuleIdSchema",
        "RuleOverrideSchema",
        "RuleSchema",
        "RuleSetError",
        "RuleSetFileSchema",
        "RuleSetIssueCodeSchema",
        "RuleSetIssueSchema",
        "RuleSeveritySchema",
        "RuleTestCaseSchema",
        "RuleTestError",
        "RuleTester",
        "SARIF_SCHEMA_URI",
        "SEGMENT_CONTEXT",
        "SEGMENT_LENGTH",
        "SEPARATE_CHECKS",
        "SelectorListSchema",
        "SelectorSchema",
        "SeveritySchema",
        "SpanSchema",
        "SummarySchema",
        "VERSION",
        "WhenSchema",
        "WithholdingSchema",
        "analyze",
        "applyBaseline",
        "assess",
        "combineRules",
        "compareFindings",
        "compareSeverity",
        "configJsonSchema",
        "createBaseline",
        "createLocator",
        "createReport",
        "csvField",
        "defineCheck",
        "escapeCell",
        "evaluate",
        "evaluateAccuracy",
        "formatAccuracy",
        "formatCalibration",
        "formatCsv",
        "formatGithub",
        "formatJson",
        "formatJsonl",
        "formatMarkdown",
        "formatReport",
        "formatRuleSetIssue",
        "formatSarif",
        "formatText",
        "getBuiltInRuleSet",
        "getCatalog",
        "isAtLeast",
        "leaveOutBelowConfidence",
        "measureCalibration",
        "parseConfig",
        "parseDate",
        "parseGold",
        "parseRuleSet",
        "resolveRuleSet",
        "ruleSetJsonSchema",
        "runRuleSetTests",
        "runRuleTestCase",
        "scan",
        "scanStream",
        "summarize",
        "withMinConfidence",
      ]
    `);
  });
});

describe('catalog', () => {
  it('is compiled from rules/catalog (run `npm run catalog` after editing the YAML)', () => {
    expect(readFileSync(join(SRC, 'catalog', 'catalog-data.ts'), 'utf8')).toBe(renderCatalogModule());
  });
  it('passes its schema and knows every FOIA and Privacy Act exemption', () => {
    const catalog = api.getCatalog();
    for (const code of ['b1', 'b2', 'b3', 'b4', 'b5', 'b6', 'b7', 'b7A', 'b7B', 'b7C', 'b7D', 'b7E', 'b7F', 'b8', 'b9']) {
      expect(catalog.lookup('foia', code)?.authority).toMatch(/^5 U\.S\.C\. 552\(b\)/);
    }
    for (const code of ['d5', 'j1', 'j2', 'k1', 'k2', 'k3', 'k4', 'k5', 'k6', 'k7']) expect(catalog.lookup('privacy', code)).toBeDefined();
    expect(catalog.lookup('declass', 'OADR')?.valid).toEqual({ from: '1982-08-01', to: '1995-10-13' });
  });
  it('gives every record of a scan its catalog meaning', () => {
    const { records } = api.scan('(b)(7)(C)\nDECL: OADR', { families: ['foia', 'declass'] });
    expect(records.map((r) => [r.key, r.label !== null, r.authority])).toEqual([
      ['foia:b7C', true, '5 U.S.C. 552(b)(7)(C)'],
      ['declass:OADR', true, 'E.O. 12356; 22 CFR 9.12'],
    ]);
  });
});

describe('version', () => {
  it('matches package.json', async () => {
    const { VERSION } = await import('../src/core/version.js');
    expect(VERSION).toBe(JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')).version);
  });
});
