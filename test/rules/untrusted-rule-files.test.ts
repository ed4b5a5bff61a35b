import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, symlinkSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { formatRuleSetIssue, loadRuleSet, parseRuleSet, resolveRuleSet, type ParseRuleSetResult, type RuleSetIssue } from '../../src/node.js';

// Rule files are untrusted: a shared rule set must not hang the tool, eat its memory, read
// files outside its folder, print them, or slip a javascript: link into a report.

const RULE = 'description: d\n    severity: warning\n    message: "found {{raw}}"\n    authority: 5 U.S.C. 552(b)\n    check: forbid';

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'ra-rules-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

function issues(result: { ok: true } | { ok: false; issues: RuleSetIssue[] }): RuleSetIssue[] {
  return result.ok ? [] : result.issues;
}

const codes = (result: Parameters<typeof issues>[0]): string[] => issues(result).map((i) => i.code);

describe('extends reads only regular files inside the rule set’s folder, each once (items 3, 9, 10)', () => {
  it.skipIf(!existsSync('/dev/zero'))('refuses extends: /dev/zero and a link to it at once, and a FIFO without blocking (item 3)', { timeout: 10_000 }, () => {
    const dir = folder({ 'zero.yaml': 'extends: /dev/zero\n', 'link.yaml': 'extends: ./zero-link.yaml\n', 'fifo.yaml': 'extends: ./pipe.yaml\n' });
    symlinkSync('/dev/zero', join(dir, 'zero-link.yaml'));
    execFileSync('mkfifo', [join(dir, 'pipe.yaml')]);
    expect(codes(loadRuleSet(join(dir, 'zero.yaml')))).toEqual(['extends-outside-root']);
    expect(codes(loadRuleSet(join(dir, 'link.yaml')))).toEqual(['extends-outside-root']);
    const fifo = issues(loadRuleSet(join(dir, 'fifo.yaml')));
    expect(fifo.map((i) => i.code)).toEqual(['extends-not-found']);
    expect(fifo[0]?.message).toMatch(/FIFO/);
    // Allowed by the user, /dev/zero is still not a regular file.
    expect(issues(loadRuleSet(join(dir, 'zero.yaml'), { allowExtends: ['/dev'] }))[0]?.message).toMatch(/character device, not a regular file/);
  });

  it('checks the size before reading, for the file named and for the files it extends (item 3)', () => {
    const dir = folder({ 'big-parent.yaml': 'extends: ./huge.yaml\n' });
    const fd = openSync(join(dir, 'huge.yaml'), 'w');
    writeSync(fd, 'x', 2_000_000_000);
    closeSync(fd);
    for (const result of [loadRuleSet(join(dir, 'huge.yaml')), loadRuleSet(join(dir, 'big-parent.yaml'))]) {
      expect(codes(result)).toEqual(['too-large']);
      expect(issues(result)[0]?.message).toMatch(/2,000,000,001 bytes; the limit is 1,000,000 bytes/);
    }
  });

  it('refuses extends outside the folder, and quotes nothing of a file that is not a rule set (item 9)', () => {
    const outside = folder({ 'shadow': 'root:*:20228:0:99999:7:::\ndaemon:*:20228:0:99999:7:::\n' });
    const dir = folder({
      'escape.yaml': `extends: ${join(outside, 'shadow')}\n`,
      'dotdot.yaml': 'extends: ../../../../../../../../etc/passwd\n',
      'inside.yaml': 'extends: ./copy-of-shadow\n',
      'copy-of-shadow': 'root:*:20228:0:99999:7:::\ndaemon:*:20228:0:99999:7:::\n',
    });
    const escape = issues(loadRuleSet(join(dir, 'escape.yaml')));
    expect(escape.map((i) => i.code)).toEqual(['extends-outside-root']);
    expect(escape[0]?.hint).toMatch(/--allow-extends/);
    expect(codes(loadRuleSet(join(dir, 'dotdot.yaml')))).toEqual(['extends-outside-root']);
    for (const result of [loadRuleSet(join(dir, 'inside.yaml')), loadRuleSet(join(dir, 'escape.yaml'), { allowExtends: [outside] })]) {
      const found = issues(result);
      expect(found.map((i) => i.code)).toEqual(['not-a-rule-set']);
      expect(found.map(formatRuleSetIssue).join('\n')).not.toMatch(/root|daemon|20228/);
    }
  });

  it('loads each file of an extends diamond once (item 10)', () => {
    // f0 extends f1 three times, f1 extends f2 three times, …: 3^12 paths, 13 files.
    const files: Record<string, string> = {};
    for (let i = 0; i < 12; i++) files[`f${i}.yaml`] = `extends: [./f${i + 1}.yaml, ./f${i + 1}.yaml, ./f${i + 1}.yaml]\n`;
    files['f12.yaml'] = `rules:\n  my-rule:\n    ${RULE}\n`;
    const dir = folder(files);
    const loaded = loadRuleSet(join(dir, 'f0.yaml'));
    expect(loaded.ok && loaded.ruleSet.rules.map((r) => r.id)).toEqual(['my-rule']);
    let loads = 0;
    const parsed = parseRuleSet(files['f0.yaml'] as string, { source: 'f0.yaml' });
    if (!parsed.ok) throw new Error('f0 does not parse');
    const resolved = resolveRuleSet(parsed.ruleSet, {
      load: (ref): ParseRuleSetResult => {
        loads += 1;
        return parseRuleSet(files[ref.slice(2)] as string, { source: ref.slice(2) });
      },
    });
    expect(resolved.ok).toBe(true);
    expect(loads).toBe(12);
  });

  it('resolves extends relative to the working directory for a rule set read from a pipe', { timeout: 30_000 }, () => {
    const dir = folder({ 'parent.yaml': `rules:\n  my-rule:\n    ${RULE}\n`, 'child.yaml': 'extends: ./parent.yaml\n' });
    const bin = join(__dirname, '..', '..', 'dist', 'cli', 'main.js');
    if (!existsSync(bin)) return;
    const out = execFileSync('sh', ['-c', 'cat child.yaml | "$1" "$2" rules /dev/stdin --format json', 'sh', process.execPath, bin], { cwd: dir, encoding: 'utf8' });
    expect(JSON.parse(out).map((r: { id: string }) => r.id)).toEqual(['my-rule']);
  });
});

