import type { Log, ReportingDescriptor, Result } from 'sarif';
import { escapeControlCharacters } from '../../core/escape-control-characters.js';
import type { RuleSeverity } from '../../core/severity.js';
import type { Finding } from '../../engine/finding.js';
import type { Report, ReportRule } from '../report.js';
import type { ReportWriter } from '../report-writer.js';
import { escapeCell } from './format-markdown.js';

/** The SARIF schema URI written into `$schema`. */
export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

/** The key of our fingerprint in `partialFingerprints`; versioned so a new scheme never collides with an old one. */
export const FINGERPRINT_KEY = 'redactionAudit/v1';

function level(severity: RuleSeverity): Result.level {
  if (severity === 'error') return 'error';
  if (severity === 'warning') return 'warning';
  if (severity === 'info') return 'note';
  return 'none';
}

/** Options of {@link formatSarif}. */
export interface FormatSarifOptions {
  /**
   * How to read the documents' sources: `posix` (default) keeps a backslash as part of a file
   * name (`a\b.txt` is one file); `windows` reads it as a separator. The CLI passes the
   * platform's.
   */
  pathStyle?: 'posix' | 'windows';
  /**
   * The absolute directory relative sources are relative to (the CLI passes its working
   * directory). A relative source that climbs out of it (`../other/memo.txt`) then becomes an
   * absolute `file://` URI; without `root` it stays relative, without `%SRCROOT%`.
   */
  root?: string;
}

/**
 * The escaping of the SARIF channel, for `message.text` and other plain-text messages: control
 * characters are shown as escapes (see `escapeControlCharacters`), and `[` and `]` are
 * backslash-escaped so no document text forms an embedded link (`[text](url)`, SARIF §3.11.6).
 */
export function escapeSarifText(text: string): string {
  return escapeControlCharacters(text).replace(/[[\]]/g, (ch) => `\\${ch}`);
}

/** A URL fit for `helpUri` and links: `https:` or `http:` only (rule files are checked when they load; this holds for rules built in code too). */
function safeUrl(url: string | null): string | null {
  return url !== null && /^https?:\/\/[^\s]*$/i.test(url) ? url : null;
}

/** The segments of a `/`-separated path with `.` dropped and `x/..` folded; leading `..` kept. */
function normalizeSegments(path: string): string[] {
  const out: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '.' || segment === '') continue;
    if (segment === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else out.push(segment);
  }
  return out;
}

/** Lone surrogates, which no URI can encode (encodeURIComponent throws): they become U+FFFD. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const encodeSegments = (segments: readonly string[]): string => segments.map((s) => encodeURIComponent(s.replace(LONE_SURROGATE, '\ufffd'))).join('/');

/**
 * A document's source as a URI reference: relative paths stay relative (resolved against
 * `%SRCROOT%`), absolute paths become `file://` URIs, each segment percent-encoded. With
 * `pathStyle: 'windows'` a backslash separates segments; otherwise it is part of a name
 * (`a%5Cb.txt`). A relative path that climbs above its root becomes absolute against `root`
 * when it is given, and loses `%SRCROOT%` when not.
 */
export function sourceUri(source: string | null, options: FormatSarifOptions = {}): { uri: string; uriBaseId?: string } {
  if (source === null || source === '') return { uri: 'document' };
  // Standard input is `-`, as in every other format and on the command line.
  if (source === '-') return { uri: '-' };
  const windows = options.pathStyle === 'windows';
  const slashed = windows ? source.replace(/\\/g, '/') : source;
  const drive = windows ? /^([A-Za-z]):\//.exec(slashed) : null;
  if (drive) return { uri: `file:///${drive[1]}:/${encodeSegments(normalizeSegments(slashed.slice(3)))}` };
  if (slashed.startsWith('//') && windows) return { uri: `file://${encodeSegments(normalizeSegments(slashed.slice(2)))}` };
  if (slashed.startsWith('/')) return { uri: `file:///${encodeSegments(normalizeSegments(slashed))}` };
  const segments = normalizeSegments(slashed);
  if (segments[0] !== '..') return { uri: encodeSegments(segments), uriBaseId: '%SRCROOT%' };
  if (options.root === undefined) return { uri: encodeSegments(segments) };
  return sourceUri(`${options.root.replace(/[\\/]+$/, '')}/${slashed}`, options);
}

