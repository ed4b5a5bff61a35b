import * as z from 'zod';
import { RuleSetError } from '../core/errors.js';
import { defineCheck, type CheckKind } from '../engine/check-kind.js';
import { parseRuleSet } from '../rules/parse-rule-set.js';
import { resolveRuleSet, type ResolvedRuleSet } from '../rules/resolve-rule-set.js';
import { PDF_RULE_SET_TEXT } from './pdf-rule-set-text.js';

/** The source name of the PDF rule set, as reports and `redaction-audit rules` show it. */
export const PDF_RULE_SET_SOURCE = 'redaction-audit:pdf';

/** How many characters of hidden text a finding quotes, with `showHiddenText`. */
const EXCERPT_LENGTH = 40;

function describeBox(box: unknown): string {
  return Array.isArray(box) && box.length === 4 ? `[${box.join(', ')}] in PDF units` : 'position unknown';
}

/**
 * `text-under-box`: each selected record (a box read from a PDF, with `attributes.hiddenCharacters`)
 * is a finding; `{{count}}` is the number of recoverable characters and `{{value}}` the box, and
 * a short excerpt of the hidden text only when the record carries it (`showHiddenText`).
 */
export const textUnderBoxCheck = defineCheck({
  kind: 'text-under-box',
  description: 'Each selected redaction box that still has text under it in the text layer.',
  options: z.strictObject({}),
  run: (context) =>
    context.subjects.flatMap((r) => {
      const hidden = r.attributes.hiddenCharacters;
      if (typeof hidden !== 'number' || hidden <= 0) return [];
      const text = r.attributes.hiddenText;
      const excerpt = typeof text === 'string' && text !== '' ? `; under it: "${text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH)}…` : text}"` : '';
      const unapplied = r.attributes.boxSource === 'unapplied-redaction' ? ', a redaction marked but never applied' : '';
      return [{ records: [r], values: { count: hidden, value: `box ${describeBox(r.attributes.box)}${unapplied}${excerpt}` } }];
    }),
});

/** `page-without-text`: each page whose text is empty — in a PDF, a page with no text layer. `{{value}}` is the page number. */
export const pageWithoutTextCheck = defineCheck({
  kind: 'page-without-text',
  description: 'Each page that holds no text.',
  options: z.strictObject({}),
  run: (context) =>
    context.pages
      .filter((page) => context.text.slice(page.start, page.end).trim() === '')
      .map((page) => ({ records: [], span: context.locator.toSpan(page.start, page.start), values: { value: page.number } })),
});

/** The check kinds of the PDF rule set; pass them as `checks` to parse a rule file that uses them. */
export const PDF_CHECKS: readonly CheckKind[] = [textUnderBoxCheck as unknown as CheckKind, pageWithoutTextCheck as unknown as CheckKind];

let cached: ResolvedRuleSet | undefined;

/**
 * The `pdf` rule set (rules/pdf/pdf.yaml), resolved: `pdf-text-under-redaction` (error) and
 * `pdf-page-without-text` (info). `analyzePdf` runs it on every PDF before the rule sets it is
 * given. Throws {@link RuleSetError} only if the packaged file does not load (a bug).
 */
export function getPdfRuleSet(): ResolvedRuleSet {
  if (cached) return cached;
  const parsed = parseRuleSet(PDF_RULE_SET_TEXT, { source: PDF_RULE_SET_SOURCE, checks: PDF_CHECKS });
  const resolved = parsed.ok ? resolveRuleSet(parsed.ruleSet, { checks: PDF_CHECKS }) : parsed;
  if (!resolved.ok) throw new RuleSetError(`the pdf rule set does not load: ${resolved.issues.map((i) => `${i.line}:${i.column} ${i.code} ${i.message}`).join('; ')}`);
  cached = resolved.ruleSet;
  return cached;
}
