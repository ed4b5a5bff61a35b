import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/run-cli.js';
import { scan } from '../src/index.js';
import { decodeDocument } from '../src/node.js';

// Every input here is generated, never stored. Results are checked, not time (`npm run
// bench:adversarial` prints the times).

const utf16le = (s: string): Uint8Array => {
  const out = new Uint8Array(2 + s.length * 2);
  out.set([0xff, 0xfe]);
  for (let i = 0; i < s.length; i++) out.set([s.charCodeAt(i) & 0xff, s.charCodeAt(i) >> 8], 2 + i * 2);
  return out;
};
const utf16be = (s: string): Uint8Array => {
  const out = new Uint8Array(2 + s.length * 2);
  out.set([0xfe, 0xff]);
  for (let i = 0; i < s.length; i++) out.set([s.charCodeAt(i) >> 8, s.charCodeAt(i) & 0xff], 2 + i * 2);
  return out;
};
const keysAt = (text: string): string[] => scan(text).records.map((r) => `${r.key}@${r.span.start.line}:${r.span.start.column}`);

describe('adversarial text', () => {
  it('decodes UTF-16 with a BOM (both byte orders) and scans it with the right positions', () => {
    for (const encode of [utf16le, utf16be]) {
      const decoded = decodeDocument(encode('SECRET\r\n[REDACTED] (b)(6)\r\n'), 'memo.txt');
      expect(decoded.ok).toBe(true);
      if (decoded.ok) expect(keysAt(decoded.text)).toEqual(['classification:S@1:1', 'redaction:redacted@2:1', 'foia:b6@2:12']);
    }
  });

  it('drops a UTF-8 BOM and counts CRLF lines', () => {
    const decoded = decodeDocument(new TextEncoder().encode('\uFEFFTOP SECRET\r\n(b)(1)\r\n'), 'x');
    expect(decoded.ok && decoded.text.startsWith('TOP')).toBe(true);
    if (decoded.ok) expect(keysAt(decoded.text)).toEqual(['classification:TS@1:1', 'foia:b1@2:1']);
  });

  it('counts a lone CR as a line break', () => {
    expect(keysAt('SECRET\r(b)(6)\rOADR')).toEqual(['classification:S@1:1', 'foia:b6@2:1', 'declass:OADR@3:1']);
  });

  it('refuses NUL bytes and invalid UTF-8 with a reason, and never guesses', () => {
    const nul = decodeDocument(new Uint8Array([0x53, 0x45, 0x00, 0x43]), 'a.bin');
    expect(nul).toMatchObject({ ok: false, code: 'binary' });
    const bad = decodeDocument(new Uint8Array([0x28, 0x62, 0x29, 0xc3, 0x28]), 'b.txt');
    expect(bad).toMatchObject({ ok: false, code: 'invalid-encoding' });
    if (!bad.ok) expect(bad.reason).toMatch(/not valid UTF-8/);
  });

  it('scans NUL and control characters inside a string without throwing', () => {
    expect(keysAt('\u0000(b)(6)\u0001\u0002 OADR\u0007')).toEqual(['foia:b6@1:2', 'declass:OADR@1:11']);
  });

  it('finds every marking on a 50 MB single line', () => {
    const unit = 'The ambassador met the minister; [REDACTED] (b)(1) and more talk of matters. ';
    const line = unit.repeat(Math.ceil(50_000_000 / unit.length));
    const { records } = scan(line);
    const n = Math.ceil(50_000_000 / unit.length);
    expect(records.filter((r) => r.key === 'redaction:redacted')).toHaveLength(n);
    expect(records.filter((r) => r.key === 'foia:b1')).toHaveLength(n);
  });

  it('gives no FOIA record for 1,000,000 × "(b)("', () => {
    expect(scan('(b)('.repeat(1_000_000)).records.filter((r) => r.family === 'foia')).toEqual([]);
  });

  it('survives 100k unclosed "~~" and "[" and still reads a marking after them', () => {
    expect(keysAt(`${'~~'.repeat(100_000)}\nSECRET`)).toEqual(['classification:S@2:1']);
    expect(keysAt(`${'['.repeat(100_000)}\n(b)(6)`)).toEqual(['foia:b6@2:1']);
  });

  it('keeps columns in UTF-16 code units beside astral characters', () => {
    expect(keysAt('𝐒𝐄𝐂𝐑𝐄𝐓 (b)(6)😀OADR\n')).toEqual(['foia:b6@1:14', 'declass:OADR@1:22']);
  });
});

describe('nothing lost: a mixed folder', () => {
  it('puts every input in exactly one of documents and errors, and exits 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ra-mixed-'));
    writeFileSync(join(dir, 'a-plain.txt'), 'SECRET\n(b)(1)\n');
    writeFileSync(join(dir, 'b-binary.txt'), Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01]));
    writeFileSync(join(dir, 'c-latin1.txt'), Buffer.from('SECRET caf\u00e9', 'latin1'));
    writeFileSync(join(dir, 'd-utf16.txt'), utf16le('CONFIDENTIAL\r\n(b)(6)\r\n'));
    writeFileSync(join(dir, 'e-empty.txt'), '');
    writeFileSync(join(dir, 'f-bom-crlf.md'), '\uFEFF~~SECRET~~\r\n[REDACTED]\r\n');
    writeFileSync(join(dir, 'g-junk.txt'), `${'(b)('.repeat(10_000)}${'~~['.repeat(10_000)}`);
    const inputs = [...readdirSync(dir).map((f) => join(dir, f)), join(dir, 'missing.txt'), join(dir, '*.pdf')];
    let out = '';
    let err = '';
    const code = await runCli(['check', ...inputs, '--format', 'json'], { stdout: (s) => (out += s), stderr: (s) => (err += s), stdin: async () => new Uint8Array() });
    const json = JSON.parse(out);
    const seen = [...json.documents.map((d: { source: string }) => d.source), ...json.errors.map((e: { source: string }) => e.source)];
    expect(seen.sort()).toEqual([...inputs].sort());
    expect(json.errors.map((e: { source: string; code: string }) => `${e.source.replace(`${dir}/`, '')} ${e.code}`).sort()).toEqual([
      '*.pdf no-match',
      'b-binary.txt binary',
      'c-latin1.txt invalid-encoding',
      'missing.txt not-found',
    ]);
    expect(json.documents.find((d: { source: string }) => d.source.endsWith('d-utf16.txt')).records.map((r: { key: string }) => r.key)).toEqual(['classification:C', 'foia:b6']);
    expect(code).toBe(2);
    expect(err.split('\n').filter(Boolean)).toHaveLength(4);
  });
});
