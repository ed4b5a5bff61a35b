import { dirname, join } from 'node:path';
import { evaluateAccuracy, formatAccuracy } from '../accuracy/evaluate-accuracy.js';
import { parseGold } from '../accuracy/gold.js';
import { formatCalibration, measureCalibration, type ScoredPrediction } from '../accuracy/measure-calibration.js';
import type { MarkerRecord } from '../normalize/marker-record.js';
import { readDocument } from '../node.js';
import { describeInputFailure, escapeText } from '../report/formatters/format-text.js';
import { scan } from '../scan.js';
import { EXIT_FAILURE, EXIT_OK, type CliIo } from './cli-io.js';

/**
 * The `eval` command: scores the scanner against gold annotations and prints, after the
 * precision/recall table, the reliability table (confidence bucket vs observed precision) with
 * its expected calibration error; the scored predictions are added to `scored` when given.
 * Exit 1 below `--min-f1`, 2 when a file cannot be read.
 */
export async function runEval(goldPath: string, options: { dir?: string; errors?: boolean; minF1?: string }, io: CliIo, scored?: ScoredPrediction[]): Promise<number> {
  // The gold file is read as a document is: a regular file, size checked first, strict UTF-8.
  const gold = await readDocument(goldPath);
  if (!gold.ok) {
    io.stderr(`redaction-audit: ${escapeText(`${goldPath}: cannot read the gold file: ${gold.reason}`)}\n`);
    return EXIT_FAILURE;
  }
  const jsonl = gold.text;
  const { documents, issues } = parseGold(jsonl);
  for (const issue of issues) io.stderr(`redaction-audit: ${escapeText(`${goldPath}:${issue.line}: ${issue.message}`)}\n`);
  const dir = options.dir ?? dirname(goldPath);
  const predicted = new Map<string, { text: string; records: MarkerRecord[] }>();
  let failed = issues.length > 0;
  for (const doc of documents) {
    const input = await readDocument(join(dir, doc.file));
    if (!input.ok) {
      io.stderr(`redaction-audit: ${describeInputFailure(input)}\n`);
      failed = true;
      continue;
    }
    predicted.set(doc.file, { text: input.text, records: scan(input.text, { source: doc.file }).records });
  }
  const report = evaluateAccuracy(documents, predicted);
  io.stdout(`${formatAccuracy(report, escapeText(goldPath))}\n`);
  io.stdout(`${formatCalibration(measureCalibration(report.predictions), 'reliability')}\n`);
  for (const p of report.predictions) scored?.push(p);
  if (options.errors) {
    for (const e of report.errors) io.stdout(`${e.kind === 'false-positive' ? 'FP' : 'FN'}  ${escapeText(`${e.file}@${e.start}  ${e.family}:${e.code}`)}  ${escapeText(JSON.stringify(e.text.slice(0, 80)))}\n`);
    for (const n of report.negativeHits) io.stdout(`NEG ${escapeText(`${n.file}@${n.start}  ${n.key}`)}  in ${escapeText(JSON.stringify(n.phrase))}\n`);
  }
  if (options.minF1 !== undefined) {
    const min = Number(options.minF1);
    if (report.overall.f1 < min) {
      io.stderr(`redaction-audit: micro-F1 ${report.overall.f1.toFixed(3)} is below --min-f1 ${min}\n`);
      return 1;
    }
  }
  return failed ? EXIT_FAILURE : EXIT_OK;
}
