import { escapeControlCharacters } from '../../core/escape-control-characters.js';
import type { Finding } from '../../engine/finding.js';
import type { Report } from '../report.js';

/**
 * The escaping of the GitHub Actions channel, a workflow-command message: other control
 * characters are shown as escapes (`\x1b`, see `escapeControlCharacters`), then `%`, CR and LF
 * are percent-encoded, as the runner expects, so no text can start a command line of its own.
 */
export function escapeData(text: string): string {
  return escapeControlCharacters(text, '\r\n').replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a workflow-command property value: as {@link escapeData}, plus `:` and `,`. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function command(f: Finding): string {
  const kind = f.severity === 'error' ? 'error' : f.severity === 'warning' ? 'warning' : 'notice';
  const props = [
    `file=${escapeProperty(f.source ?? 'document')}`,
    `line=${f.span.start.line}`,
    `col=${f.span.start.column}`,
    `endLine=${f.span.end.line}`,
    `endColumn=${f.span.end.column}`,
    `title=${escapeProperty(f.ruleId)}`,
  ];
  return `::${kind} ${props.join(',')}::${escapeData(f.message)}`;
}

/**
 * Renders findings as GitHub Actions workflow commands, one line per finding, so they appear as
 * annotations on the files in a pull request: `error` → `::error`, `warning` → `::warning`,
 * `info` → `::notice`, with file, 1-based line and column, end position and the rule id as title.
 * Unreadable inputs become `::error` lines without a position.
 */
export function formatGithub(report: Report): string {
  const lines: string[] = [];
  for (const doc of report.documents) for (const f of doc.findings) lines.push(command(f));
  for (const e of report.errors) lines.push(`::error file=${escapeProperty(e.source)},title=${escapeProperty(e.code)}::${escapeData(`${e.source}: ${e.reason}`)}`);
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
