import type { Severity } from '../core/severity.js';
import type { CheckKind } from './check-kind.js';
import type { MessageTemplate } from './message-template.js';
import type { RecordPredicate } from './selector.js';
import type { DocumentPredicate } from './when.js';

/**
 * How a rule turns check results into findings: `each` result is a finding (default), or the
 * results are merged into one finding per page (`once-per-page`) or per document (`once`).
 */
export type ReportMode = 'each' | 'once-per-page' | 'once';

/** A rule ready to run: options validated, selectors, condition and message compiled. Made by `compileRuleSet`. */
export interface CompiledRule {
  readonly id: string;
  readonly severity: Severity;
  readonly description: string;
  readonly url: string | null;
  readonly authority: string | null;
  readonly message: MessageTemplate;
  /** The records the rule looks at (its `where`). */
  readonly where: RecordPredicate;
  /** Whether the rule applies to a document (its `when`). */
  readonly when: DocumentPredicate;
  readonly check: CheckKind;
  /** The check's options after parsing by its schema. */
  readonly options: unknown;
  readonly report: ReportMode;
  /** Records read with a confidence below this are left out of the rule's subjects and selections (0 keeps all). */
  readonly minConfidence: number;
  /** The dates the rule's `when` judges by: findings of a document whose such date is not explicit evidence are `warning` at most. */
  readonly whenDates: ReadonlyArray<'documentDate' | 'reviewDate'>;
}
