import { readFile, writeFile } from 'node:fs/promises';
import { analyze } from '../analyze.js';
import { isAtLeast, type Severity } from '../core/severity.js';
import { applyBaseline, BaselineSchema, createBaseline, type Baseline } from '../engine/baseline.js';
import type { Finding } from '../engine/finding.js';
import { loadRuleSet } from '../node.js';
import type { ResolvedRuleSet } from '../rules/resolve-rule-set.js';
import { formatRuleSetIssue } from '../rules/rule-set-issue.js';
import { explicitDate } from '../assess/assess.js';
import { EXIT_FAILURE, EXIT_FINDINGS, EXIT_OK, loadInputs, type CliIo, type InputFailure } from './cli-io.js';

/** Options of the `check` command, as commander hands them over. */
export interface CheckCliOptions {
  rules?: string[];
  failOn: Severity;
  format: 'text' | 'json';
  documentDate?: string;
  reviewDate?: string;
  baseline?: string;
  writeBaseline?: string;
}

function findingLine(f: Finding): string {
  return `${f.source ?? '-'}:${f.span.start.line}:${f.span.start.column}  ${f.severity.padEnd(7)}  ${f.message}  ${f.ruleId}`;
}

async function readBaseline(path: string, io: CliIo): Promise<Baseline | undefined> {
  try {
    const parsed = BaselineSchema.safeParse(JSON.parse(await readFile(path, 'utf8')));
    if (parsed.success) return parsed.data;
    io.stderr(`redaction-audit: ${path}: not a baseline file: ${parsed.error.issues[0]?.message ?? 'invalid'} at ${parsed.error.issues[0]?.path.join('.') ?? ''}\n`);
  } catch (error) {
    io.stderr(`redaction-audit: ${path}: cannot read the baseline: ${(error as Error).message}\n`);
  }
  return undefined;
}

/** The `check` command: analyze documents against rule sets; exit 0/1/2 as documented in `--help`. */
export async function runCheck(paths: string[], options: CheckCliOptions, io: CliIo): Promise<number> {
  for (const [flag, value] of [['--document-date', options.documentDate], ['--review-date', options.reviewDate]] as const) {
    if (value === undefined) continue;
    try {
      explicitDate(value, flag);
    } catch (error) {
      io.stderr(`redaction-audit: ${(error as Error).message}\n`);
      return EXIT_FAILURE;
    }
  }
  const ruleSets: ResolvedRuleSet[] = [];
  let ruleSetFailed = false;
  for (const ref of options.rules ?? ['recommended']) {
    const loaded = loadRuleSet(ref);
    if (loaded.ok) ruleSets.push(loaded.ruleSet);
    else {
      ruleSetFailed = true;
      for (const issue of loaded.issues) io.stderr(`${formatRuleSetIssue(issue)}\n`);
    }
  }
  if (ruleSetFailed) {
    io.stderr('redaction-audit: the rule set has issues (above); no document was checked\n');
    return EXIT_FAILURE;
  }
  const baseline = options.baseline === undefined ? undefined : await readBaseline(options.baseline, io);
  if (options.baseline !== undefined && !baseline) return EXIT_FAILURE;

  const inputs = await loadInputs(paths, io);
  const documents = [];
  const errors: InputFailure[] = [];
  const all: Finding[] = [];
  for (const input of inputs) {
    if (!input.ok) {
      errors.push({ source: input.source, code: input.code, reason: input.reason });
      continue;
    }
    const result = analyze(input.text, {
      source: input.source,
      ruleSets,
      ...(options.documentDate !== undefined ? { documentDate: options.documentDate } : {}),
      ...(options.reviewDate !== undefined ? { reviewDate: options.reviewDate } : {}),
    });
    documents.push({ source: input.source, records: result.records, pages: result.pages, dates: result.dates, assessment: result.assessment, findings: result.findings });
    all.push(...result.findings);
  }

  if (options.writeBaseline !== undefined) {
    await writeFile(options.writeBaseline, `${JSON.stringify(createBaseline(all), null, 2)}\n`);
    io.stderr(`redaction-audit: wrote ${all.length} finding(s) to ${options.writeBaseline}\n`);
    for (const e of errors) io.stderr(`redaction-audit: ${e.source}: ${e.reason} (${e.code})\n`);
    return errors.length > 0 ? EXIT_FAILURE : EXIT_OK;
  }

  let stale: Baseline['entries'] = [];
  let suppressed = 0;
  if (baseline) {
    const applied = applyBaseline(all, baseline);
    stale = applied.stale;
    suppressed = applied.suppressed;
    const kept = new Set(applied.findings);
    for (const doc of documents) doc.findings = doc.findings.filter((f) => kept.has(f));
  }
  const shown = documents.flatMap((d) => d.findings);

  if (options.format === 'json') {
    io.stdout(`${JSON.stringify({ documents, errors, ...(baseline ? { baseline: { suppressed, stale } } : {}) }, null, 2)}\n`);
  } else {
    for (const f of shown) io.stdout(`${findingLine(f)}\n`);
    const count = (s: Severity): number => shown.filter((f) => f.severity === s).length;
    io.stdout(`${shown.length} finding(s): ${count('error')} error(s), ${count('warning')} warning(s), ${count('info')} info, in ${documents.length} document(s)${baseline ? `; ${suppressed} hidden by the baseline` : ''}\n`);
    for (const e of stale) io.stdout(`baseline entry no longer matches: ${e.source ?? '-'}  ${e.ruleId}  ${e.message}\n`);
  }
  for (const e of errors) io.stderr(`redaction-audit: ${e.source}: ${e.reason} (${e.code})\n`);
  if (errors.length > 0) return EXIT_FAILURE;
  return shown.some((f) => isAtLeast(f.severity, options.failOn)) ? EXIT_FINDINGS : EXIT_OK;
}
