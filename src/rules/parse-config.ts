import { zodIssues } from './parse-rule-set.js';
import { readYamlData, type Locate } from './read-yaml-data.js';
import { ConfigFileSchema, type ConfigFile } from './config-schema.js';
import type { RuleSetIssue } from './rule-set-issue.js';

/** Every key a config file knows, for "did you mean" hints. */
const CONFIG_KEYS = ['$schema', 'extends', 'files', 'ignores', 'failOn', 'maxWarnings', 'documentDate', 'reviewDate', 'overrides'];

/** The longest config file read, in UTF-16 code units: a config is a few dozen lines. */
const MAX_CONFIG_LENGTH = 100_000;

/** What {@link parseConfig} returns: the config and where each of its paths is, or every issue found. */
export type ParseConfigResult = { ok: true; config: ConfigFile; locate: Locate } | { ok: false; issues: RuleSetIssue[] };

/**
 * Parses and checks a config file (YAML) against the strict {@link ConfigFileSchema}, with the
 * limits and issue codes of rule files: every problem is an issue with a code, the YAML path
 * and the 1-based line and column; unknown keys get a "did you mean" hint. Never throws on any
 * text. An empty file is an empty config.
 *
 * @example
 * const result = parseConfig('extends: redaction-audit:strict\nfailOn: warning\n', { source: 'redaction-audit.config.yaml' });
 */
export function parseConfig(text: string, options: { source?: string } = {}): ParseConfigResult {
  const source = options.source ?? '<text>';
  const read = readYamlData(text, { source, maxLength: MAX_CONFIG_LENGTH, kind: 'config file' });
  if (!read.ok) return read;
  const { data, locate } = read;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, issues: [{ code: 'invalid-value', message: 'a config file is a YAML mapping', hint: 'start with `extends: redaction-audit:recommended`', source, path: [], line: 1, column: 1 }] };
  }
  const parsed = ConfigFileSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) {
    const issues = zodIssues(parsed.error, [], source, locate, 'invalid-value', { knownKeys: CONFIG_KEYS, schemaFile: 'rules/config.schema.json' });
    return { ok: false, issues: issues.sort((a, b) => a.line - b.line || a.column - b.column) };
  }
  return { ok: true, config: parsed.data, locate };
}
