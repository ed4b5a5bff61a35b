import { access, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { escapeText } from '../report/formatters/format-text.js';
import { EXIT_FAILURE, EXIT_OK, type CliIo } from './cli-io.js';

/** The rule set `init` writes: extends `recommended`, with one override, one rule of its own and a test for it. */
export const STARTER_RULE_SET = `# yaml-language-server: $schema=./node_modules/redaction-audit/rules/rule-set.schema.json
# A rule set for redaction-audit. Check documents with it:
#   npx redaction-audit check docs/          (the config file beside it names this file)
# Run its tests:
#   npx redaction-audit test-rules ./redaction-audit.rules.yaml
# Format, check kinds and placeholders: the "Rule-file format" section of
# node_modules/redaction-audit/README.md.
name: my-rules
description: Our agency's checks on top of the recommended set.

extends: redaction-audit:recommended

rules:
  # Change a built-in rule: a severity alone, or any of its keys.
  redact-no-code: error

  # A rule of your own: forbid an exemption your agency never cites.
  no-exemption-b8:
    description: Exemption 8 (financial institutions) on a release of ours.
    severity: warning
    message: "{{raw}} cites Exemption 8, which we never use; check the scan for an OCR error."
    authority: 5 U.S.C. 552(b)(8)
    check: forbid
    where: { family: foia, code: b8 }

tests:
  - text: "[REDACTED] (b)(8)"
    expect: [{ rule: no-exemption-b8, line: 1 }]
  - text: "[REDACTED] (b)(6)"
    absent: [no-exemption-b8]
`;

/** The config file `init` writes beside the working directory, naming the starter rule set at `rulesRef` (a path relative to the config). */
export function starterConfig(rulesRef: string): string {
  return `# yaml-language-server: $schema=./node_modules/redaction-audit/rules/config.schema.json
# redaction-audit's config. \`redaction-audit check <paths>\` (and scan, summary) find this file by
# looking from the working directory up to the repository root; command-line flags win over it.
# Paths and globs are relative to this file. Keys: the "Config file" section of
# node_modules/redaction-audit/README.md.

# The rule sets to check against: built-ins (redaction-audit:<name>) or files.
extends:
  - ${JSON.stringify(rulesRef)}

# Which files of a directory are documents (default: .txt, .text, .md and .markdown files except
# README.md, and PDFs).
# files: ["**/*.txt", "**/*.pdf"]

# Never read these (gitignore syntax, as in .redaction-auditignore).
ignores:
  - "drafts/**"

# Exit 1 when a finding is at least this severe (error, warning or info).
failOn: error

# Settings per path, applied in order (a later one wins).
# overrides:
#   - files: ["frus/**"]
#     extends: [redaction-audit:frus]
#   - files: ["crest/**"]
#     extends: [redaction-audit:cia-crest]
#     reviewDate: "2004"
`;
}

/** The config file `init` writes, in the working directory. */
export const INIT_CONFIG_FILE = 'redaction-audit.config.yaml';

/** True when a file exists. */
async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/**
 * The `init` command: writes a config file (`redaction-audit.config.yaml`, in the working
 * directory) and the starter rule set it names (`file`); refuses to overwrite either unless
 * `--force`.
 */
export async function runInit(file: string, options: { force?: boolean }, io: CliIo): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  const rulesPath = resolve(cwd, file);
  const configPath = join(cwd, INIT_CONFIG_FILE);
  for (const path of [configPath, rulesPath]) {
    if ((await exists(path)) && !options.force) {
      io.stderr(`redaction-audit: ${escapeText(relative(cwd, path) || path)} already exists; pass --force to overwrite it\n`);
      return EXIT_FAILURE;
    }
  }
  const rel = relative(dirname(configPath), rulesPath).split(sep).join('/');
  const rulesRef = rel.startsWith('../') || rel.startsWith('/') ? rel : `./${rel}`;
  for (const [path, text] of [[rulesPath, STARTER_RULE_SET], [configPath, starterConfig(rulesRef)]] as const) {
    try {
      await writeFile(path, text);
    } catch (error) {
      io.stderr(`redaction-audit: ${escapeText(`${path}: cannot write: ${(error as Error).message}`)}\n`);
      return EXIT_FAILURE;
    }
  }
  const shown = escapeText(file);
  io.stdout(`wrote ${escapeText(INIT_CONFIG_FILE)} and ${shown}\nnext: redaction-audit check <documents>   (uses ${escapeText(INIT_CONFIG_FILE)})\n      redaction-audit test-rules ${shown}\n`);
  return EXIT_OK;
}
