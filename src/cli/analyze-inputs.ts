import { analyze } from '../analyze.js';
import type { ReportInput } from '../report/create-report.js';
import type { ResolvedRuleSet } from '../rules/resolve-rule-set.js';
import { forEachInput, type CliIo, type InputFailure, type OutputOptions } from './cli-io.js';

/** Options of {@link analyzeInputs}. */
export interface AnalyzeInputsOptions {
  /** The rule sets to check against; empty for `scan` and `summary`, which need no findings. */
  ruleSets: readonly ResolvedRuleSet[];
  documentDate?: string;
  reviewDate?: string;
}

/**
 * Reads and analyzes every input. An input that cannot be read, or whose analysis throws (a
 * bug in a custom check), goes to `errors` with its reason; the run goes on with the others,
 * so every input ends up in exactly one of `documents` and `errors`.
 */
export async function analyzeInputs(
  paths: readonly string[],
  options: AnalyzeInputsOptions,
  output: OutputOptions,
  io: CliIo,
): Promise<{ documents: ReportInput[]; errors: InputFailure[] }> {
  const documents: ReportInput[] = [];
  const errors: InputFailure[] = [];
  await forEachInput(paths, io, output, (input) => {
    if (!input.ok) {
      errors.push({ source: input.source, code: input.code, reason: input.reason });
      return;
    }
    try {
      const result = analyze(input.text, {
        source: input.source,
        ruleSets: options.ruleSets,
        ...(options.documentDate !== undefined ? { documentDate: options.documentDate } : {}),
        ...(options.reviewDate !== undefined ? { reviewDate: options.reviewDate } : {}),
      });
      documents.push({ ...result, text: input.text });
    } catch (error) {
      errors.push({ source: input.source, code: 'analyze-failed', reason: error instanceof Error ? error.message : String(error) });
    }
  });
  return { documents, errors };
}
