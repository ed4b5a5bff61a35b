/**
 * Check documents against a custom rule set (examples/rules/agency.yaml extends the built-in
 * `recommended` set) and print the findings, as `redaction-audit check --rules` does.
 */
import { analyze, formatRuleSetIssue } from 'redaction-audit';
import { listDocuments, loadRuleSet, readDocument } from 'redaction-audit/node';

async function main(): Promise<void> {
  const rulesPath = process.argv[2] ?? 'examples/rules/agency.yaml';
  const loaded = loadRuleSet(rulesPath);
  if (!loaded.ok) {
    // Problems in a rule file are values: file:line:col, a code and a hint for each.
    for (const issue of loaded.issues) console.error(formatRuleSetIssue(issue));
    process.exitCode = 2;
    return;
  }
  const { files, failures } = await listDocuments(process.argv[3] ?? 'examples/documents');
  // A folder that could not be read is named, never skipped silently.
  for (const failure of failures) console.error(`${failure.source}: ${failure.reason}`);
  for (const path of files) {
    const input = await readDocument(path);
    if (!input.ok) {
      console.error(`${input.source}: ${input.reason}`);
      continue;
    }
    const { findings, assessment } = analyze(input.text, { source: path, ruleSets: [loaded.ruleSet] });
    console.log(`${path}: ${assessment.status}, ${findings.length} finding(s)`);
    for (const f of findings) console.log(`  ${f.span.start.line}:${f.span.start.column}  ${f.severity.padEnd(7)}  ${f.ruleId}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
