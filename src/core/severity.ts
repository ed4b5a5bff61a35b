import * as z from 'zod';
import { SEVERITIES } from './severities.js';

/** How serious a finding is: `error`, `warning` or `info`. Strings, never numbers. */
export const SeveritySchema = z.enum(SEVERITIES);
/** A finding's severity; see {@link SeveritySchema}. */
export type Severity = z.infer<typeof SeveritySchema>;

/** A rule's severity in a rule-set file: a {@link Severity}, or `off` to disable the rule. */
export const RuleSeveritySchema = z.enum(['error', 'warning', 'info', 'off']);
/** A rule's configured severity; see {@link RuleSeveritySchema}. */
export type RuleSeverity = z.infer<typeof RuleSeveritySchema>;

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/** Orders severities from most to least serious (`error` first); a comparator for `Array.prototype.sort`. */
export function compareSeverity(a: Severity, b: Severity): number {
  return RANK[b] - RANK[a];
}

/** True when `severity` is at least as serious as `threshold` (`warning` is at least `info`). */
export function isAtLeast(severity: Severity, threshold: Severity): boolean {
  return RANK[severity] >= RANK[threshold];
}
