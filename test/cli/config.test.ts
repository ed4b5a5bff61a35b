import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findConfig } from '../../src/cli/load-config.js';
import { runCli, type CliIo } from '../../src/cli/run-cli.js';

async function run(argv: string[], cwd: string, extra: Partial<CliIo> = {}, stdin = ''): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { stdout: (s) => (out += s), stderr: (s) => (err += s), stdin: async () => new TextEncoder().encode(stdin), cwd, ...extra });
  return { code, out, err };
}

/** A fresh "clone": a temporary directory with a `.git` folder, holding `files` (path → text). */
function repo(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'ra-config-'));
  mkdirSync(join(dir, '.git'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** Rule ids found per document (source relative to `dir`), from a JSON report. */
function findingsBySource(out: string, dir: string): Record<string, string[]> {
  const report = JSON.parse(out) as { documents: Array<{ source: string; findings: Array<{ ruleId: string }> }> };
  return Object.fromEntries(report.documents.map((d) => [d.source.replace(`${dir}/`, ''), d.findings.map((f) => f.ruleId)]));
}

// A deletion with no code beside it in a letter that cites an exemption elsewhere:
// `redact-no-code` (warning) in recommended; the frus set turns it off.
const BARE = 'The names in this letter are withheld under (b)(6).\n\n\n\n\n\n[REDACTED] was sent.\n';

describe('config discovery', () => {
  it('init writes a config that check then uses with no flags', async () => {
    const dir = repo({ 'docs/memo.txt': '[REDACTED] (b)(8)\n' });
    const init = await run(['init'], dir);
    expect(init.code).toBe(0);
    expect(readFileSync(join(dir, 'redaction-audit.config.yaml'), 'utf8')).toContain('./redaction-audit.rules.yaml');
    const check = await run(['check', join(dir, 'docs'), '--format', 'json'], dir);
    // no-exemption-b8 is the starter rule set's own rule: only the config names that file.
    expect(findingsBySource(check.out, dir)).toEqual({ 'docs/memo.txt': ['no-exemption-b8'] });
    const without = await run(['check', join(dir, 'docs'), '--format', 'json', '--no-config'], dir);
    expect(findingsBySource(without.out, dir)['docs/memo.txt']).not.toContain('no-exemption-b8');
    const tests = await run(['test-rules', join(dir, 'redaction-audit.rules.yaml')], dir);
    expect(tests.code).toBe(0);
    expect((await run(['init'], dir)).code).toBe(2);
  });

  it('is found from a subdirectory up to the repository root, not above it', () => {
    const outer = repo({ '.redaction-audit.yaml': 'failOn: info\n', 'inner/sub/x.txt': '' });
    expect(findConfig(join(outer, 'inner', 'sub'))).toBe(join(outer, '.redaction-audit.yaml'));
    mkdirSync(join(outer, 'inner', '.git'));
    expect(findConfig(join(outer, 'inner', 'sub'))).toBeUndefined();
  });

  it('applies overrides per path: rule sets and dates', async () => {
    const dir = repo({
      'frus/a.txt': BARE,
      'crest/b.txt': BARE,
      'old/c.txt': 'Exemption (b)(7)(C) applied.\n(b)(7)(C)\n',
      'redaction-audit.config.yaml': [
        'extends: redaction-audit:recommended',
        'overrides:',
        '  - files: ["frus/**"]',
        '    extends: [redaction-audit:frus]',
        '  - files: "old/**"',
        '    reviewDate: "1970"',
      ].join('\n'),
    });
    const { out, code } = await run(['check', dir, '--format', 'json'], dir);
    expect(code).toBe(1);
    const found = findingsBySource(out, dir);
    expect(found['crest/b.txt']).toEqual(['redact-no-code']);
    expect(found['frus/a.txt']).toEqual([]);
    // (b)(7)(C) on a review dated before 1975 is an error, only under the override's date.
    expect(found['old/c.txt']).toContain('foia-b7-subpara-pre1975');
    const flagged = findingsBySource((await run(['check', dir, '--format', 'json', '--review-date', '1999'], dir)).out, dir);
    expect(flagged['old/c.txt']).not.toContain('foia-b7-subpara-pre1975');
    // The documents come in path order whatever batch they were analyzed in.
    expect(Object.keys(found)).toEqual(['crest/b.txt', 'frus/a.txt', 'old/c.txt']);
  });

  it('takes failOn and maxWarnings from the config, and the flags win over them', async () => {
    const dir = repo({ 'a.txt': BARE, 'redaction-audit.config.yaml': 'failOn: warning\n' });
    expect((await run(['check', join(dir, 'a.txt')], dir)).code).toBe(1);
    expect((await run(['check', join(dir, 'a.txt'), '--fail-on', 'error'], dir)).code).toBe(0);
    const max = await run(['check', join(dir, 'a.txt'), '--fail-on', 'error', '--max-warnings', '0'], dir);
    expect(max.code).toBe(1);
    expect(max.err).toContain('1 warning(s), more than --max-warnings 0');
    expect((await run(['check', join(dir, 'a.txt'), '--fail-on', 'error', '--max-warnings', '1'], dir)).code).toBe(0);
    expect((await run(['check', join(dir, 'a.txt'), '--max-warnings', '-1'], dir)).code).toBe(2);
  });

  it('takes minConfidence from the config for scan, summary and check, and --min-confidence wins', async () => {
    // An exact SECRET banner (0.95) and an OCR-repaired one (below 0.9), a month apart.
    const dir = repo({ 'a.txt': 'SECRET\nThe memo follows.\nSEeRET\n', 'redaction-audit.config.yaml': 'minConfidence: 0.9\n' });
    const keys = (out: string): number[] => (JSON.parse(out) as { documents: Array<{ records: Array<{ confidence: number }> }> }).documents.flatMap((d) => d.records.map((r) => r.confidence));
    const all = keys((await run(['scan', join(dir, 'a.txt'), '-f', 'json', '--no-config'], dir)).out);
    expect(all.some((c) => c < 0.9)).toBe(true);
    const configured = keys((await run(['scan', join(dir, 'a.txt'), '-f', 'json'], dir)).out);
    expect(configured).toEqual(all.filter((c) => c >= 0.9));
    expect(keys((await run(['scan', join(dir, 'a.txt'), '-f', 'json', '--min-confidence', '0'], dir)).out)).toEqual(all);
    expect((await run(['summary', join(dir, 'a.txt')], dir)).out).toContain('below --min-confidence left out');
    expect(keys((await run(['check', join(dir, 'a.txt'), '-f', 'json'], dir)).out)).toEqual(all.filter((c) => c >= 0.9));
  });

  it('reports config problems as file:line:col issues and reads no document', async () => {
    const dir = repo({ 'a.txt': BARE, 'redaction-audit.config.yaml': 'extends: redaction-audit:recommended\noverides: []\nfailOn: warn\noverrides:\n  - extends: [strict]\n' });
    const { code, err, out } = await run(['check', join(dir, 'a.txt')], dir);
    expect(code).toBe(2);
    expect(out).toBe('');
    const file = join(dir, 'redaction-audit.config.yaml');
    expect(err).toContain(`${file}:2:1  unknown-key  unknown key "overides"`);
    expect(err).toContain('did you mean "overrides"?');
    expect(err).toContain(`${file}:3:9  invalid-value  "warn" is not allowed here; expected one of error, warning, info`);
    expect(err).toContain(`${file}:5:5  missing-key  "files" is required`);
    const missing = await run(['check', join(dir, 'a.txt'), '--config', join(dir, 'nope.yaml')], dir);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('cannot read the config file');
  });
});

describe('choosing the documents', () => {
  it('leaves out what the config, .redaction-auditignore and --ignore-pattern ignore; README.md only when files ask', async () => {
    const dir = repo({
      'docs/a.txt': BARE,
      'docs/README.md': '# About these documents\n',
      'docs/drafts/d.txt': BARE,
      'docs/old/o.txt': BARE,
      'docs/skip.txt': BARE,
      '.redaction-auditignore': '# comments and negation as in .gitignore\nold/\n',
      'redaction-audit.config.yaml': 'ignores: ["docs/drafts/**"]\n',
    });
    const listed = async (...args: string[]): Promise<string[]> => Object.keys(findingsBySource((await run(['check', join(dir, 'docs'), '--format', 'json', ...args], dir)).out, dir));
    expect(await listed()).toEqual(['docs/a.txt', 'docs/skip.txt']);
    expect(await listed('--ignore-pattern', 'docs/skip.txt')).toEqual(['docs/a.txt']);
    writeFileSync(join(dir, 'redaction-audit.config.yaml'), 'files: ["**/*.txt", "**/README.md"]\n');
    expect(await listed()).toEqual(['docs/README.md', 'docs/a.txt', 'docs/drafts/d.txt', 'docs/skip.txt']);
    // A file named on the command line that is ignored is left out, with a note.
    const named = await run(['check', join(dir, 'docs', 'old', 'o.txt'), join(dir, 'docs', 'a.txt'), '--format', 'json'], dir);
    expect(Object.keys(findingsBySource(named.out, dir))).toEqual(['docs/a.txt']);
    expect(named.err).toContain('o.txt is ignored');
  });

  it('follows links to folders, and reports a link loop once without hanging', async () => {
    const dir = repo({ 'store/x/one.txt': BARE, 'store/y/two.txt': BARE, 'docs/own.txt': BARE });
    symlinkSync(join(dir, 'store', 'x'), join(dir, 'docs', 'x'));
    symlinkSync(join(dir, 'store', 'y'), join(dir, 'docs', 'y'));
    symlinkSync(join(dir, 'docs'), join(dir, 'docs', 'loop'));
    const { out, code } = await run(['scan', join(dir, 'docs'), '--format', 'json'], dir);
    expect(code).toBe(2);
    const report = JSON.parse(out) as { documents: Array<{ source: string }>; errors: Array<{ source: string; code: string }> };
    expect(report.documents.map((d) => d.source.replace(`${dir}/`, ''))).toEqual(['docs/own.txt', 'docs/x/one.txt', 'docs/y/two.txt']);
    expect(report.errors.map((e) => [e.source.replace(`${dir}/`, ''), e.code])).toEqual([['docs/loop', 'symlink-loop']]);
    // A glob walks the same links; the loop's longer names of a file are dropped, a link with another name is noted.
    symlinkSync(join(dir, 'docs', 'own.txt'), join(dir, 'docs', 'alias.txt'));
    const glob = await run(['scan', `${dir}/docs/**/*.txt`, '--format', 'json'], dir);
    const globbed = JSON.parse(glob.out) as { documents: Array<{ source: string }> };
    expect(globbed.documents.map((d) => d.source.replace(`${dir}/`, ''))).toEqual(['docs/alias.txt', 'docs/x/one.txt', 'docs/y/two.txt']);
    expect(glob.err).toContain('own.txt is the same file as');
  });

  it('names standard input with --stdin-filename, which overrides match', async () => {
    const dir = repo({ 'redaction-audit.config.yaml': 'overrides:\n  - files: ["frus/**"]\n    extends: [redaction-audit:frus]\n' });
    const frus = await run(['check', '-', '--stdin-filename', join(dir, 'frus', 'doc.txt'), '--format', 'json'], dir, {}, BARE);
    expect(findingsBySource(frus.out, dir)).toEqual({ 'frus/doc.txt': [] });
    const other = await run(['check', '-', '--stdin-filename', join(dir, 'doc.txt'), '--format', 'json'], dir, {}, BARE);
    expect(findingsBySource(other.out, dir)).toEqual({ 'doc.txt': ['redact-no-code'] });
  });
});
