import * as z from 'zod';
import { RuleSeveritySchema } from '../core/severity.js';
import { SelectorListSchema } from '../engine/selector.js';
import { WhenSchema } from '../engine/when.js';

/** Rule ids are kebab-case and stable once published: `redact-no-code`, `eo-oadr-after-1995`. */
export const RuleIdSchema = z.string().regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, 'rule ids are kebab-case, like "redact-no-code"');

const ruleFields = {
  /** What the rule checks, in one sentence. */
  description: z.string().min(1),
  /** `error`, `warning`, `info`, or `off` to disable. */
  severity: RuleSeveritySchema,
  /** What the finding says; may use placeholders such as `{{code}}`, `{{raw}}`, `{{label}}`, `{{date}}`. */
  message: z.string().min(1),
  /** A link explaining the rule: an `https:` or `http:` address (it becomes a link in SARIF and Markdown, so `javascript:` and `data:` are refused). */
  url: z.url({ protocol: /^https?$/, error: 'url must be an https: or http: address, like https://www.justice.gov/oip' }).meta({ pattern: '^[Hh][Tt][Tt][Pp][Ss]?://' }).optional(),
  /** The citation the rule rests on: statute, Executive Order section, CFR part. */
  authority: z.string().min(1).optional(),
  /** The check kind: forbid, require, near, require-attribute, allowed-codes, valid-period, co-occurrence, exclusive, count, consistency, low-confidence, pattern, or a registered custom kind. */
  check: z.string().min(1).meta({
    examples: ['forbid', 'require', 'near', 'require-attribute', 'allowed-codes', 'valid-period', 'co-occurrence', 'exclusive', 'count', 'consistency', 'low-confidence', 'pattern'],
  }),
  /** The check's options (each kind has its own). */
  options: z.record(z.string(), z.unknown()).optional(),
  /** Which records the rule looks at (default: every marking, editorial record and portion mark). */
  where: SelectorListSchema.optional(),
  /** When the rule applies to a document at all. */
  when: WhenSchema.optional(),
  /** `each` result is a finding (default), or one finding per page or per document. */
  report: z.enum(['each', 'once-per-page', 'once']).optional(),
  /** Leave out records read with a confidence below this (0–1; default: the rule set's `minConfidence`, else 0). */
  minConfidence: z.number().min(0).max(1).optional(),
};

/** A complete rule definition. */
export const RuleSchema = z.strictObject(ruleFields).refine((r) => r.url !== undefined || r.authority !== undefined, {
  message: 'a rule needs a citation: give `authority` (statute, E.O. section, CFR) or `url`',
  path: ['authority'],
});
/** A complete rule; see {@link RuleSchema}. */
export type Rule = z.infer<typeof RuleSchema>;

/** An override of a rule defined by an extended rule set: any of a rule's keys, each replacing the parent's (`options` keys merge one by one). */
export const RuleOverrideSchema = z.strictObject(ruleFields).partial();
/** A rule override; see {@link RuleOverrideSchema}. */
export type RuleOverride = z.infer<typeof RuleOverrideSchema>;

/** A test case inside a rule-set file: a text, the findings it must give, and the rules that must stay silent. */
export const RuleTestCaseSchema = z
  .strictObject({
    /** A name shown when the case fails. */
    name: z.string().optional(),
    /** The document text. */
    text: z.string(),
    /** The document date to assume, `YYYY-MM-DD` or `YYYY`. */
    documentDate: z.string().optional(),
    /** The review date to assume, `YYYY-MM-DD` or `YYYY`. */
    reviewDate: z.string().optional(),
    /** Findings that must appear: a rule id and, optionally, the 1-based line. For each rule named here, no other finding of it may appear. */
    expect: z.array(z.strictObject({ rule: RuleIdSchema, line: z.number().int().positive().optional() })).default([]),
    /** Rules that must not fire on this text. */
    absent: z.array(RuleIdSchema).default([]),
  })
  .refine((t) => t.expect.length > 0 || t.absent.length > 0, { message: 'a test case needs `expect` or `absent`', path: ['expect'] });
/** A rule-set test case; see {@link RuleTestCaseSchema}. */
export type RuleTestCase = z.infer<typeof RuleTestCaseSchema>;

/**
 * A rule-set file. `extends` names built-in sets (`redaction-audit:recommended`) or paths
 * relative to the file; `rules` maps rule ids to a definition, an override of an extended
 * rule, or just a severity (`redact-no-code: off`).
 */
export const RuleSetFileSchema = z.strictObject({
  /** The JSON Schema, for editors. */
  $schema: z.string().optional(),
  name: z.string().min(1).optional(),
  description: z.string().optional(),
  extends: z.union([z.string().min(1), z.array(z.string().min(1))]).optional(),
  /** Every rule of the set, its own and those it extends, leaves out records below this confidence (0–1), unless the rule gives its own `minConfidence`. */
  minConfidence: z.number().min(0).max(1).optional(),
  rules: z.record(RuleIdSchema, z.union([RuleSeveritySchema, RuleOverrideSchema])).optional(),
  tests: z.array(RuleTestCaseSchema).optional(),
});
/** A rule-set file as written; see {@link RuleSetFileSchema}. */
export type RuleSetFile = z.infer<typeof RuleSetFileSchema>;

/** The JSON Schema of rule-set files (draft 2020-12), generated from {@link RuleSetFileSchema}; shipped as `rules/rule-set.schema.json`. */
export function ruleSetJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(RuleSetFileSchema, { io: 'input', unrepresentable: 'any' }),
    $id: 'https://unpkg.com/redaction-audit/rules/rule-set.schema.json',
    title: 'redaction-audit rule set',
  };
}
