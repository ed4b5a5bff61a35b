import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { RuleSeverity } from '../../core/severity.js';
import type { Report, ReportRule } from '../report.js';

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

/**
 * A document's source as a URI reference: relative paths stay relative (resolved against
 * `%SRCROOT%`), absolute paths become `file://` URIs, each segment percent-encoded.
 */
export function sourceUri(source: string | null): { uri: string; uriBaseId?: string } {
  if (source === null || source === '') return { uri: 'document' };
  if (source === '-') return { uri: 'stdin' };
  const slashed = source.replace(/\\/g, '/');
  const encoded = slashed.split('/').map(encodeURIComponent).join('/');
  if (/^[A-Za-z]:\//.test(slashed)) return { uri: `file:///${slashed.slice(0, 2)}${encoded.slice(encoded.indexOf('/'))}` };
  if (slashed.startsWith('/')) return { uri: `file://${encoded}` };
  return { uri: encoded.replace(/^\.\//, ''), uriBaseId: '%SRCROOT%' };
}

/** A PascalCase name for a kebab-case rule id, as SARIF's `name` suggests: `redact-no-code` → `RedactNoCode`. */
function ruleName(id: string): string {
  return id.replace(/(^|-)([a-z0-9])/g, (_, __, ch: string) => ch.toUpperCase());
}

function descriptor(rule: ReportRule): ReportingDescriptor {
  const citation = [rule.authority ? `Authority: ${rule.authority}.` : null, rule.url ? `See ${rule.url}` : null].filter(Boolean).join(' ');
  return {
    id: rule.id,
    name: ruleName(rule.id),
    shortDescription: { text: rule.description },
    fullDescription: { text: citation ? `${rule.description} ${citation}` : rule.description },
    ...(rule.url ? { helpUri: rule.url } : {}),
    help: {
      text: `${rule.description}${citation ? `\n\n${citation}` : ''}`,
      markdown: `${rule.description}${rule.authority ? `\n\n**Authority:** ${rule.authority}` : ''}${rule.url ? `\n\n[More](${rule.url})` : ''}`,
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
export function formatSarif(report: Report): string {
  const rules = [...report.rules];
  const index = new Map(rules.map((r, i) => [r.id, i]));
  // A finding from a rule no rule set lists (a custom check run through `evaluate`) still gets a descriptor.
  for (const doc of report.documents) {
    for (const f of doc.findings) {
      if (index.has(f.ruleId)) continue;
      index.set(f.ruleId, rules.length);
      rules.push({ id: f.ruleId, severity: f.severity, description: f.ruleId, message: f.message, check: 'unknown', authority: f.authority, url: f.url, ruleSet: null, definedIn: 'unknown' });
    }
  }
  const artifacts: string[] = [];
  const artifactIndex = new Map<string, number>();
  const artifactOf = (source: string | null): number => {
    const key = source ?? '';
    if (!artifactIndex.has(key)) {
      artifactIndex.set(key, artifacts.length);
      artifacts.push(key);
    }
    return artifactIndex.get(key) as number;
  };
  const results: Result[] = [];
  for (const doc of report.documents) {
    for (const f of doc.findings) {
      results.push({
        ruleId: f.ruleId,
        ruleIndex: index.get(f.ruleId) as number,
        level: level(f.severity),
        message: { text: f.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { ...sourceUri(f.source), index: artifactOf(f.source) },
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
      });
    }
  }
  for (const doc of report.documents) artifactOf(doc.source);
  const log: Log = {
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
              message: { text: `${e.source}: ${e.reason}` },
              descriptor: { id: e.code },
              locations: [{ physicalLocation: { artifactLocation: sourceUri(e.source) } }],
            })),
          },
        ],
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The directory redaction-audit was run from.' } } },
        artifacts: artifacts.map((source) => ({ location: sourceUri(source === '' ? null : source), mimeType: 'text/plain' })),
        results,
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
