/**
 * Check a folder with the built-in `strict` rule set and write a SARIF 2.1.0 log for a
 * code-scanning dashboard (GitHub code scanning, Azure DevOps, VS Code's SARIF viewer).
 */
import { writeFile } from 'node:fs/promises';
import { analyze, createReport, formatSarif, getBuiltInRuleSet, type ReportInput } from 'redaction-audit';
import { listDocuments, readDocument } from 'redaction-audit/node';

async function main(): Promise<void> {
  const [dir = 'examples/documents', out = 'redaction-audit.sarif'] = process.argv.slice(2);
  const ruleSets = [getBuiltInRuleSet('strict')];
  const documents: ReportInput[] = [];
  const { files, failures } = await listDocuments(dir);
  // Folders that could not be read and files that could not be read both become SARIF notifications.
  const errors = failures.map(({ source, code, reason }) => ({ source, code, reason }));
  for (const path of files) {
    const input = await readDocument(path);
    if (input.ok) documents.push({ ...analyze(input.text, { source: path, ruleSets }), text: input.text });
    else errors.push({ source: input.source, code: input.code, reason: input.reason });
  }
  const report = createReport(documents, { ruleSets, errors });
  await writeFile(out, formatSarif(report));
  console.log(`wrote ${out}: ${report.counts.error} error(s), ${report.counts.warning} warning(s), ${report.counts.info} info`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