/** A PascalCase name for a kebab-case rule id, as SARIF's `name` suggests: `redact-no-code` → `RedactNoCode`. */
function ruleName(id: string): string {
  return id.replace(/(^|-)([a-z0-9])/g, (_, __, ch: string) => ch.toUpperCase());
}

function descriptor(rule: ReportRule): ReportingDescriptor {
  const url = safeUrl(rule.url);
  const citation = [rule.authority ? `Authority: ${rule.authority}.` : null, url ? `See ${url}` : null].filter(Boolean).join(' ');
  const description = escapeSarifText(rule.description);
  return {
    id: rule.id,
    name: ruleName(rule.id),
    shortDescription: { text: description },
    fullDescription: { text: escapeSarifText(citation ? `${rule.description} ${citation}` : rule.description) },
    ...(url ? { helpUri: url } : {}),
    help: {
      text: escapeSarifText(`${rule.description}${citation ? `\n\n${citation}` : ''}`),
      // Rule text is Markdown-escaped (a rule file's authority must not become HTML or a link); the URL is http(s) and its parentheses encoded.
      markdown: `${escapeCell(rule.description)}${rule.authority ? `\n\n**Authority:** ${escapeCell(rule.authority)}` : ''}${url ? `\n\n[More](${encodeURI(url).replace(/\(/g, '%28').replace(/\)/g, '%29')})` : ''}`,
    },
    defaultConfiguration: { level: level(rule.severity), enabled: rule.severity !== 'off' },
    properties: { check: rule.check, authority: rule.authority, ruleSet: rule.ruleSet, definedIn: rule.definedIn },
  };
}

/**
 * Renders a report's findings as a SARIF 2.1.0 log for code-scanning dashboards: one run whose
 * `tool.driver.rules` lists every rule of the run (with description, citation and default
 * level), and one result per finding with its rule id and index, level (`info` → `note`),
 * message, a 1-based region (columns in UTF-16 code units, `columnKind: utf16CodeUnits`), a
 * `partialFingerprints` entry that survives edits elsewhere in the document, and the page and
 * record ids as properties. Inputs that could not be read become
 * `invocations[0].toolExecutionNotifications`, and `executionSuccessful` is then false.
 */
export function formatSarif(report: Report, options: FormatSarifOptions = {}): string {
  const rules = [...report.rules];
  const index = new Map(rules.map((r, i) => [r.id, i]));
  // A finding from a rule no rule set lists (a custom check run through `evaluate`) still gets a descriptor.
  for (const doc of report.documents) {
    for (const f of doc.findings) {
      if (index.has(f.ruleId)) continue;
      index.set(f.ruleId, rules.length);
      rules.push(unlistedRule(f));
    }
  }
  const artifacts = createArtifacts();
  const results: Result[] = [];
  for (const doc of report.documents) for (const f of doc.findings) results.push(sarifResult(f, index.get(f.ruleId) as number, artifacts.indexOf(f.source), options));
  for (const doc of report.documents) artifacts.indexOf(doc.source);
  return `${JSON.stringify(sarifLog(report, rules, artifacts.sources, results, options), null, 2)}\n`;
}

/** The descriptor of a rule no rule set lists, from its first finding. */
function unlistedRule(f: Finding): ReportRule {
  return { id: f.ruleId, severity: f.severity, description: f.ruleId, message: f.message, check: 'unknown', authority: f.authority, url: f.url, ruleSet: null, definedIn: 'unknown' };
}

/** The run's artifacts: each source once, in order of first use. */
function createArtifacts(): { sources: string[]; indexOf(source: string | null): number } {
  const sources: string[] = [];
  const indexes = new Map<string, number>();
  return {
    sources,
    indexOf(source) {
      const key = source ?? '';
      let at = indexes.get(key);
      if (at === undefined) {
        at = sources.length;
        indexes.set(key, at);
        sources.push(key);
      }
      return at;
    },
  };
}

