/**
 * The placeholders a rule message may use:
 *
 * - `{{code}}`, `{{key}}`, `{{family}}`, `{{raw}}`, `{{label}}`, `{{authority}}`: of the finding's first record (codes of all its records, for `report: once`);
 * - `{{page}}`, `{{line}}`: where the finding points (1-based);
 * - `{{count}}`: how many records the finding covers (or the count a `count` check found);
 * - `{{date}}`: the date a `valid-period` check judged by;
 * - `{{value}}`: what the check adds (the window of `valid-period`, the missing attributes of `require-attribute`, the other record of `exclusive`, the matched text of `pattern`);
 * - `{{rule}}`, `{{source}}`: the rule id and the document's source.
 */
export const PLACEHOLDERS = ['code', 'key', 'family', 'raw', 'label', 'authority', 'page', 'line', 'count', 'date', 'value', 'rule', 'source'] as const;
/** One of the message placeholders; see {@link PLACEHOLDERS}. */
export type Placeholder = (typeof PLACEHOLDERS)[number];

// "{{ name }}": a name of word characters inside double braces, spaces allowed around it.
const PLACEHOLDER = /\{\{\s*([^{}\s]*)\s*\}\}/g;

/** A compiled message template. */
export type MessageTemplate = (values: Partial<Record<Placeholder, string | number>>) => string;

/**
 * Compiles a message template, or lists the placeholders it uses that do not exist.
 * A placeholder without a value renders as `?`.
 */
export function compileMessage(template: string): { ok: true; render: MessageTemplate } | { ok: false; unknown: string[] } {
  const known = new Set<string>(PLACEHOLDERS);
  const unknown = [...template.matchAll(PLACEHOLDER)].map((m) => m[1] as string).filter((name) => !known.has(name));
  if (unknown.length > 0) return { ok: false, unknown: [...new Set(unknown)] };
  return {
    ok: true,
    render: (values) =>
      template.replace(PLACEHOLDER, (_, name: string) => {
        const v = values[name as Placeholder];
        return v === undefined || v === '' ? '?' : String(v);
      }),
  };
}
