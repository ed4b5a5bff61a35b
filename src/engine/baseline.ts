import * as z from 'zod';
import type { Finding } from './finding.js';

/**
 * A baseline: the findings accepted at one point in time, by fingerprint (rule id + codes +
 * normalized line text, never offsets), so they stay hidden while the text around them moves.
 */
export const BaselineSchema = z.strictObject({
  version: z.literal(1),
  entries: z.array(
    z.strictObject({
      fingerprint: z.string().min(1),
      ruleId: z.string(),
      /** The document's source when the baseline was written. */
      source: z.string().nullable(),
      /** The finding's message then, for people reading the file. */
      message: z.string(),
    }),
  ),
});
/** A baseline file; see {@link BaselineSchema}. */
export type Baseline = z.infer<typeof BaselineSchema>;

/** What a baseline entry takes of a finding. */
export type BaselineFinding = Pick<Finding, 'fingerprint' | 'ruleId' | 'source' | 'message'>;

/** Records findings as a baseline, sorted by source, rule id and fingerprint so the file diffs cleanly. */
export function createBaseline(findings: readonly BaselineFinding[]): Baseline {
  const entries = findings.map((f) => ({ fingerprint: f.fingerprint, ruleId: f.ruleId, source: f.source, message: f.message }));
  entries.sort((a, b) => (a.source ?? '').localeCompare(b.source ?? '') || a.ruleId.localeCompare(b.ruleId) || a.fingerprint.localeCompare(b.fingerprint));
  return { version: 1, entries };
}

/** What {@link applyBaseline} returns. */
export interface BaselineResult {
  /** Findings not in the baseline. */
  findings: Finding[];
  /** How many findings the baseline hid. */
  suppressed: number;
  /** Baseline entries that matched no finding: fixed, or changed beyond recognition. */
  stale: Baseline['entries'];
}

/** What {@link createBaselineFilter} keeps: the baseline's keys and which of them matched, never a finding. */
export interface BaselineFilter {
  /** True when the finding is not in the baseline (it stays); false when the baseline hides it. */
  keep(finding: Finding): boolean;
  /** How many findings were hidden so far, and the entries that matched none of them. */
  result(): Pick<BaselineResult, 'suppressed' | 'stale'>;
}

/**
 * {@link applyBaseline} one finding at a time, for a caller that writes each document's findings
 * as they come: it keeps the baseline's keys, the keys matched and a count, so its memory
 * follows the baseline, not the findings. Order does not matter: a finding is hidden when its
 * source and fingerprint are in the baseline.
 */
export function createBaselineFilter(baseline: Baseline): BaselineFilter {
  const key = (source: string | null, fingerprint: string): string => `${source ?? ''}\0${fingerprint}`;
  const known = new Set(baseline.entries.map((e) => key(e.source, e.fingerprint)));
  const matched = new Set<string>();
  let suppressed = 0;
  return {
    keep(f) {
      const k = key(f.source, f.fingerprint);
      if (!known.has(k)) return true;
      matched.add(k);
      suppressed += 1;
      return false;
    },
    result: () => ({ suppressed, stale: baseline.entries.filter((e) => !matched.has(key(e.source, e.fingerprint))) }),
  };
}

/**
 * Hides the findings a baseline records (matched by source and fingerprint) and reports the
 * baseline entries that no longer match any finding.
 */
export function applyBaseline(findings: readonly Finding[], baseline: Baseline): BaselineResult {
  const filter = createBaselineFilter(baseline);
  const kept = findings.filter((f) => filter.keep(f));
  return { findings: kept, ...filter.result() };
}
