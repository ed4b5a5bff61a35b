import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cut } from './support/cut.js';
import { tempDir } from './support/temp-dir.js';
import { decodeDocument, DocumentReadError, InvalidArgumentError, readDocument, scan, scanByteStream, scanFileStream } from '../src/node.js';

const dir = tempDir('redaction-audit-stream-');
function file(name: string, bytes: Uint8Array | string): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

async function streamRecords(path: string): Promise<unknown[]> {
  const records: unknown[] = [];
  for await (const p of scanFileStream(path)) {
    expect(p.source).toBe(path);
    records.push(...p.records);
  }
  return records;
}

const TEXT = 'SECRET\r\n(b)(1) (b)(3) 50 USC 3024(i)\r\nDECL: OADR 😀 [REDACTED]\n\fPage 2 of 2\n(b)(6)\n';

describe('scanFileStream', () => {
  it.each([
    ['UTF-8', Buffer.from(TEXT, 'utf8')],
    ['UTF-8 with a BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, 'utf8')])],
    ['UTF-16 LE with a BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')])],
    ['UTF-16 BE with a BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(TEXT, 'utf16le').swap16()])],
  ])('decodes %s as readDocument does and finds what scan finds', async (name, bytes) => {
    const path = file(`${name.replace(/\W+/g, '-')}.txt`, bytes);
    const read = await readDocument(path);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(await streamRecords(path)).toEqual(scan(read.text, { source: path }).records);
  });

  it('streams a file larger than its read buffer, across chunk edges', async () => {
    const big = `${'the talks went on. '.repeat(20_000)}\n(b)(1)\n${'é'.repeat(70_000)}SECRET\n`;
    const path = file('big.txt', big);
    expect(await streamRecords(path)).toEqual(scan(big, { source: path }).records);
  });

  it.each([
    ['missing.txt', null, 'not-found'],
    ['binary.bin', new Uint8Array([1, 2, 0, 4]), 'binary'],
    ['latin1.txt', new Uint8Array([0x53, 0xe9, 0x63, 0x72, 0x65, 0x74]), 'invalid-encoding'],
  ] as const)('refuses %s with code %s, naming the file', async (name, bytes, code) => {
    const path = bytes === null ? join(dir, name) : file(name, bytes);
    const error = await streamRecords(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DocumentReadError);
    expect((error as DocumentReadError).code).toBe(code);
    expect((error as DocumentReadError).source).toBe(path);
    expect((error as Error).message).toContain(path);
  });

  it('refuses a directory', async () => {
    const error = await streamRecords(dir).catch((e: unknown) => e);
    expect((error as DocumentReadError).code).toBe('is-directory');
  });

  it('reads an empty file and a one-byte file', async () => {
    expect(await streamRecords(file('empty.txt', ''))).toEqual([]);
    expect(await streamRecords(file('one.txt', 'X'))).toEqual([]);
  });
});

async function byteStreamRecords(chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, source?: string): Promise<unknown[]> {
  const records: unknown[] = [];
  for await (const p of scanByteStream(chunks, source === undefined ? {} : { source })) {
    expect(p.source).toBe(source ?? null);
    for (const r of p.records) records.push(r);
  }
  return records;
}

describe('scanByteStream', () => {
  // A real document of the development corpus, twice over, around the marks of TEXT.
  const devDir = join(__dirname, 'fixtures', 'corpus', 'dev');
  const dev = readFileSync(join(devDir, readdirSync(devDir).filter((f) => f.endsWith('.txt')).sort()[0] as string), 'utf8');
  const text = `${dev}\n${TEXT}${dev}`;

  it.each([
    ['UTF-8', Buffer.from(text, 'utf8')],
    ['UTF-16 LE with a BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])],
  ])('decodes %s cut anywhere (inside characters too) as decodeDocument does, and finds what scan finds', async (_name, bytes) => {
    const whole = decodeDocument(bytes, 'doc.txt');
    expect(whole.ok).toBe(true);
    if (!whole.ok) return;
    const expected = scan(whole.text, { source: 'doc.txt' }).records;
    expect(expected.length).toBeGreaterThan(5);
    for (const sizes of [[1], [3, 7919, 2], [65536]]) expect(await byteStreamRecords(cut(bytes, sizes), 'doc.txt')).toEqual(expected);
    async function* slowly(): AsyncGenerator<Uint8Array> {
      for (const c of cut(bytes, [4096])) yield await Promise.resolve(c);
    }
    expect(await byteStreamRecords(slowly(), 'doc.txt')).toEqual(expected);
  });

  it('refuses binary data, a PDF and invalid UTF-8 with DocumentReadError, naming the source', async () => {
    const pdf = readFileSync(join(__dirname, '..', 'examples', 'pdf', 'redacted-cable.pdf'));
    for (const [bytes, code] of [
      [new Uint8Array([0x41, 0, 0x42]), 'binary'],
      [pdf, 'pdf'],
      [Buffer.concat([Buffer.from(`${'(b)(1) SECRET\n'.repeat(2000)}`), Buffer.from([0xc3, 0x28])]), 'invalid-encoding'],
    ] as const) {
      const error = await byteStreamRecords(cut(bytes, [1000]), 'in.txt').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DocumentReadError);
      expect((error as DocumentReadError).code).toBe(code);
      expect((error as DocumentReadError).source).toBe('in.txt');
    }
  });

  it('turns an error of the stream itself into DocumentReadError (not-readable) with its message', async () => {
    async function* failing(): AsyncGenerator<Uint8Array> {
      yield Buffer.from('(b)(1)\n'.repeat(3000));
      throw Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' });
    }
    const error = await byteStreamRecords(failing(), '-').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DocumentReadError);
    expect((error as DocumentReadError).code).toBe('not-readable');
    expect((error as Error).message).toContain('EIO');
  });

  it('refuses what is not a stream of bytes, saying what it got', async () => {
    await expect(byteStreamRecords(42 as never)).rejects.toThrow(InvalidArgumentError);
    await expect(byteStreamRecords(['SECRET'] as never)).rejects.toThrow(/every chunk must be a Uint8Array \(a Buffer\), got a string \(use scanStream for text\)/);
    await expect(byteStreamRecords([new Uint8Array([0x41]), 7] as never)).rejects.toThrow(/got number/);
    // Not a silent end of the stream: the chunks after it were never read.
    await expect(byteStreamRecords([Buffer.from('SECRET\n'), undefined, Buffer.from('\fTOP SECRET\n')] as never)).rejects.toThrow(/got undefined/);
  });

  it('reads an empty stream as an empty document', async () => {
    expect(await byteStreamRecords([])).toEqual([]);
  });
});
