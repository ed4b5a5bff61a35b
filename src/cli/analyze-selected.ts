import { escapeText } from '../report/formatters/format-text.js';
import { streamDocument, visitInputs, type AnalyzeInputsOptions, type InputResult } from './analyze-inputs.js';
import { expandInputs, type CliIo, type OutputOptions } from './cli-io.js';
import type { DocumentSelection } from './select-documents.js';

/** How one input is analyzed: the options, and a key that is the same for inputs analyzed alike (they are analyzed as one batch). */
export interface InputPlan {
  key: string;
  options: AnalyzeInputsOptions;
}

/**
 * Expands the inputs with the selection (the config's `files` and `ignores`, the ignore file,
 * `--ignore-pattern`), then analyzes them in batches of inputs that share options (per-path
 * overrides: rule sets and dates), each batch as `visitInputs` does (worker threads and all),
 * and hands every input's result (its document, or why there is none) to `visit` in input
 * order. With one batch (no override applies to some inputs only) each result is handed on as
 * soon as it and those before it are done, so memory follows the largest input, not the corpus;
 * with several, a result that comes before its turn waits for it. Notes say which inputs were
 * given twice and which named files are ignored.
 */
export async function visitSelected(
  paths: readonly string[],
  selection: DocumentSelection,
  plan: (source: string) => InputPlan,
  stdinFilename: string | undefined,
  output: OutputOptions,
  io: CliIo,
  visit: (result: InputResult) => void | Promise<void>,
): Promise<void> {
  const { items, duplicates, ignored } = await expandInputs(paths, selection);
  if (!output.quiet) {
    for (const d of duplicates) io.stderr(`redaction-audit: note: ${escapeText(`${d.source} is the same file as ${d.sameAs}`)}; analyzed once\n`);
    for (const path of ignored) io.stderr(`redaction-audit: note: ${escapeText(path)} is ignored (config ignores, .redaction-auditignore or --ignore-pattern); not read\n`);
  }
  const order = new Map<string, number>();
  const batches = new Map<string, { options: AnalyzeInputsOptions; paths: string[] }>();
  // Results by input index until their turn; the inputs that could not be expanded wait here from the start.
  const waiting = new Map<number, InputResult>();
  items.forEach((item, index) => {
    if (typeof item !== 'string') {
      waiting.set(index, { ok: false, error: { source: item.source, code: item.code, reason: item.reason } });
      return;
    }
    const label = item === '-' ? (stdinFilename ?? '-') : item;
    order.set(label, index);
    const { key, options } = plan(label);
    const batch = batches.get(key) ?? { options, paths: [] };
    batch.paths.push(item);
    batches.set(key, batch);
  });
  let next = 0;
  let late = 0;
  const flush = async (): Promise<void> => {
    for (let result = waiting.get(next); result !== undefined; result = waiting.get(next)) {
      waiting.delete(next);
      next += 1;
      await visit(result);
    }
  };
  await flush();
  for (const { options, paths: batchPaths } of batches.values()) {
    await visitInputs(batchPaths, options, output, io, async (visited) => {
      const result = visited.ok === 'stream' ? await streamDocument(visited.source, options, visited.chunks) : visited;
      const index = order.get(result.ok ? (result.document.source ?? '') : result.error.source);
      // A result whose source names no input, or an input already taken (standard input named as a file), goes after them all.
      waiting.set(index === undefined || index < next || waiting.has(index) ? items.length + late++ : index, result);
      await flush();
    });
  }
  for (const index of [...waiting.keys()].sort((a, b) => a - b)) await visit(waiting.get(index) as InputResult);
}