/** One finding as a SARIF result. */
function sarifResult(f: Finding, ruleIndex: number, artifactIndex: number, options: FormatSarifOptions): Result {
  return {
    ruleId: f.ruleId,
    ruleIndex,
    level: level(f.severity),
    message: { text: escapeSarifText(f.message) },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { ...sourceUri(f.source, options), index: artifactIndex },
          region: {
            startLine: f.span.start.line,
            startColumn: f.span.start.column,
            endLine: f.span.end.line,
            endColumn: f.span.end.column,
            charOffset: f.span.start.offset,
            charLength: f.span.end.offset - f.span.start.offset,
          },
        },
      },
    ],
    partialFingerprints: { [FINGERPRINT_KEY]: f.fingerprint },
    properties: { page: f.page, recordIds: f.recordIds, ...(f.authority ? { authority: f.authority } : {}) },
  };
}

/** The SARIF log of one run around its results. */
function sarifLog(report: Pick<Report, 'tool' | 'errors'>, rules: readonly ReportRule[], artifacts: readonly string[], results: Result[], options: FormatSarifOptions): Log {
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: report.tool.name,
            version: report.tool.version,
            semanticVersion: report.tool.version,
            informationUri: report.tool.informationUri,
            rules: rules.map(descriptor),
          },
        },
        invocations: [
          {
            executionSuccessful: report.errors.length === 0,
            toolExecutionNotifications: report.errors.map((e) => ({
              level: 'error',
              message: { text: escapeSarifText(`${e.source}: ${e.reason}`) },
              descriptor: { id: e.code },
              locations: [{ physicalLocation: { artifactLocation: sourceUri(e.source, options) } }],
            })),
          },
        ],
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The directory redaction-audit was run from.' } } },
        artifacts: artifacts.map((source) => ({ location: sourceUri(source === '' ? null : source, options), mimeType: 'text/plain' })),
        results,
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
}

/** Where the results stand in the log: the last key but one of its only run, so this text occurs there last. */
const EMPTY_RESULTS = '"results": []';

/**
 * {@link formatSarif} for a run written as it goes: one section, each finding's result as
 * `formatSarif` writes it in the log, placed after the rules and artifacts once they are known.
 * A result's `ruleIndex` depends on every rule of the run (the `pdf` rules join the list when a
 * PDF comes), so the section holds a placeholder for it, filled when the section is copied out
 * (see `ReportLayoutPart`). Remembers each rule id and source seen. Joined, the pieces are byte
 * for byte what `formatSarif` returns for the same report.
 */
export function createSarifReportWriter(options: FormatSarifOptions = {}): ReportWriter {
  /** Rule ids in order of first use, each with its placeholder number and the descriptor it gets when no rule set lists it. */
  const seen = new Map<string, { token: number; unlisted: ReportRule }>();
  const artifacts = createArtifacts();
  const sources: Array<string | null> = [];
  let results = 0;
  return {
    sections: 1,
    document: ({ document }) => {
      let out = '';
      for (const f of document.findings) {
        let rule = seen.get(f.ruleId);
        if (!rule) {
          rule = { token: seen.size, unlisted: unlistedRule(f) };
          seen.set(f.ruleId, rule);
        }
        const text = JSON.stringify(sarifResult(f, rule.token, artifacts.indexOf(f.source), options), null, 2).replace(`"ruleIndex": ${rule.token},`, `"ruleIndex": \u0000${rule.token}\u0000,`);
        // Results stand four levels deep in the log.
        out += `${results++ > 0 ? ',\n' : '\n'}        ${text.replaceAll('\n', '\n        ')}`;
      }
      sources.push(document.source);
      return [out];
    },
    end: (totals) => {
      const rules = [...totals.rules];
      const index = new Map(rules.map((r, i) => [r.id, i]));
      const tokens: string[] = [];
      for (const [id, { token, unlisted }] of seen) {
        if (!index.has(id)) {
          index.set(id, rules.length);
          rules.push(unlisted);
        }
        tokens[token] = String(index.get(id));
      }
      for (const source of sources) artifacts.indexOf(source);
      const json = `${JSON.stringify(sarifLog(totals, rules, artifacts.sources, [], options), null, 2)}\n`;
      if (results === 0) return [json];
      const at = json.lastIndexOf(EMPTY_RESULTS) + EMPTY_RESULTS.length - 1;
      return [json.slice(0, at), { section: 0, tokens }, `\n      ]`, json.slice(at + 1)];
    },
  };
}
