import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
export { EXIT_FAILURE, EXIT_OK, EXIT_FINDINGS, type CliIo } from './cli-io.js';
import { evaluateAccuracy, formatAccuracy } from '../accuracy/evaluate-accuracy.js';
import { parseGold } from '../accuracy/gold.js';
import type { MarkerRecord } from '../normalize/marker-record.js';
import { readDocument } from '../node.js';
import { EXIT_FAILURE, EXIT_OK, loadInputs, type CliIo, type InputFailure } from './cli-io.js';
import { runCheck, type CheckCliOptions } from './run-check.js';
import { runTestRules } from './run-test-rules.js';
import { scan } from '../scan.js';
import { VERSION } from './version.js';

function textLine(source: string, r: MarkerRecord): string {
  const raw = r.raw.replace(/\r/g, '\\r').replace(/\n/g, '\\n');
  return `${source}:${r.span.start.line}:${r.span.start.column}  ${r.key}  ${raw}  ${r.role}  ${r.confidence.toFixed(2)}`;
}

async function runScan(paths: string[], options: { format: 'json' | 'text' }, io: CliIo): Promise<number> {
  const inputs = await loadInputs(paths, io);
  const documents: Array<{ source: string; records: MarkerRecord[]; pages: unknown[] }> = [];
  const errors: InputFailure[] = [];
  for (const input of inputs) {
    if (!input.ok) {
      errors.push({ source: input.source, code: input.code, reason: input.reason });
      continue;
    }
    const result = scan(input.text, { source: input.source });
    documents.push({ source: input.source, records: result.records, pages: result.pages });
  }
  if (options.format === 'json') {
    io.stdout(`${JSON.stringify({ documents, errors }, null, 2)}\n`);
  } else {
    for (const doc of documents) for (const r of doc.records) io.stdout(`${textLine(doc.source, r)}\n`);
  }
  for (const e of errors) io.stderr(`redaction-audit: ${e.source}: ${e.reason} (${e.code})\n`);
  return errors.length > 0 ? EXIT_FAILURE : EXIT_OK;
}

async function runEval(goldPath: string, options: { dir?: string; errors?: boolean; minF1?: string }, io: CliIo): Promise<number> {
  let jsonl: string;
  try {
    jsonl = await readFile(goldPath, 'utf8');
  } catch (error) {
    io.stderr(`redaction-audit: ${goldPath}: cannot read the gold file: ${(error as Error).message}\n`);
    return EXIT_FAILURE;
  }
  const { documents, issues } = parseGold(jsonl);
  for (const issue of issues) io.stderr(`redaction-audit: ${goldPath}:${issue.line}: ${issue.message}\n`);
  const dir = options.dir ?? dirname(goldPath);
  const predicted = new Map<string, { text: string; records: MarkerRecord[] }>();
  let failed = issues.length > 0;
  for (const doc of documents) {
    const input = await readDocument(join(dir, doc.file));
    if (!input.ok) {
      io.stderr(`redaction-audit: ${input.source}: ${input.reason} (${input.code})\n`);
      failed = true;
      continue;
    }
    predicted.set(doc.file, { text: input.text, records: scan(input.text, { source: doc.file }).records });
  }
  const report = evaluateAccuracy(documents, predicted);
  io.stdout(`${formatAccuracy(report, goldPath)}\n`);
  if (options.errors) {
    for (const e of report.errors) io.stdout(`${e.kind === 'false-positive' ? 'FP' : 'FN'}  ${e.file}@${e.start}  ${e.family}:${e.code}  ${JSON.stringify(e.text.slice(0, 80))}\n`);
    for (const n of report.negativeHits) io.stdout(`NEG ${n.file}@${n.start}  ${n.key}  in ${JSON.stringify(n.phrase)}\n`);
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

function buildProgram(io: CliIo, done: (code: number) => void): Command {
  const program = new Command('redaction-audit')
    .description('Find, normalize and check the markings of declassified US government documents.')
    .version(VERSION, '-v, --version')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(run redaction-audit --help for usage)');
  program
    .command('scan')
    .description('find every marking in documents and print one record per marking')
    .argument('<paths...>', 'files, directories (their .txt/.md files, recursively) or - for standard input')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addHelpText('after', '\nExamples:\n  redaction-audit scan examples/documents\n  redaction-audit scan report.txt --format json\n  pdftotext doc.pdf - | redaction-audit scan -')
    .action(async (paths: string[], options: { format: 'json' | 'text' }) => done(await runScan(paths, options, io)));
  program
    .command('eval')
    .description('score the scanner against a gold annotation file (JSON Lines) and print precision/recall per family')
    .argument('<gold>', 'gold.jsonl in the ../shared/corpus/dev format')
    .option('-d, --dir <dir>', 'where the documents are (default: beside the gold file)')
    .option('-e, --errors', 'list every false positive and false negative')
    .option('--min-f1 <number>', 'exit 1 when the overall micro-F1 is below this')
    .action(async (gold: string, options: { dir?: string; errors?: boolean; minF1?: string }) => done(await runEval(gold, options, io)));
  program
    .command('check')
    .description('check documents against rule sets and print the findings')
    .argument('<paths...>', 'files, directories (their .txt/.md files, recursively) or - for standard input')
    .option('-r, --rules <file|name>', 'a rule-set file or built-in name (repeatable; default: recommended)', (value: string, previous: string[] = []) => [...previous, value])
    .addOption(new Option('--fail-on <severity>', 'exit 1 when a finding is at least this severe').choices(['error', 'warning', 'info']).default('error'))
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--document-date <date>', "the documents' own date, YYYY-MM-DD or YYYY (wins over dates read from the text)")
    .option('--review-date <date>', 'the review or release date, YYYY-MM-DD or YYYY (wins over dates read from the text)')
    .option('--baseline <file>', 'hide the findings recorded in this baseline file; report entries that no longer match')
    .option('--write-baseline <file>', 'record the current findings in a baseline file (and exit 0)')
    .addHelpText(
      'after',
      '\nExamples:\n  redaction-audit check examples/documents\n  redaction-audit check memo.txt --rules strict --fail-on warning\n  redaction-audit check memo.txt --rules ./agency.yaml --review-date 1998-01-01 --format json\n\nExit codes: 0 nothing at or above --fail-on; 1 findings; 2 usage, rule-set or input errors.',
    )
    .action(async (paths: string[], options: CheckCliOptions) => done(await runCheck(paths, options, io)));
  program
    .command('test-rules')
    .description("run the `tests:` cases of rule-set files (default: every built-in rule set)")
    .argument('[rule-sets...]', 'rule-set files or built-in names')
    .action(async (sets: string[]) => done(await runTestRules(sets, io)));
  return program;
}

/** Runs the command line with `argv` (without the node and script paths) and resolves to the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let code = EXIT_OK;
  const program = buildProgram(io, (c) => {
    code = c;
  });
  if (argv.length === 0) {
    program.outputHelp();
    return EXIT_FAILURE;
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help' ? EXIT_OK : EXIT_FAILURE;
    }
    throw error;
  }
  return code;
}
