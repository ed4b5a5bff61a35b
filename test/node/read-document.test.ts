import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, symlinkSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DocumentReadError, listDocuments, readDocument, scan, scanFileStream } from '../../src/node.js';

// The input layer: only regular files are read, sizes are checked before reading, and a file
// read whole and a file streamed are accepted and refused by the same rules.

const dir = mkdtempSync(join(tmpdir(), 'ra-read-'));
function file(name: string, bytes: Uint8Array | string): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

/** What scanFileStream makes of a file: its records, or the read failure's code and reason. */
async function streamed(path: string): Promise<{ ok: true; keys: string[] } | { ok: false; code: string; reason: string }> {
  const keys: string[] = [];
  try {
    for await (const p of scanFileStream(path)) for (const r of p.records) keys.push(r.key);
  } catch (error) {
    if (error instanceof DocumentReadError) return { ok: false, code: error.code, reason: error.reason };
    throw error;
  }
  return { ok: true, keys };
}

/** What readDocument makes of a file, in the shape of {@link streamed}. */
async function whole(path: string): Promise<{ ok: true; keys: string[] } | { ok: false; code: string; reason: string }> {
  const read = await readDocument(path);
  return read.ok ? { ok: true, keys: scan(read.text).records.map((r) => r.key) } : { ok: false, code: read.code, reason: read.reason };
}

const canMkfifo = process.platform !== 'win32';

describe('readDocument and scanFileStream read regular files only', () => {
  it.skipIf(!canMkfifo)('refuse a FIFO at once, read whole or streamed (item 2: no hang)', { timeout: 10_000 }, async () => {
    const fifo = join(dir, 'pipe.txt');
    execFileSync('mkfifo', [fifo]);
    for (const result of [await whole(fifo), await streamed(fifo)]) {
      expect(result).toMatchObject({ ok: false, code: 'not-a-file' });
      if (!result.ok) expect(result.reason).toMatch(/FIFO/);
    }
  });

  it.skipIf(!existsSync('/dev/zero'))('refuse links to /dev/zero and /dev/urandom without reading them (item 2: no memory blow-up)', { timeout: 10_000 }, async () => {
    for (const device of ['/dev/zero', '/dev/urandom']) {
      const link = join(dir, `${device.slice(5)}.txt`);
      symlinkSync(device, link);
      for (const result of [await whole(link), await streamed(link), await whole(device)]) {
        expect(result).toMatchObject({ ok: false, code: 'not-a-file' });
        if (!result.ok) expect(result.reason).toMatch(/character device/);
      }
    }
  });

  it('refuse a file over the limit before reading it, and say the limit is the longest string (item 18)', async () => {
    // 600 MB of ASCII, sparse on disk: the old reader called it "not valid UTF-8".
    const path = join(dir, 'huge.txt');
    const fd = openSync(path, 'w');
    writeSync(fd, 'SECRET\n'.repeat(2000));
    writeSync(fd, 'x', 600_000_000 - 1);
    closeSync(fd);
    const read = await readDocument(path);
    expect(read).toMatchObject({ ok: false, code: 'too-large' });
    if (!read.ok) expect(read.reason).toMatch(/600,000,000 bytes; the limit is 536,870,888 bytes, the longest string JavaScript can hold/);
    const small = await readDocument(file('small.txt', 'SECRET\n'.repeat(10)), { maxBytes: 20 });
    expect(small).toMatchObject({ ok: false, code: 'too-large', reason: 'the file is 70 bytes; the limit is 20 bytes' });
  });

  it('name a missing file and a directory', async () => {
    expect(await whole(join(dir, 'missing.txt'))).toMatchObject({ ok: false, code: 'not-found', reason: 'no such file' });
    expect(await whole(dir)).toMatchObject({ ok: false, code: 'is-directory' });
    expect(await streamed(dir)).toMatchObject({ ok: false, code: 'is-directory' });
  });
});

