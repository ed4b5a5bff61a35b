/**
 * Scan one document and print its exemption and declassification markings.
 *   npm run build && node --experimental-strip-types examples/scan-document.ts [file]   (Node 22+)
 * On Node 20 the tests compile it first (see test/examples.test.ts).
 */
import { scan } from 'redaction-audit';
import { readDocument } from 'redaction-audit/node';

async function main(): Promise<void> {
  const path = process.argv[2] ?? 'examples/documents/seed-003.txt';
  const input = await readDocument(path);
  if (!input.ok) throw new Error(`${input.source}: ${input.reason} (${input.code})`);

  const { records, pages } = scan(input.text, { source: path });
  console.log(`${path}: ${records.length} records on ${pages.length} page(s)`);
  for (const r of records) {
    if (r.family !== 'foia' && r.family !== 'declass') continue;
    const repaired = r.ocr ? `  (read as ${r.code} after an OCR repair)` : '';
    console.log(`  ${r.span.start.line}:${r.span.start.column}  ${r.key.padEnd(14)} ${JSON.stringify(r.raw)}  ${r.role}${repaired}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
