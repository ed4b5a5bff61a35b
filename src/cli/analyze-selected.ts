import type { ReportInput } from '../report/create-report.js';
import { escapeText } from '../report/formatters/format-text.js';
import { analyzeInputs, type AnalyzeInputsOptions } from './analyze-inputs.js';
import { expandInputs, type CliIo, type InputFailure, type OutputOptions } from './cli-io.js';
import type { DocumentSelection } from './select-documents.js';

/** How one input is analyzed: the options, and a key that is the same for inputs analyzed alike (they are analyzed as one batch). */
export interface InputPlan {
  key: string;
  options: AnalyzeInputsOptions;
}

/**
 * Expands the inputs with the selection (the config's `files` and `ignores`, the ignore file,
 * `--ignore-pattern`), then analyzes them in batches of inputs that share options (per-path
 * overrides: rule sets and dates), each batch as `analyzeInputs` does (worker threads and all).
 * Documents and errors come back in input order, as with one batch; notes say which inputs
 * were given twice and which named files are ignored.
 */
export async function analyzeSelected(
  paths: readonly string[],
  selection: DocumentSelection,
  plan: (source: string) => InputPlan,
  stdinFilename: string | undefined,
  output: OutputOptions,
  io: CliIo,
): Promise<{ documents: ReportInput[]; errors: InputFailure[] }> {
  const { items, duplicates, ignored } = await expandInputs(paths, selection);
  if (!output.quiet) {
    for (const d of duplicates) io.stderr(`redaction-audit: note: ${escapeText(`${d.source} is the same file as ${d.sameAs}`)}; analyzed once\n`);
    for (const path of ignored) io.stderr(`redaction-audit: note: ${escapeText(path)} is ignored (config ignores, .redaction-auditignore or --ignore-pattern); not read\n`);
  }
  const order = new Map<string, number>();
  const batches = new Map<string, { options: AnalyzeInputsOptions; paths: string[] }>();
  const errors: Array<[number, InputFailure]> = [];
  items.forEach((item, index) => {
    if (typeof item !== 'string') {
      errors.push([index, { source: item.source, code: item.code, reason: item.reason }]);
      return;
    }
    const label = item === '-' ? (stdinFilename ?? '-') : item;
    order.set(label, index);
    const { key, options } = plan(label);
    const batch = batches.get(key) ?? { options, paths: [] };
    batch.paths.push(item);
    batches.set(key, batch);
  });
  const documents: Array<[number, ReportInput]> = [];
  for (const { options, paths: batchPaths } of batches.values()) {
    const result = await analyzeInputs(batchPaths, options, output, io);
    for (const d of result.documents) documents.push([order.get(d.source ?? '') ?? items.length, d]);
    for (const e of result.errors) errors.push([order.get(e.source) ?? items.length, e]);
  }
  const byIndex = (a: [number, unknown], b: [number, unknown]): number => a[0] - b[0];
  return { documents: documents.sort(byIndex).map(([, d]) => d), errors: errors.sort(byIndex).map(([, e]) => e) };
}
