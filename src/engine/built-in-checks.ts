import type { CheckKind } from './check-kind.js';
import { allowedCodesCheck } from './checks/allowed-codes.js';
import { coOccurrenceCheck, exclusiveCheck } from './checks/co-occurrence.js';
import { consistencyCheck } from './checks/consistency.js';
import { countCheck } from './checks/count.js';
import { forbidCheck } from './checks/forbid.js';
import { lowConfidenceCheck } from './checks/low-confidence.js';
import { nearCheck } from './checks/near.js';
import { requireAttributeCheck } from './checks/require-attribute.js';
import { requireCheck } from './checks/require.js';
import { validPeriodCheck } from './checks/valid-period.js';

/**
 * The built-in check kinds of the main entry, by name. `pattern` (user regular expressions on the
 * linear-time RE2 engine, 150 kB minified) is not among them, so that the main entry stays light
 * in a browser: it lives in `redaction-audit/pattern` ({@link SEPARATE_CHECKS}); the node
 * entry's rule-set functions and the CLI load it themselves.
 */
export const BUILT_IN_CHECKS: ReadonlyMap<string, CheckKind> = new Map<string, CheckKind>(
  [
    forbidCheck,
    requireCheck,
    nearCheck,
    requireAttributeCheck,
    allowedCodesCheck,
    validPeriodCheck,
    coOccurrenceCheck,
    exclusiveCheck,
    countCheck,
    consistencyCheck,
    lowConfidenceCheck,
  ].map((c) => [c.kind, c as unknown as CheckKind]),
);

/**
 * Check kinds that rule files may name but that live in an entry of their own, by kind: the
 * entry to import the kind from. A rule naming one that was not passed in `checks` gets a
 * `check-not-loaded` issue saying where it is.
 */
export const SEPARATE_CHECKS: ReadonlyMap<string, string> = new Map([['pattern', 'redaction-audit/pattern']]);
