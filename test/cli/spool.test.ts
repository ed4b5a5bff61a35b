import { spawn } from 'node:child_process';
import { copyFileSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { createSpool, disposeSpools } from '../../src/cli/spool.js';
import { tempDir } from '../support/temp-dir.js';

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'dist', 'cli', 'main.js');
const DEV = join(ROOT, 'test', 'fixtures', 'corpus', 'dev');
const TMPDIR = process.env.TMPDIR;

afterEach(() => {
  if (TMPDIR === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = TMPDIR;
});

/** Parks of the spools of this process and its children under `dir`. */
const parked = (dir: string): string[] => readdirSync(dir).filter((f) => f.startsWith('redaction-audit-'));

describe('createSpool', () => {
  it('keeps the text in memory, and says why once, when the temporary directory cannot be used', () => {
    process.env.TMPDIR = join(tempDir('ra-spool-'), 'missing');
    const reasons: string[] = [];
    const spool = createSpool({ onMemory: (r) => reasons.push(r) });
    // Real text, past the 1 MiB a spool gathers before each write.
    const text = readFileSync(join(DEV, readdirSync(DEV).filter((f) => f.endsWith('.txt')).sort()[0] as string), 'utf8');
    const pieces = Array.from({ length: Math.ceil((3 << 20) / text.length) }, (_, i) => `${i}:${text}`);
    for (const p of pieces) spool.write(p);
    expect([...spool.read()].join('')).toBe(pieces.join(''));
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toMatch(/ENOENT/);
    spool.dispose();
    spool.dispose();
  });

  it('disposeSpools deletes the files of every spool still open', () => {
    const dir = tempDir('ra-spool-');
    process.env.TMPDIR = dir;
    const a = createSpool();
    const b = createSpool();
    a.write('(b)(1)');
    b.write('SECRET');
    expect(parked(dir)).toHaveLength(2);
    disposeSpools();
    expect(parked(dir)).toEqual([]);
    a.dispose();
  });
});

describe('check and summary without a usable temporary directory', () => {
  it('write the same report as with one, and say so on standard error', async () => {
    const run = async (argv: string[]) => {
      let out = '';
      let err = '';
      const code = await runCli(argv, { stdout: (s) => (out += s), stderr: (s) => (err += s), stdin: async () => new Uint8Array(0) });
      return { code, out, err };
    };
    const docs = join(ROOT, 'examples', 'documents');
    for (const argv of [
      ['check', '--no-config', '-f', 'json', docs],
      ['check', '--no-config', '-f', 'sarif', docs],
      ['summary', '--no-config', '-f', 'json', docs],
    ]) {
      const usual = await run(argv);
      process.env.TMPDIR = join(tempDir('ra-spool-'), 'missing');
      const without = await run(argv);
      process.env.TMPDIR = TMPDIR ?? '';
      if (TMPDIR === undefined) delete process.env.TMPDIR;
      expect(without.code).toBe(usual.code);
      expect(without.out).toBe(usual.out);
      expect(usual.out.length).toBeGreaterThan(1000);
      expect(without.err).toMatch(/note: the temporary directory cannot be used \(ENOENT[^)]*\); what would be parked there is kept in memory/);
      expect(without.err.match(/temporary directory/g)).toHaveLength(1);
    }
  });
});

describe('the CLI stopped by a signal', () => {
  it('leaves no temporary file behind and exits with 128 + the signal’s number', async () => {
    // Enough real documents that the run is still going when its first spool file appears.
    const folder = tempDir('ra-signal-docs-');
    const names = readdirSync(DEV).filter((f) => f.endsWith('.txt')).sort();
    for (let i = 0; i < 400; i++) copyFileSync(join(DEV, names[i % names.length] as string), join(folder, `doc-${String(i).padStart(3, '0')}.txt`));
    const tmp = tempDir('ra-signal-tmp-');
    const child = spawn(process.execPath, [BIN, 'check', '--no-config', '-f', 'json', '-o', join(tmp, 'out.json'), folder], { env: { ...process.env, TMPDIR: tmp }, stdio: 'ignore' });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    let seen = false;
    for (let waited = 0; waited < 60_000 && !seen; waited += 20) {
      seen = parked(tmp).length > 0;
      if (!seen) await new Promise((r) => setTimeout(r, 20));
    }
    expect(seen).toBe(true);
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(parked(tmp)).toEqual([]);
  }, 90_000);
});
