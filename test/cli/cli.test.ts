import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'dist', 'cli', 'main.js');

async function run(argv: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, {
    stdout: (s) => (out += s),
    stderr: (s) => (err += s),
    stdin: async () => new TextEncoder().encode(stdin),
  });
  return { code, out, err };
}

describe('redaction-audit scan (in process)', () => {
  it('writes the JSON shape of the issue: documents with source and records', async () => {
    const { code, out } = await run(['scan', join(ROOT, 'examples', 'documents'), '--format', 'json']);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.documents.map((d: { source: string }) => d.source.split('/').pop())).toEqual(['seed-000.txt', 'seed-001.txt', 'seed-002.txt', 'seed-003.txt', 'seed-004.txt']);
    expect(json.documents[3].records.length).toBeGreaterThan(40);
    expect(json.errors).toEqual([]);
  });

  it('writes one text line per record: path:line:col  key  raw  role  confidence', async () => {
    const { out } = await run(['scan', '-'], 'x\n(b)(6) OADR\n');
    expect(out.trim().split('\n')).toEqual(['-:2:1  foia:b6  (b)(6)  marking  0.95', '-:2:8  declass:OADR  OADR  marking  0.95']);
  });

  it('reports an unreadable file, still scans the others, and exits 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ra-'));
    writeFileSync(join(dir, 'a-good.txt'), 'SECRET\n(b)(1)\n');
    writeFileSync(join(dir, 'b-binary.txt'), Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02]));
    writeFileSync(join(dir, 'c-latin1.txt'), Buffer.from([0x53, 0x45, 0x43, 0x52, 0x45, 0x54, 0xe9, 0x0a]));
    const { code, out, err } = await run(['scan', dir, join(dir, 'missing.txt'), '--format', 'json']);
    expect(code).toBe(2);
    const json = JSON.parse(out);
    expect(json.documents.map((d: { source: string }) => d.source)).toEqual([join(dir, 'a-good.txt')]);
    expect(json.errors.map((e: { source: string; code: string }) => [e.source.split('/').pop(), e.code])).toEqual([
      ['b-binary.txt', 'binary'],
      ['c-latin1.txt', 'invalid-encoding'],
      ['missing.txt', 'not-found'],
    ]);
    expect(err).toContain('b-binary.txt');
  });

  it('exits 2 with usage help on bad arguments', async () => {
    expect((await run(['scan'])).code).toBe(2);
    expect((await run(['scan', 'x', '--format', 'xml'])).code).toBe(2);
    expect((await run(['nonsense'])).code).toBe(2);
    expect((await run(['--help'])).code).toBe(0);
  });
});

describe('redaction-audit (spawned from dist)', () => {
  it('runs the built binary', () => {
    const out = execFileSync(process.execPath, [BIN, 'scan', join(ROOT, 'examples', 'documents', 'seed-004.txt')], { encoding: 'utf8' });
    expect(out).toContain('page:facsimile  [Facsimile Page 2]  editorial');
    const version = spawnSync(process.execPath, [BIN, '--version'], { encoding: 'utf8' });
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
  it('loads through require and import', () => {
    const cjs = execFileSync(process.execPath, ['-e', "const {scan}=require('./dist/index.cjs');console.log(scan('(b)(6)').records[0].key)"], { cwd: ROOT, encoding: 'utf8' });
    expect(cjs.trim()).toBe('foia:b6');
    const esm = execFileSync(process.execPath, ['--input-type=module', '-e', "import {scan} from './dist/index.js';console.log(scan('OALR').records[0].code)"], { cwd: ROOT, encoding: 'utf8' });
    expect(esm.trim()).toBe('OADR');
  });
});