describe('decoding: one rule whatever the size or the way a file is read (item 18)', () => {
  const utf16 = (text: string, order: 'le' | 'be'): Buffer => (order === 'le' ? Buffer.from(text, 'utf16le') : Buffer.from(text, 'utf16le').swap16());
  const TEXT = 'SECRET\r\n[REDACTED] (b)(6)\r\nDECL: OADR\r\n';

  it('calls a NUL after the first 8 KB binary, read whole and streamed', async () => {
    const path = file('late-nul.txt', Buffer.concat([Buffer.alloc(9000, 'a'), Buffer.from([0]), Buffer.from('SECRET\n')]));
    for (const result of [await whole(path), await streamed(path)]) expect(result).toMatchObject({ ok: false, code: 'binary' });
  });

  it('reads UTF-16 without a byte-order mark (both byte orders) when it is mostly ASCII', async () => {
    const expected = scan(TEXT).records.map((r) => r.key);
    for (const order of ['le', 'be'] as const) {
      const path = file(`no-bom-${order}.txt`, utf16(TEXT, order));
      const read = await readDocument(path);
      expect(read).toMatchObject({ ok: true, encoding: `utf-16${order}`, text: TEXT });
      expect(await streamed(path)).toEqual({ ok: true, keys: expected });
    }
  });

  it('still calls binary what only looks like UTF-16 (control characters)', async () => {
    const path = file('shorts.bin', Buffer.from([1, 0, 2, 0, 3, 0, 65, 0, 66, 0]));
    for (const result of [await whole(path), await streamed(path)]) expect(result).toMatchObject({ ok: false, code: 'binary' });
  });

  it('refuses a lone surrogate in UTF-16 with one code and message, small or streamed, with or without a BOM', async () => {
    const bad = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('SECRET ', 'utf16le'), Buffer.from([0x00, 0xd8]), Buffer.from(' (b)(1)\n', 'utf16le')]);
    const big = Buffer.concat([bad, Buffer.from('more text\n'.repeat(20_000), 'utf16le')]);
    const results = [await whole(file('lone-small.txt', bad)), await streamed(file('lone-small.txt', bad)), await whole(file('lone-big.txt', big)), await streamed(file('lone-big.txt', big))];
    for (const result of results) expect(result).toEqual({ ok: false, code: 'invalid-encoding', reason: results[0]?.ok === false ? results[0].reason : '' });
    expect(results[0]).toMatchObject({ reason: expect.stringMatching(/not valid UTF-16LE: it holds a lone surrogate/) });
  });

  it('refuses invalid UTF-8 with the same message read whole and streamed', async () => {
    const path = file('latin1.txt', Buffer.concat([Buffer.alloc(70_000, 'a'), Buffer.from([0xe9])]));
    const a = await whole(path);
    expect(a).toMatchObject({ ok: false, code: 'invalid-encoding', reason: expect.stringMatching(/^the file is not valid UTF-8/) });
    expect(await streamed(path)).toEqual(a);
  });
});

describe('listDocuments', () => {
  it('lists links and FIFOs by name (the reader refuses them) and reports what it cannot read', async () => {
    const root = mkdtempSync(join(tmpdir(), 'ra-list-'));
    writeFileSync(join(root, 'a.txt'), 'SECRET');
    mkdirSync(join(root, 'sub'));
    writeFileSync(join(root, 'sub', 'b.md'), '(b)(1)');
    if (existsSync('/dev/zero')) symlinkSync('/dev/zero', join(root, 'zero.txt'));
    const listed = await listDocuments(root);
    expect(listed.failures).toEqual([]);
    expect(listed.files).toEqual([join(root, 'a.txt'), join(root, 'sub', 'b.md'), ...(existsSync('/dev/zero') ? [join(root, 'zero.txt')] : [])]);
    expect(await listDocuments(join(root, 'missing'))).toEqual({ files: [], failures: [{ ok: false, source: join(root, 'missing'), code: 'not-found', reason: 'no such file' }] });
  });
});
