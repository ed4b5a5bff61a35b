import { TextDecoder } from 'node:util';
import { explicitDate } from '../assess/assess.js';
import { isAtLeast, type Severity } from '../core/severity.js';
import { BaselineSchema, createBaseline, type Baseline, type BaselineFinding } from '../engine/baseline.js';
import { readFileBytes } from '../node/read-file-bytes.js';
import type { ReportInput } from '../report/create-report.js';
import { createReportStream } from '../report/create-report-stream.js';
import { describeInputFailure, escapeText } from '../report/formatters/format-text.js';
import { reportRuleSets } from './analyze-pdf-input.js';
import { visitSelected } from './analyze-selected.js';
import { createCheckPlan } from './check-plan.js';
import { EXIT_FAILURE, EXIT_FINDINGS, EXIT_OK, writeTextFile, type CliIo, type InputFailure, type OutputOptions } from './cli-io.js';
import { createSpooledReport } from './create-spooled-report.js';
import { leaveOutDocumentsBelow } from './leave-out-documents-below.js';
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

  const writeBaseline = options.writeBaseline;
  const stream = createReportStream(baseline ? { baseline } : {});
  const report = writeBaseline === undefined ? createSpooledReport(options.format, 'findings', options, io) : undefined;
  // --write-baseline keeps what a baseline entry needs of each finding, nothing else.
  const found: BaselineFinding[] = [];
  const errors: InputFailure[] = [];
  let fromPdf = false;
  let failing = false;
  try {
    await visitSelected(paths, selection, checkPlan.plan, options.stdinFilename, options, io, (result) => {
      if (!result.ok) {
        errors.push(result.error);
        return;
      }
      const { document } = result;
      if ((document as { fromPdf?: boolean }).fromPdf === true) fromPdf = true;
      if (!report) {
        for (const f of document.findings) found.push({ fingerprint: f.fingerprint, ruleId: f.ruleId, source: f.source, message: f.message });
        return;
      }
      // --quiet reports errors only, as ESLint's does; the exit code follows what is reported.
      const kept = leaveOutDocumentsBelow([document], minConfidence)[0] as ReportInput;
      const part = stream.add(options.quiet ? { ...kept, findings: kept.findings.filter((f) => f.severity === 'error') } : kept);
      if (part.document.findings.some((f) => isAtLeast(f.severity, failOn))) failing = true;
      report.add(part);
    });
  } catch (error) {
    report?.dispose();
    throw error;
  }

  if (!report) {
    if (!(await writeTextFile(writeBaseline as string, `${JSON.stringify(createBaseline(found), null, 2)}\n`, 'the baseline', io))) return EXIT_FAILURE;
    io.stderr(`redaction-audit: wrote ${found.length} finding(s) to ${escapeText(writeBaseline as string)}\n`);
    for (const e of errors) io.stderr(`redaction-audit: ${describeInputFailure(e)}\n`);
    return errors.length > 0 ? EXIT_FAILURE : EXIT_OK;
  }

  const totals = stream.end({ errors, ruleSets: reportRuleSets(fromPdf, ruleSets) });
  if (!(await report.emit(totals))) return EXIT_FAILURE;
  if (errors.length > 0) return EXIT_FAILURE;
  if (failing) return EXIT_FINDINGS;
  if (maxWarnings !== undefined && totals.counts.warning > maxWarnings) {
    io.stderr(`redaction-audit: ${totals.counts.warning} warning(s), more than --max-warnings ${maxWarnings}\n`);
    return EXIT_FINDINGS;
  }
  return EXIT_OK;
}
