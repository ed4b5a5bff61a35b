import type { CheckKind } from './check-kind.js';
import { allowedCodesCheck } from './checks/allowed-codes.js';
import { coOccurrenceCheck, exclusiveCheck } from './checks/co-occurrence.js';
import { consistencyCheck } from './checks/consistency.js';
import { countCheck } from './checks/count.js';
import { forbidCheck } from './checks/forbid.js';
import { lowConfidenceCheck } from './checks/low-confidence.js';
import { nearCheck } from './checks/near.js';
import { patternCheck } from './checks/pattern.js';
import { requireAttributeCheck } from './checks/require-attribute.js';
import { requireCheck } from './checks/require.js';
import { validPeriodCheck } from './checks/valid-period.js';

/** The built-in check kinds, by name. */
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
    patternCheck,
  ].map((c) => [c.kind, c as unknown as CheckKind]),
);
