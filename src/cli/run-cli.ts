import { availableParallelism } from 'node:os';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { formatCalibration, measureCalibration, type ScoredPrediction } from '../accuracy/measure-calibration.js';
import { SEVERITIES } from '../core/severities.js';
import { VERSION } from '../core/version.js';
import { CSV_TABLES } from '../report/formatters/format-csv.js';
import type { CliIo } from './cli-io.js';
import { EXIT_FAILURE, EXIT_OK } from './exit-codes.js';
import { loadCommand } from './start-timing.js';
import type { CheckCliOptions } from './run-check.js';
import type { RulesCliOptions } from './run-rules.js';
import type { ScanCliOptions } from './run-scan.js';
import type { SummaryCliOptions } from './run-summary.js';
export { EXIT_FAILURE, EXIT_FINDINGS, EXIT_OK } from './exit-codes.js';
export type { CliIo } from './cli-io.js';

// Each command's module is imported when the command runs (the build splits them into chunks),
// so `--version`, `--help` and usage errors load commander alone, not the reader, the scanner,
// zod or the rule sets.

const PATHS_HELP = 'files (text or PDF), directories (their .txt/.md files and PDFs, recursively), glob patterns in quotes ("docs/**/*.pdf"), or - for standard input';

/** The options every reporting command takes: where to write, colour, quiet, progress. */
function withOutputOptions(command: Command): Command {
  return command
    .option('-o, --output <file>', 'write the report to this file instead of standard output')
    .option('--color', 'colour the text output (default: when standard output is a terminal and NO_COLOR is unset)')
    .option('--no-color', 'never colour the output')
    .option('-q, --quiet', 'report errors only (check), and print no progress or notes on standard error')
    .option('--no-progress', 'no progress bar, even on a terminal');
}

/** `--stdin-filename` for the commands that read documents: the name standard input is reported under. */
function withStdinFilename(command: Command): Command {
  return command.option('--stdin-filename <name>', 'the name to report standard input (-) under, text or PDF (default: -)');
}

/** `--config`, `--no-config` and `--ignore-pattern`, for the commands that read documents (kept apart from the other options: see load-config.ts). */
function withConfigOptions(command: Command): Command {
  return command
    .option('-c, --config <file>', 'use this config file (default: redaction-audit.config.yaml or .redaction-audit.yaml, looked for from the working directory up to the repository root)')
    .option('--no-config', 'use no config file')
    .option(
      '--ignore-pattern <pattern>',
      'leave out files matching this pattern (gitignore syntax, relative to the working directory; repeatable), besides the config\'s ignores and .redaction-auditignore',
      (value: string, previous: string[] = []) => [...previous, value],
    );
}

/** Reads `--max-warnings`: a whole number, 0 or more. */
function parseMaxWarnings(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number, 0 or more');
  return n;
}

/** `--show-hidden-text`: quote the text found under PDF redaction boxes (off by default: no output repeats it). */
function withShowHiddenText(command: Command): Command {
  return command.option('--show-hidden-text', 'quote a short excerpt of the text found under PDF redaction boxes (default: never shown, only counted)');
}

/** Reads `--jobs`: a whole number from 1 to 256. */
function parseJobs(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 256) throw new InvalidArgumentError('expected a whole number from 1 to 256');
  return n;
}

/** Reads `--min-confidence`: a number from 0 to 1. */
function parseConfidence(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1) throw new InvalidArgumentError('expected a number from 0 to 1, such as 0.9');
  return n;
}

/** `--min-confidence` for the commands that report records: leave out those read with a lower confidence. */
function withMinConfidence(command: Command): Command {
  return command.addOption(
    new Option('--min-confidence <n>', 'leave out records read with a confidence below this, 0 to 1 (0.9: exact spellings in a marking position; see the README, "Confidence"; default: minConfidence in the config file, else none)').argParser(parseConfidence),
  );
}

/**
 * The default of `--jobs`: the cores, but 1 on a machine of two cores or fewer, where two busy
 * threads do less than twice the work of one (0.8–0.9× measured) and handing results back costs more.
 */
export function defaultJobs(cores: number = availableParallelism()): number {
  return cores <= 2 ? 1 : cores;
}

