// Type-checks the CommonJS declarations (dist/index.d.cts, dist/node.d.cts, dist/pdf.d.cts) as a `require` user sees them.
import redaction = require('redaction-audit');
import node = require('redaction-audit/node');
import pdf = require('redaction-audit/pdf');

const result: redaction.AnalysisResult = redaction.analyze('(b)(6)\n[REDACTED]', { source: 'memo.txt' });
const report: redaction.Report = redaction.createReport([{ ...result, text: '(b)(6)\n[REDACTED]' }]);
const sarif: string = redaction.formatSarif(report);
const loaded: redaction.ResolveRuleSetResult = node.loadRuleSet('recommended');
const analyzed: Promise<pdf.AnalyzePdfResult> = pdf.analyzePdf(new Uint8Array(0), { source: 'release.pdf', showHiddenText: false });
const box: pdf.PdfBox = pdf.PdfBoxSchema.parse([72, 700, 144, 712]);
export { sarif, loaded, analyzed, box };
