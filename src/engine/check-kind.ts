import type * as z from 'zod';
import type { Assessment } from '../assess/assessment.js';
import { InvalidArgumentError } from '../core/errors.js';
import type { Locator, Span } from '../core/position.js';
import type { Severity } from '../core/severity.js';
import type { MarkerRecord, Page } from '../normalize/marker-record.js';
import type { SelectorList } from './selector.js';

/** What a check sees of the document being evaluated. */
export interface CheckContext {
  /** The document's text. */
  readonly text: string;
  /** The document's `source`, or `null`. */
  readonly source: string | null;
  /** Every record of the document, in document order. */
  readonly records: readonly MarkerRecord[];
  /** The records the rule's `where` selects, in document order. */
  readonly subjects: readonly MarkerRecord[];
  readonly pages: readonly Page[];
  readonly assessment: Assessment;
  /** Converts offsets to points in `text`. */
  readonly locator: Locator;
  /** The records matching a selector (or list of selectors), in document order; mentions only when asked for. */
  select(selectors: SelectorList | undefined): MarkerRecord[];
}

/**
 * One result of a check, before it becomes a finding: the records it is about (the first gives
 * the position), or an explicit span for findings not tied to a record, and values for the
 * message's placeholders (`{{count}}`, `{{date}}`, `{{value}}`).
 */
export interface CheckResult {
  records: readonly MarkerRecord[];
  /** Where to point when `records` is empty; the document's start when both are missing. */
  span?: Span;
  values?: Readonly<Record<string, string | number>>;
  /**
   * The most serious severity this result may have: a finding at the rule's severity or this,
   * whichever is milder (a date check whose date is not explicit evidence caps at `warning`).
   */
  atMost?: Severity;
  /** A sentence in parentheses appended to the rule's message: which evidence the result rests on. */
  evidence?: string;
}

/**
 * A kind of check a rule can run, such as `near` or `valid-period`: a kebab-case name, a zod
 * schema for its `options`, and a pure function from the document to results. Built-in kinds
 * are listed in {@link BUILT_IN_CHECKS}; library users add their own with {@link defineCheck}
 * and pass them to `parseRuleSet`/`analyze` as `checks`.
 */
export interface CheckKind<S extends z.ZodType = z.ZodType> {
  /** The name rule files use in `check:`, kebab-case. */
  readonly kind: string;
  /** One line: what the check reports. */
  readonly description: string;
  /** The schema of the rule's `options`; its parse output is what `run` receives. */
  readonly options: S;
  /** Runs the check on one document. Must not throw on any document. */
  run(context: CheckContext, options: z.output<S>): CheckResult[];
}

const KIND_NAME = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/**
 * Declares a check kind, checking its name; the options type flows from the schema to `run`.
 *
 * @example
 * const noStamp = defineCheck({
 *   kind: 'no-stamp-on-page-one',
 *   description: 'The first page carries no review stamp.',
 *   options: z.strictObject({}),
 *   run: (ctx) => (ctx.records.some((r) => r.family === 'stamp' && r.page === 1) ? [] : [{ records: [] }]),
 * });
 */
export function defineCheck<S extends z.ZodType>(check: CheckKind<S>): CheckKind<S> {
  if (!KIND_NAME.test(check.kind)) throw new InvalidArgumentError(`defineCheck: kind must be kebab-case (like "near" or "valid-period"), got "${check.kind}"`);
  return check;
}
