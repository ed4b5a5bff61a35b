import { findCodeRuns } from './code-runs.js';
import type { Detector, Hit } from './hit.js';

/** The Privacy Act exemptions that exist: (d)(5), (j)(1)–(2), (k)(1)–(7). */
const VALID = new Set(['d5', 'j1', 'j2', 'k1', 'k2', 'k3', 'k4', 'k5', 'k6', 'k7']);

/** Detects Privacy Act exemption codes: `(d)(5)`, `(j)(2)`, `(k)(1)` … `(k)(7)`, `552a(k)(5)`, `J1`. */
export const privacyDetector: Detector = {
  id: 'privacy',
  family: 'privacy',
  detect(context) {
    const hits: Hit[] = [];
    for (const run of findCodeRuns(context)) {
      for (const token of run.tokens) {
        if (token.letter !== 'j' && token.letter !== 'k' && token.letter !== 'd') continue;
        const code = `${token.letter}${token.number}`;
        const invalid = !VALID.has(code);
        const attributes: Record<string, unknown> = {};
        if (token.extra.length > 0) attributes.subcode = token.extra.join(',');
        if (token.glued) attributes.subcode = token.glued.toLowerCase();
        if (token.form === 'bare') attributes.form = 'short';
        if (run.context) attributes.context = run.context;
        if (invalid) attributes.invalid = true;
        if (context.isStruck(token.start, token.end)) attributes.cancelled = true;
        let confidence = run.confidence * (token.ocr.length > 0 ? 0.9 : 1) * (invalid ? 0.7 : 1);
        // A lone (d)(n)/(k)(n) is often a paragraph of some other text: only codes beside
        // other exemption codes or a PA label are sure.
        if (run.tokens.length === 1 && !run.labelled) confidence *= 0.8;
        const note = invalid
          ? code.startsWith('d')
            ? '5 U.S.C. 552a(d)(1)–(4) are access rights, not exemptions; only (d)(5) withholds'
            : '5 U.S.C. 552a has exemptions (j)(1)–(2) and (k)(1)–(7) only'
          : run.note;
        hits.push({
          detector: 'privacy',
          family: 'privacy',
          code,
          start: token.start,
          end: token.end,
          role: run.role,
          confidence: Math.round(confidence * 100) / 100,
          ocr: token.ocr,
          attributes,
          ...(note ? { note } : {}),
        });
      }
    }
    return hits;
  },
};