/** `--jobs` for the commands that read documents: how many worker threads analyze them. */
function withJobsOption(command: Command): Command {
  return command.addOption(
    new Option(
      '-j, --jobs <n>',
      'analyze the inputs on up to this many worker threads (never more than the cores); the output is the same as with 1. More helps with many files on 4 cores or more; on 2 cores it does not',
    )
      .default(defaultJobs(), 'the number of cores, or 1 on 2 cores or fewer')
      .argParser(parseJobs),
  );
}

/** `--allow-extends`, for the commands that load rule files. */
function withAllowExtends(command: Command): Command {
  return command.option(
    '--allow-extends <dir>',
    'let rule files extend files under this directory too (repeatable; default: only files under the directory of each --rules file)',
    (value: string, previous: string[] = []) => [...previous, value],
  );
}

const EXIT_HELP = '\nExit codes: 0 nothing at or above --fail-on; 1 findings at or above it; 2 usage, rule-set or input errors (the other inputs are still checked).';

function buildProgram(io: CliIo, done: (code: number) => void): Command {
  const program = new Command('redaction-audit')
    .description('Find, normalize, check and summarize the markings of declassified US government documents:\nFOIA and Privacy Act exemptions, E.O. declassification codes, classification banners, control\nmarkings, review stamps and redaction placeholders.')
    .version(VERSION, '-v, --version')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(run redaction-audit --help for usage)')
    .addHelpText(
      'after',
      '\nExamples:\n  redaction-audit scan examples/documents\n  redaction-audit check "docs/**/*.txt" --rules strict --format sarif -o results.sarif\n  redaction-audit summary examples/documents --format markdown\n  redaction-audit rules --explain redact-no-code\n  redaction-audit init\n\nRun redaction-audit <command> --help for the options of each command.',
    );

  withMinConfidence(withConfigOptions(withShowHiddenText(withStdinFilename(withJobsOption(withOutputOptions(
    program
      .command('scan')
      .description('find every marking and print one record per marking')
      .argument('<paths...>', PATHS_HELP)
      .addOption(new Option('-f, --format <format>', 'output format: text, json, or jsonl (JSON Lines: one record per line with its source, for DuckDB, pandas or BigQuery)').choices(['text', 'json', 'jsonl']).default('text')),
  ))))))
    .addHelpText('after', '\nExamples:\n  redaction-audit scan examples/documents\n  redaction-audit scan release.pdf --format json -o records.json\n  curl -s https://example.org/doc.pdf | redaction-audit scan - --stdin-filename doc.pdf\n\nExit codes: 0 every input scanned; 2 usage errors or an input that could not be read.')
    .action(async (paths: string[], options: ScanCliOptions) => done(await (await loadCommand(import('./run-scan.js'))).runScan(paths, options, io)));

  withMinConfidence(withConfigOptions(withAllowExtends(withShowHiddenText(withStdinFilename(withJobsOption(withOutputOptions(
    program
      .command('check')
      .description('check documents against rule sets and report the findings')
      .argument('<paths...>', PATHS_HELP)
      .option('-r, --rules <file|name>', "a rule-set file or built-in name (repeatable; default: the config's extends, else recommended)", (value: string, previous: string[] = []) => [...previous, value])
      .addOption(new Option('--fail-on <severity>', "exit 1 when a finding is at least this severe (default: the config's failOn, else error)").choices(SEVERITIES))
      .addOption(new Option('--max-warnings <n>', "exit 1 when more than this many warnings are reported (default: the config's maxWarnings, else no limit)").argParser(parseMaxWarnings))
      .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'markdown', 'sarif', 'github']).default('text'))
      .option('--document-date <date>', "the documents' own date, YYYY-MM-DD or YYYY (wins over dates read from the text)")
      .option('--review-date <date>', 'the review or release date, YYYY-MM-DD or YYYY (wins over dates read from the text)')
      .option('--baseline <file>', 'hide the findings recorded in this baseline file; report entries that no longer match')
      .option('--write-baseline <file>', 'record the current findings in a baseline file (and exit 0)'),
  )))))))
    .addHelpText(
      'after',
      `\nExamples:\n  redaction-audit check examples/documents\n  redaction-audit check release.pdf             # PDFs are read directly; boxes over live text are errors\n  redaction-audit check memo.txt --rules strict --fail-on warning\n  redaction-audit check memo.txt --rules ./agency.yaml --review-date 1998-01-01 --format json\n  redaction-audit check "releases/**/*.txt" --format sarif -o redaction-audit.sarif\n  redaction-audit check docs --format github      # annotations in a GitHub Actions job\n${EXIT_HELP}`,
    )
    .action(async (paths: string[], options: CheckCliOptions) => done(await (await loadCommand(import('./run-check.js'))).runCheck(paths, options, io)));

  withMinConfidence(withConfigOptions(withStdinFilename(withJobsOption(withOutputOptions(
    program
      .command('summary')
      .description('summarize exemptions: counts per code, document and page, co-cited codes, withheld extent, and the withholding index')
      .argument('<paths...>', PATHS_HELP)
      .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'markdown', 'csv']).default('text'))
      .addOption(new Option('--table <table>', 'the table a CSV holds').choices([...CSV_TABLES]).default('codes')),
  )))))
    .addHelpText(
      'after',
      '\nExamples:\n  redaction-audit summary examples/documents\n  redaction-audit summary releases --format markdown -o summary.md\n  redaction-audit summary releases --format csv --table withholdings -o vaughn-index.csv\n\nExit codes: 0 every input summarized; 2 usage errors or an input that could not be read.',
    )
    .action(async (paths: string[], options: SummaryCliOptions) => done(await (await loadCommand(import('./run-summary.js'))).runSummary(paths, options, io)));

  withAllowExtends(program
    .command('rules')
    .description('list rule sets and their rules, or explain one rule with its check and citation')
    .argument('[rule-sets...]', 'rule-set files or built-in names (default: every built-in set)')
    .option('-e, --explain <rule-id>', 'explain one rule')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('-o, --output <file>', 'write to this file instead of standard output'))
    .addHelpText('after', '\nExamples:\n  redaction-audit rules\n  redaction-audit rules strict\n  redaction-audit rules --explain eo-oadr-after-1995\n  redaction-audit rules ./agency.yaml --format json')
    .action(async (sets: string[], options: RulesCliOptions) => done(await (await loadCommand(import('./run-rules.js'))).runRules(sets, options, io)));

  program
    .command('init')
    .description('write a config file (redaction-audit.config.yaml, here) and a starter rule set it names, which extends recommended')
    .argument('[file]', 'where to write the rule set', 'redaction-audit.rules.yaml')
    .option('--force', 'overwrite the files if they exist')
    .action(async (file: string, options: { force?: boolean }) => done(await (await loadCommand(import('./run-init.js'))).runInit(file, options, io)));

  withAllowExtends(program
    .command('test-rules')
    .description('run the `tests:` cases of rule-set files (default: every built-in rule set)')
    .argument('[rule-sets...]', 'rule-set files or built-in names'))
    .addHelpText('after', '\nExit codes: 0 every case passed; 1 a case failed; 2 a rule set does not load.')
    .action(async (sets: string[], options: { allowExtends?: string[] }) => done(await (await loadCommand(import('./run-test-rules.js'))).runTestRules(sets, io, options.allowExtends)));

  program
    .command('eval')
    .description('score the scanner against gold annotation files (JSON Lines) and print precision/recall per family for each')
    .argument('<gold...>', 'gold files (JSON Lines; format below)')
    .addHelpText(
      'after',
      '\nGold file format: one JSON object per line, a document and its hand-annotated markers:\n  {"file": "memo.txt", "markers": [{"start": 0, "end": 6, "text": "SECRET", "family": "classification", "code": "S"}]}\n"file" is read beside the gold file (or under --dir); start and end are 0-based UTF-16 offsets into it, end\nexclusive; a marker with "optional": true is neither missed nor extra; "negatives" lists exact strings that\nlook like markers but are not.\n\nExit codes: 0 scored; 1 a set\'s micro-F1 is below --min-f1; 2 a file cannot be read or a line is not valid.',
    )
    .option('-d, --dir <dir>', 'where the documents are (default: beside each gold file)')
    .option('-e, --errors', 'list every false positive and false negative')
    .option('--min-f1 <number>', 'exit 1 when a set\'s overall micro-F1 is below this')
    .action(async (golds: string[], options: { dir?: string; errors?: boolean; minF1?: string }) => {
      const { runEval } = await loadCommand(import('./run-eval.js'));
      let code = EXIT_OK;
      const scored: ScoredPrediction[] = [];
      for (const [i, gold] of golds.entries()) {
        if (i > 0) io.stdout('\n');
        code = Math.max(code, await runEval(gold, options, io, scored));
      }
      if (golds.length > 1) io.stdout(`\n${formatCalibration(measureCalibration(scored), `reliability over all ${golds.length} gold files`)}\n`);
      done(code);
    });
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
