import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DocumentReadError, readDocument, scan, scanFileStream } from '../src/node.js';

const dir = mkdtempSync(join(tmpdir(), 'redaction-audit-stream-'));
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
