import { TextDecoder } from 'node:util';
import { explicitDate } from '../assess/assess.js';
import { isAtLeast, type Severity } from '../core/severity.js';
import { BaselineSchema, createBaseline, type Baseline } from '../engine/baseline.js';
import { readFileBytes } from '../node/read-file-bytes.js';
import { createReport } from '../report/create-report.js';
import { describeInputFailure, escapeText } from '../report/formatters/format-text.js';
import { reportRuleSets } from './analyze-pdf-input.js';
import { analyzeSelected } from './analyze-selected.js';
import { createCheckPlan } from './check-plan.js';
import { EXIT_FAILURE, EXIT_FINDINGS, EXIT_OK, writeTextFile, type CliIo, type OutputOptions } from './cli-io.js';
import { leaveOutDocumentsBelow } from './leave-out-documents-below.js';
import { emitReport } from './report-output.js';
import { loadSelection, type SelectionOptions } from './select-documents.js';

/** Options of the `check` command, as commander hands them over. */
export interface CheckCliOptions extends OutputOptions, SelectionOptions {
  rules?: string[];
  /** Default: the config's `failOn`, else `error`. */
  failOn?: Severity;
  /** Fail (exit 1) when more warnings than this are reported; default: the config's `maxWarnings`, else no limit. */
  maxWarnings?: number;
  format: 'text' | 'json' | 'markdown' | 'sarif' | 'github';
  documentDate?: string;
  reviewDate?: string;
  baseline?: string;
  writeBaseline?: string;
  stdinFilename?: string;
  showHiddenText?: boolean;
  allowExtends?: string[];
  /** `--min-confidence`: every rule leaves out records below it, and the report lists none. */
  minConfidence?: number;
}

/** The largest baseline file read (checked before reading). */
const MAX_BASELINE_BYTES = 64 * 1024 * 1024;

/** Reads a baseline file through the input layer (a regular file, size checked first); a UTF-8 byte-order mark is allowed, as editors on Windows write one. */
async function readBaseline(path: string, io: CliIo): Promise<Baseline | undefined> {
  const read = await readFileBytes(path, { maxBytes: MAX_BASELINE_BYTES });
  if (!read.ok) {
    io.stderr(`redaction-audit: ${escapeText(`${path}: cannot read the baseline: ${read.reason}`)}\n`);
    return undefined;
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(read.bytes));
  } catch (error) {
    io.stderr(`redaction-audit: ${escapeText(`${path}: not a baseline file: not UTF-8 JSON (${(error as Error).message})`)}\n`);
    return undefined;
  }
  const parsed = BaselineSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  io.stderr(`redaction-audit: ${escapeText(`${path}: not a baseline file: ${parsed.error.issues[0]?.message ?? 'invalid'} at ${parsed.error.issues[0]?.path.join('.') ?? ''}`)}\n`);
  return undefined;
}

/** The `check` command: analyze documents against rule sets; exit 0/1/2 as documented in `--help`. */
export async function runCheck(paths: string[], options: CheckCliOptions, io: CliIo): Promise<number> {
  for (const [flag, value] of [['--document-date', options.documentDate], ['--review-date', options.reviewDate]] as const) {
    if (value === undefined) continue;
    try {
      explicitDate(value, flag);
    } catch (error) {
      io.stderr(`redaction-audit: ${escapeText((error as Error).message)}\n`);
      return EXIT_FAILURE;
    }
  }
  const selected = await loadSelection(options, io);
  if (!selected) return EXIT_FAILURE;
  const { config, selection } = selected;
  const minConfidence = options.minConfidence ?? config.settings.minConfidence;
  const checkPlan = createCheckPlan(config, { ...options, ...(minConfidence !== undefined ? { minConfidence } : {}) }, io);
  if (!checkPlan) {
    io.stderr('redaction-audit: the rule set has issues (above); no document was checked\n');
    return EXIT_FAILURE;
  }
  const ruleSets = checkPlan.ruleSets;
  const failOn = options.failOn ?? config.settings.failOn ?? 'error';
  const maxWarnings = options.maxWarnings ?? config.settings.maxWarnings;
  const baseline = options.baseline === undefined ? undefined : await readBaseline(options.baseline, io);
  if (options.baseline !== undefined && !baseline) return EXIT_FAILURE;

  const { documents, errors } = await analyzeSelected(paths, selection, checkPlan.plan, options.stdinFilename, options, io);

  if (options.writeBaseline !== undefined) {
    const all = documents.flatMap((d) => d.findings);
    if (!(await writeTextFile(options.writeBaseline, `${JSON.stringify(createBaseline(all), null, 2)}\n`, 'the baseline', io))) return EXIT_FAILURE;
    io.stderr(`redaction-audit: wrote ${all.length} finding(s) to ${escapeText(options.writeBaseline)}\n`);
    for (const e of errors) io.stderr(`redaction-audit: ${describeInputFailure(e)}\n`);
    return errors.length > 0 ? EXIT_FAILURE : EXIT_OK;
  }

  // --quiet reports errors only, as ESLint's does; the exit code follows what is reported.
  const kept = leaveOutDocumentsBelow(documents, minConfidence);
  const shown = options.quiet ? kept.map((d) => ({ ...d, findings: d.findings.filter((f) => f.severity === 'error') })) : kept;
  const report = createReport(shown, { errors, ruleSets: reportRuleSets(documents, ruleSets), ...(baseline ? { baseline } : {}) });
  if (!(await emitReport(report, options.format, 'findings', options, io))) return EXIT_FAILURE;
  if (errors.length > 0) return EXIT_FAILURE;
  const failing = report.documents.some((d) => d.findings.some((f) => isAtLeast(f.severity, failOn)));
  if (failing) return EXIT_FINDINGS;
  if (maxWarnings !== undefined && report.counts.warning > maxWarnings) {
    io.stderr(`redaction-audit: ${report.counts.warning} warning(s), more than --max-warnings ${maxWarnings}\n`);
    return EXIT_FINDINGS;
  }
  return EXIT_OK;
}
