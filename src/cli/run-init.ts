import { access, writeFile } from 'node:fs/promises';
import { escapeText } from '../report/formatters/format-text.js';
import { EXIT_FAILURE, EXIT_OK, type CliIo } from './cli-io.js';

/** The rule set `init` writes: extends `recommended`, with one override, one rule of its own and a test for it. */
export const STARTER_RULE_SET = `# yaml-language-server: $schema=./node_modules/redaction-audit/rules/rule-set.schema.json
# A rule set for redaction-audit. Check documents with it:
#   npx redaction-audit check docs/ --rules ./redaction-audit.yaml
# Run its tests:
#   npx redaction-audit test-rules ./redaction-audit.yaml
# Format, check kinds and placeholders: https://www.npmjs.com/package/redaction-audit#rule-sets
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

/** The `init` command: writes a starter rule set; refuses to overwrite a file unless `--force`. */
export async function runInit(file: string, options: { force?: boolean }, io: CliIo): Promise<number> {
  const exists = await access(file).then(
    () => true,
    () => false,
  );
  if (exists && !options.force) {
    io.stderr(`redaction-audit: ${escapeText(file)} already exists; pass --force to overwrite it\n`);
    return EXIT_FAILURE;
  }
  try {
    await writeFile(file, STARTER_RULE_SET);
  } catch (error) {
    io.stderr(`redaction-audit: ${escapeText(`${file}: cannot write: ${(error as Error).message}`)}\n`);
    return EXIT_FAILURE;
  }
  const shown = escapeText(file);
  io.stdout(`wrote ${shown}\nnext: redaction-audit check <documents> --rules ${shown}\n      redaction-audit test-rules ${shown}\n`);
  return EXIT_OK;
}
