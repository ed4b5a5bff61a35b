import { escapeText } from '../report/formatters/format-text.js';
import { BUILT_IN_RULE_SET_NAMES, type ResolvedRuleSet, type RuleDefinition } from '../rules/resolve-rule-set.js';
import { EXIT_FAILURE, EXIT_OK, writeOutput, type CliIo, type OutputOptions } from './cli-io.js';
import { loadRuleSets } from './load-rule-sets.js';
import { getPdfRuleSet } from '../pdf/pdf-rule-set.js';

/** Options of the `rules` command, as commander hands them over. */
export interface RulesCliOptions extends OutputOptions {
  explain?: string;
  format: 'text' | 'json';
  allowExtends?: string[];
}

function ruleJson(set: ResolvedRuleSet, def: RuleDefinition): Record<string, unknown> {
  return { ruleSet: set.name ?? set.source, id: def.id, definedIn: def.definedIn, changedIn: def.source, ...def.rule };
}

type Found = { set: ResolvedRuleSet; def: RuleDefinition };

function explain(id: string, found: readonly [Found, ...Found[]]): string {
  const first = found[0];
  const r = first.def.rule;
  const out = [
    `${id}`,
    '',
    `  ${r.description}`,
    '',
    `  check      ${r.check}`,
    `  message    ${r.message}`,
    `  authority  ${r.authority ?? '(none)'}`,
  ];
  if (r.url) out.push(`  url        ${r.url}`);
  if (r.where) out.push(`  where      ${JSON.stringify(r.where)}`);
  if (r.when) out.push(`  when       ${JSON.stringify(r.when)}`);
  if (r.options) out.push(`  options    ${JSON.stringify(r.options)}`);
  if (r.report) out.push(`  report     ${r.report}`);
  out.push(`  defined in ${first.def.definedIn}`, '', '  severity per rule set:');
  for (const { set, def } of found) out.push(`    ${(set.name ?? set.source).padEnd(18)} ${def.rule.severity}${def.source !== def.definedIn ? ` (changed in ${def.source})` : ''}`);
  // Every line may quote a rule file: shown escaped.
  return `${out.map(escapeText).join('\n')}\n`;
}

function list(sets: readonly ResolvedRuleSet[]): string {
  const out: string[] = [];
  for (const set of sets) {
    const on = set.definitions.filter((d) => d.rule.severity !== 'off').length;
    out.push(`${set.name ?? set.source}  (${set.source}): ${set.definitions.length} rules, ${on} on`);
    let width = 0;
    for (const d of set.definitions) width = Math.max(width, d.id.length);
    for (const d of set.definitions) out.push(`  ${d.id.padEnd(width)}  ${d.rule.severity.padEnd(7)}  ${d.rule.description}`);
    out.push('');
  }
  out.push('Run `redaction-audit rules --explain <rule-id>` for a rule\'s check, message and citation.');
  return `${out.map(escapeText).join('\n')}\n`;
}

/** The `rules` command: lists rule sets and their rules, or explains one rule; exit 2 when a set does not load or the rule is unknown. */
export async function runRules(refs: string[], options: RulesCliOptions, io: CliIo): Promise<number> {
  const loaded = loadRuleSets(refs.length > 0 ? refs : BUILT_IN_RULE_SET_NAMES, io, options.allowExtends);
  if (!loaded) return EXIT_FAILURE;
  // Without names, every built-in set, and the pdf set that runs on every PDF.
  const sets = refs.length > 0 ? loaded : [...loaded, getPdfRuleSet()];
  if (options.explain !== undefined) {
    const id = options.explain;
    const found = sets.flatMap((set) => set.definitions.filter((d) => d.id === id).map((def) => ({ set, def })));
    if (found.length === 0) {
      io.stderr(`redaction-audit: ${escapeText(`no rule "${id}" in ${sets.map((s) => s.name ?? s.source).join(', ')}`)}; run \`redaction-audit rules\` to list them\n`);
      return EXIT_FAILURE;
    }
    const text = options.format === 'json' ? `${JSON.stringify(found.map(({ set, def }) => ruleJson(set, def)), null, 2)}\n` : explain(id, found as [Found, ...Found[]]);
    return (await writeOutput(text, options, io)) ? EXIT_OK : EXIT_FAILURE;
  }
  const text = options.format === 'json' ? `${JSON.stringify(sets.flatMap((s) => s.definitions.map((d) => ruleJson(s, d))), null, 2)}\n` : list(sets);
  return (await writeOutput(text, options, io)) ? EXIT_OK : EXIT_FAILURE;
}
