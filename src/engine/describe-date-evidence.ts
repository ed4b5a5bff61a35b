import type { AssessedDate } from '../assess/assessment.js';

/**
 * How the evidence behind a date reads in a finding's message: which date, where it was read
 * (its source and 1-based line:column) and how to override it, e.g. `document date 1946-01-22,
 * read from prose at 12:5; pass --document-date to override`.
 */
export function describeDateEvidence(kind: 'document' | 'review', date: AssessedDate): string {
  const at = date.span ? ` at ${date.span.start.line}:${date.span.start.column}` : '';
  const where = date.source === 'prose' ? 'prose' : `a ${date.source.replace('-', ' ')}`;
  return `${kind} date ${date.iso ?? date.year}, read from ${where}${at}; pass --${kind}-date to override`;
}
