import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { analyzeInputs } from '../../src/cli/analyze-inputs.js';
import { runCli } from '../../src/cli/run-cli.js';
import { analyze, defineCheck, parseRuleSet, resolveRuleSet, summarize } from '../../src/index.js';
import { CORPUS_ROOT } from '../support/corpus.js';

// Failures the CLI must report cleanly: a closed pipe, a bad baseline path, a missing file,
// an input given twice; never a stack trace, never a green tick for a failed run.

const BIN = join(__dirname, '..', '..', 'dist', 'cli', 'main.js');
const SEEDS = join(__dirname, '..', '..', 'examples', 'documents');

async function run(argv: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { stdout: (s) => (out += s), stderr: (s) => (err += s), stdin: async () => new TextEncoder().encode(stdin) });
  return { code, out, err };
}

describe.skipIf(!existsSync(BIN) || process.platform === 'win32')('a reader that goes away (item 8)', () => {
  // The whole corpus gives more output than a pipe holds, so the writer meets EPIPE.
  for (const args of [['scan', CORPUS_ROOT, '--format', 'json'], ['scan', CORPUS_ROOT], ['check', CORPUS_ROOT, '--format', 'json'], ['summary', CORPUS_ROOT, '--format', 'json']]) {
    it(`${args[0]} ${args.slice(2).join(' ')} | head -1: quiet, with the exit code of the run`, { timeout: 60_000 }, () => {
      const plain = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
      expect(plain.stdout.length).toBeGreaterThan(65_536); // more than a pipe holds
      const errFile = join(mkdtempSync(join(tmpdir(), 'ra-pipe-')), 'err.txt');
      const piped = spawnSync('bash', ['-c', '"$@" 2>"$ERR" | head -1 >/dev/null; exit "${PIPESTATUS[0]}"', 'bash', process.execPath, BIN, ...args], { encoding: 'utf8', env: { ...process.env, ERR: errFile } });
      expect(piped.status).toBe(plain.status);
      expect(readFileSync(errFile, 'utf8')).toBe('');
    });
  }
});

describe('clean failures (item 20)', () => {
  it('--write-baseline to a directory or under a file fails with a reason and exit 2, no stack trace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ra-baseline-'));
    const file = join(dir, 'plain.txt');
    writeFileSync(file, 'x');
    for (const [target, reason] of [[dir, 'is a directory'], [join(file, 'x.json'), 'a part of the path is not a directory']] as const) {
      const { code, err } = await run(['check', SEEDS, '--write-baseline', target]);
      expect(code).toBe(2);
      expect(err).toContain(`${target}: cannot write the baseline: ${reason}`);
      expect(err).not.toMatch(/\n\s+at |internal error/);
    }
  });

  it('reads standard input once for "scan - -", and one file under two spellings once, saying so', async () => {
    const twice = await run(['scan', '-', '-', '--format', 'json'], '(b)(1)\n');
    expect(JSON.parse(twice.out).documents.map((d: { source: string }) => d.source)).toEqual(['-']);
    expect(twice.err).toBe('redaction-audit: note: - is the same file as -; analyzed once\n');
    const dir = mkdtempSync(join(tmpdir(), 'ra-twice-'));
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'a.txt'), '(b)(6)\n');
    symlinkSync(join(dir, 'sub', 'a.txt'), join(dir, 'link.txt'));
    const spellings = [join(dir, 'sub', 'a.txt'), `${dir}/sub/../sub/./a.txt`, join(dir, 'link.txt')];
    const files = await run(['scan', ...spellings, '--format', 'json']);
    expect(files.code).toBe(0);
    expect(JSON.parse(files.out).documents.map((d: { source: string }) => d.source)).toEqual([spellings[0]]);
    expect(files.err.trimEnd().split('\n')).toEqual(spellings.slice(1).map((s) => `redaction-audit: note: ${s} is the same file as ${spellings[0]}; analyzed once`));
    expect((await run(['scan', ...spellings, '--quiet'])).err).toBe('');
  });

  it('marks a run with a missing file as failed, not with a green tick', async () => {
    const { code, out } = await run(['check', join(SEEDS, 'missing.txt'), '--no-color']);
    expect(code).toBe(2);
    expect(out.trimEnd().split('\n').at(-1)).toBe('✖ 0 findings (0 errors, 0 warnings, 0 info) in 0 documents, 1 unreadable');
  });
});

describe('an internal error in one document', () => {
  it('becomes that document’s error; the run goes on with the others', async () => {
    // A custom check with a bug: it throws on documents that mention OADR.
    const buggy = defineCheck({
      kind: 'buggy',
      description: 'Throws on OADR.',
      options: z.strictObject({}),
      run: (context) => {
        if (context.text.includes('OADR')) throw new Error('bug in a custom check');
        return [];
      },
    });
    const parsed = parseRuleSet('rules:\n  my-rule:\n    description: d\n    severity: error\n    message: m\n    authority: a\n    check: buggy\n', { checks: [buggy] });
    const resolved = parsed.ok ? resolveRuleSet(parsed.ruleSet, { checks: [buggy] }) : parsed;
    if (!resolved.ok) throw new Error('the rule set does not load');
    const dir = mkdtempSync(join(tmpdir(), 'ra-bug-'));
    const files = ['a.txt', 'b.txt', 'c.txt'].map((f, i) => {
      writeFileSync(join(dir, f), i === 1 ? 'DECL: OADR\n' : '(b)(1)\n');
      return join(dir, f);
    });
    const { documents, errors } = await analyzeInputs(files, { ruleSets: [resolved.ruleSet] }, {}, { stdout: () => {}, stderr: () => {}, stdin: async () => new Uint8Array() });
    expect(documents.map((d) => d.source)).toEqual([files[0], files[2]]);
    expect(errors).toEqual([{ source: files[1], code: 'analyze-failed', reason: 'rule "my-rule": check "buggy" threw: bug in a custom check' }]);
  });
});

describe('decoding details', () => {
  it('accepts a baseline file that starts with a byte-order mark (item 18)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ra-bom-'));
    const baseline = join(dir, 'baseline.json');
    expect((await run(['check', SEEDS, '--write-baseline', baseline])).code).toBe(0);
    writeFileSync(baseline, `\uFEFF${readFileSync(baseline, 'utf8')}`);
    const { code, err, out } = await run(['check', SEEDS, '--baseline', baseline, '--no-color']);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toMatch(/^✔ 0 findings .* hidden by the baseline$/m);
  });

  it('never cuts a withholding context inside a surrogate pair (item 19)', () => {
    const lone = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
    // 62 code units of emoji then one letter: 60 before the placeholder falls on a low surrogate; the same after it.
    const text = `${'😀'.repeat(31)}x[REDACTED]y${'😀'.repeat(31)}`;
    const { withholdings } = summarize([{ ...analyze(text, { ruleSets: [] }), text }]);
    expect(withholdings).toHaveLength(1);
    expect(withholdings[0]?.context).not.toMatch(lone);
    expect(withholdings[0]?.context).toBe(`…${'😀'.repeat(30)}x[REDACTED]y${'😀'.repeat(30)}…`);
  });
});
