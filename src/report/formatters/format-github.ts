import { escapeControlCharacters } from '../../core/escape-control-characters.js';
import type { Finding } from '../../engine/finding.js';
import type { Report, ReportDocument } from '../report.js';
import { linesOf, type ReportWriter } from '../report-writer.js';

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
  let out = '';
  for (const doc of report.documents) out += renderDocumentCommands(doc);
  return out + renderErrorCommands(report.errors);
}

/** One line (ended by a line break) per finding of a document. */
function renderDocumentCommands(doc: Pick<ReportDocument, 'findings'>): string {
  return linesOf(doc.findings.map(command));
}

function renderErrorCommands(errors: Report['errors']): string {
  return linesOf(errors.map((e) => `::error file=${escapeProperty(e.source)},title=${escapeProperty(e.code)}::${escapeData(`${e.source}: ${e.reason}`)}`));
}

/**
 * {@link formatGithub} for a run written as it goes: one section, each document's lines, then
 * the inputs that failed. Joined, the pieces are byte for byte what `formatGithub` returns.
 */
export function createGithubReportWriter(): ReportWriter {
  return {
    sections: 1,
    document: ({ document }) => [renderDocumentCommands(document)],
    end: (totals) => [{ section: 0 }, renderErrorCommands(totals.errors)],
  };
}
