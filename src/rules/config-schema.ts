import * as z from 'zod';
import { explicitDate } from '../assess/assess.js';
import { SeveritySchema } from '../core/severity.js';

/** A glob, or a list of them, matched against paths relative to the config file's directory (`frus/**`, `**\/*.txt`). */
const GlobsSchema = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);

/** Rule sets by name (`redaction-audit:frus`, `strict`) or by path relative to the config file. */
const RuleSetRefsSchema = z.union([z.string().min(1), z.array(z.string().min(1))]);

/** A date as `--document-date` takes it: `YYYY-MM-DD` (a real day) or `YYYY`. */
const ConfigDateSchema = z.string().refine(
  (value) => {
    try {
      explicitDate(value, 'date');
      return true;
    } catch {
      return false;
    }
  },
  { message: 'a date is written YYYY-MM-DD (a real day) or YYYY, like "1998-01-31" or "1962"' },
);

/**
 * Settings for the documents whose paths match `files` (and none of `ignores`), relative to
 * the config file's directory. Later overrides win over earlier ones and over the top level.
 */
export const ConfigOverrideSchema = z.strictObject({
  /** The documents this override applies to: globs relative to the config file. */
  files: GlobsSchema,
  /** Documents among them it does not apply to. */
  ignores: GlobsSchema.optional(),
  /** Rule sets checked on these documents after the top level's (a later set's rule replaces an earlier one of the same id). */
  extends: RuleSetRefsSchema.optional(),
  /** The documents' own date, YYYY-MM-DD or YYYY (as `--document-date`). */
  documentDate: ConfigDateSchema.optional(),
  /** Their review or release date, YYYY-MM-DD or YYYY (as `--review-date`). */
  reviewDate: ConfigDateSchema.optional(),
});
/** One per-path override of a config file; see {@link ConfigOverrideSchema}. */
export type ConfigOverride = z.infer<typeof ConfigOverrideSchema>;

/**
 * A config file (`redaction-audit.config.yaml` or `.redaction-audit.yaml`), found by the CLI by
 * walking up from the working directory to the repository root. Paths and globs are relative to
 * the file's directory; command-line flags win over it.
 */
export const ConfigFileSchema = z.strictObject({
  /** The JSON Schema, for editors. */
  $schema: z.string().optional(),
  /** The rule sets `check` uses (default `redaction-audit:recommended`); `--rules` replaces them. */
  extends: RuleSetRefsSchema.optional(),
  /** Which files in a directory are documents (default: `.txt`, `.text`, `.md`, `.markdown` but not README.md, and PDFs). */
  files: GlobsSchema.optional(),
  /** Files and directories never read when a directory or glob is expanded (gitignore-style globs, as `.redaction-auditignore`). */
  ignores: GlobsSchema.optional(),
  /** The `--fail-on` severity when the flag is not given (default `error`). */
  failOn: SeveritySchema.optional(),
  /** The `--max-warnings` count when the flag is not given: more warnings than this fail the run. */
  maxWarnings: z.number().int().min(0).optional(),
  /** The `--min-confidence` threshold (0 to 1) when the flag is not given: records below it are left out of scan, check and summary. */
  minConfidence: z.number().min(0).max(1).optional(),
  /** Every document's own date, YYYY-MM-DD or YYYY, unless an override or `--document-date` says otherwise. */
  documentDate: ConfigDateSchema.optional(),
  /** Every document's review or release date, unless an override or `--review-date` says otherwise. */
  reviewDate: ConfigDateSchema.optional(),
  /** Settings per path, applied in order. */
  overrides: z.array(ConfigOverrideSchema).optional(),
});
/** A config file as written; see {@link ConfigFileSchema}. */
export type ConfigFile = z.infer<typeof ConfigFileSchema>;

/** The JSON Schema of config files (draft 2020-12), generated from {@link ConfigFileSchema}; shipped as `rules/config.schema.json`. */
export function configJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(ConfigFileSchema, { io: 'input', unrepresentable: 'any' }),
    $id: 'https://unpkg.com/redaction-audit/rules/config.schema.json',
    title: 'redaction-audit config',
  };
}