describe('hostile contents are refused as issues', () => {
  it('refuses a file of 140,000 keys by its node count, at once (item 11)', () => {
    const text = `rules:\n  r:\n    where:\n${Array.from({ length: 140_000 }, (_, i) => `      k${i}: 1\n`).join('').slice(0, 990_000)}`;
    const result = parseRuleSet(text, { source: 'many.yaml' });
    expect(issues(result).map((i) => [i.code, i.line, i.column])).toEqual([['too-large', 1, 1]]);
    expect(issues(result)[0]?.message).toMatch(/more than 50,000 YAML nodes/);
  });

  it('still reports a duplicate key, checked in one pass', () => {
    const result = parseRuleSet('name: a\nrules: {}\nname: b\n', { source: 'dup.yaml' });
    expect(issues(result).map((i) => `${i.code} ${i.line}:${i.column}`)).toEqual(['duplicate-key 3:1']);
  });

  it('refuses a pattern that compiles to too large an RE2 program (item 12)', () => {
    const pattern = `${'[^b]{1,999}'.repeat(20)}c`;
    const result = parseRuleSet(`rules:\n  my-rule:\n    ${RULE.replace('check: forbid', `check: pattern\n    options: { pattern: "${pattern}" }`)}\n`, { source: 'p.yaml' });
    const found = issues(result);
    expect(found.map((i) => i.code)).toEqual(['pattern-too-large']);
    expect(found[0]?.message).toMatch(/compiles to \d+ RE2 instructions; the limit is 1000/);
    expect(codes(parseRuleSet(`rules:\n  my-rule:\n    ${RULE.replace('check: forbid', 'check: pattern\n    options: { pattern: "[A-Z]{2,40} SECRET" }')}\n`))).toEqual([]);
  });

  it('accepts only https: and http: urls (item 13)', () => {
    for (const url of ['javascript:alert(document.domain)', 'data:text/html,<script>alert(1)</script>', 'file:///etc/passwd']) {
      const found = issues(parseRuleSet(`rules:\n  my-rule:\n    ${RULE}\n    url: "${url}"\n`, { source: 'u.yaml' }));
      expect(found.map((i) => `${i.code} ${i.path.join('.')}`), url).toEqual(['invalid-value rules.my-rule.url']);
    }
    expect(codes(parseRuleSet(`rules:\n  my-rule:\n    ${RULE}\n    url: "https://www.justice.gov/oip"\n`))).toEqual([]);
  });

  it('refuses __proto__ keys inside options, where and attributes (item 14)', () => {
    for (const [text, line] of [
      [`rules:\n  my-rule:\n    ${RULE}\n    options: { __proto__: { polluted: true } }\n`, 8],
      [`rules:\n  my-rule:\n    ${RULE}\n    where:\n      __proto__: { family: foia }\n`, 9],
      [`rules:\n  my-rule:\n    ${RULE}\n    where: { attributes: { __proto__: x } }\n`, 8],
    ] as const) {
      const found = issues(parseRuleSet(text, { source: 'proto.yaml' }));
      expect(found.map((i) => `${i.code} ${i.line}`)).toEqual([`forbidden-key ${line}`]);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses !!omap, !!set, !!binary and custom tags with one clear issue each (item 14)', () => {
    const cases: Array<[string, string]> = [
      ['rules: !!omap\n  - my-rule: off\n', '!!omap'],
      ['rules: !!set\n  ? my-rule\n', '!!set'],
      [`rules:\n  my-rule:\n    ${RULE}\n    where: !!binary aGVsbG8=\n`, '!!binary'],
      ['name: !local x\n', '!local'],
    ];
    for (const [text, tag] of cases) {
      const found = issues(parseRuleSet(text, { source: 'tags.yaml' }));
      expect(found.map((i) => i.code), text).toEqual(['unsupported-tag']);
      expect(found[0]?.message).toBe(`the tag ${tag} is not supported in a rule set`);
    }
  });
});

describe('helpful issues (item 20)', () => {
  it('parseRuleSet works without an options object', () => {
    const result = parseRuleSet('rules:\n  redact-no-code: off\n');
    expect(result.ok).toBe(true);
    expect(issues(parseRuleSet('nmae: x\n'))[0]?.source).toBe('<text>');
  });

  it('names the allowed values of a closed list and suggests the nearest', () => {
    const found = issues(parseRuleSet(`rules:\n  my-rule:\n    ${RULE}\n    where: { family: fioa }\n`, { source: 'f.yaml' }));
    expect(found.map((i) => `${i.code} ${i.path.join('.')} ${i.line}:${i.column}`)).toEqual(['invalid-value rules.my-rule.where.family 8:22']);
    expect(found[0]?.message).toBe('"fioa" is not allowed here; expected one of foia, privacy, eo, declass, classification, control, redaction, stamp, page');
    expect(found[0]?.hint).toBe('did you mean "foia"?');
  });

  it('suggests the built-in set a --rules name misspells', async () => {
    let err = '';
    const code = await runCli(['check', '--rules', 'stricct', join(__dirname, '..', '..', 'examples', 'documents')], { stdout: () => {}, stderr: (s) => (err += s), stdin: async () => new Uint8Array() });
    expect(code).toBe(2);
    expect(err).toMatch(/stricct:1:1 {2}extends-not-found {2}cannot read the rule set "stricct": no such file\n {4}hint: did you mean "strict"\?/);
    expect(issues(loadRuleSet('redaction-audit:recommnded'))[0]?.hint).toMatch(/did you mean "recommended"/);
  });
});
