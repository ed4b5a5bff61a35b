/**
 * Summarize the exemptions of a folder of documents: counts per code across the corpus, and
 * the withholding (Vaughn) index. `redaction-audit summary <dir>` prints the same.
 */
import { analyze, summarize, type SummaryInput } from 'redaction-audit';
import { listDocuments, readDocument } from 'redaction-audit/node';

async function main(): Promise<void> {
  const documents: SummaryInput[] = [];
  const { files, failures } = await listDocuments(process.argv[2] ?? 'examples/documents');
  for (const path of files) {
    const input = await readDocument(path);
    // A summary needs no rules: pass none, and keep the text for the withholdings' context.
    if (input.ok) documents.push({ ...analyze(input.text, { source: path, ruleSets: [] }), text: input.text });
    else failures.push(input);
  }
  // Nothing is dropped silently: what could not be read is named.
  for (const failure of failures) console.error(`${failure.source}: ${failure.reason} (${failure.code})`);
  const { corpus, withholdings } = summarize(documents);
  console.log(`${corpus.documents} documents, ${corpus.pages} pages, ${corpus.records} markings`);
  console.log(`redactions: ${corpus.redactions.total}, ${corpus.redactions.withoutCode} without a code beside them`);
  for (const code of corpus.codes.filter((c) => ['foia', 'privacy', 'declass'].includes(c.family))) {
    console.log(`  ${code.key.padEnd(16)} ${String(code.count).padStart(4)} in ${code.documents} document(s)`);
  }
  console.log(`withholding index: ${withholdings.length} rows`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
