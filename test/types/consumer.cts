// Type-checks the CommonJS declarations (dist/index.d.cts, dist/node.d.cts) as a `require` user sees them.
import redaction = require('redaction-audit');
import node = require('redaction-audit/node');

const result: redaction.AnalysisResult = redaction.analyze('(b)(6)\n[REDACTED]', { source: 'memo.txt' });
const report: redaction.Report = redaction.createReport([{ ...result, text: '(b)(6)\n[REDACTED]' }]);
const sarif: string = redaction.formatSarif(report);
const loaded: redaction.ResolveRuleSetResult = node.loadRuleSet('recommended');
export { sarif, loaded };
