import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// A folder of good and bad entries, through the built binary: every bad entry is an `errors`
// entry, the good ones are analyzed, nothing hangs and nothing prints a stack trace.

const BIN = join(__dirname, '..', '..', 'dist', 'cli', 'main.js');
const isRoot = process.getuid?.() === 0;
const setpriv = ['/usr/bin/setpriv', '/bin/setpriv'].find((p) => existsSync(p));

/**
 * Runs the CLI as a user that file permissions apply to: this user, or `nobody` when the tests
 * run as root (root reads any folder, so an unreadable one cannot be made otherwise).
 */
function runUnprivileged(args: string[]): { code: number; out: string; err: string } {
  const [cmd, argv] = isRoot ? [setpriv as string, ['--reuid=nobody', '--regid=nogroup', '--clear-groups', process.execPath, BIN, ...args]] : [process.execPath, [BIN, ...args]];
  const result = spawnSync(cmd, argv, { encoding: 'utf8', timeout: 60_000 });
  if (result.error) throw result.error;
  return { code: result.status ?? -1, out: result.stdout, err: result.stderr };
}

function mixedFolder(): string {
  const root = mkdtempSync(join(tmpdir(), 'ra-mixed-'));
  writeFileSync(join(root, 'a-memo.txt'), 'SECRET\n[REDACTED] (b)(1)\n');
  writeFileSync(join(root, 'b-note.md'), 'CONFIDENTIAL\n(b)(6)\n');
  execFileSync('mkfifo', [join(root, 'c-fifo.txt')]);
  symlinkSync('/dev/zero', join(root, 'd-zero.txt'));
  symlinkSync('/dev/urandom', join(root, 'e-urandom.txt'));
  mkdirSync(join(root, 'f-locked'));
  writeFileSync(join(root, 'f-locked', 'hidden.txt'), 'TOP SECRET\n');
  mkdirSync(join(root, 'g-open'));
  writeFileSync(join(root, 'g-open', 'h.txt'), '(b)(3)\n');
  // Readable by anyone (the test may run the CLI as nobody), except the locked folder.
  for (const f of ['a-memo.txt', 'b-note.md', 'g-open/h.txt']) chmodSync(join(root, f), 0o644);
  for (const d of ['', 'g-open']) chmodSync(join(root, d), 0o755);
  chmodSync(join(root, 'f-locked'), 0o000);
  return root;
}

/** Whether `nobody` can read the built CLI: not when the checkout sits in a folder only root may enter (a 0700 home or temporary folder). */
function nobodyReadsBin(): boolean {
  if (!isRoot || setpriv === undefined) return true;
  const probe = spawnSync(setpriv, ['--reuid=nobody', '--regid=nogroup', '--clear-groups', process.execPath, '-e', `require('node:fs').accessSync(${JSON.stringify(BIN)})`]);
  return probe.status === 0;
}

const canRun = process.platform !== 'win32' && existsSync(BIN) && existsSync('/dev/zero') && (!isRoot || setpriv !== undefined) && nobodyReadsBin();
if (!canRun) {
  const why = !existsSync(BIN)
    ? 'dist is not built'
    : isRoot && setpriv === undefined
      ? 'running as root and setpriv is missing: cannot drop privileges to make an unreadable folder'
      : isRoot
        ? `running as root in a checkout that user nobody cannot read (${BIN}): cannot drop privileges to make an unreadable folder`
        : 'needs POSIX FIFOs and /dev/zero';
  console.log(`input-errors: skipped (${why})`);
}

describe.skipIf(!canRun)('a folder with a FIFO, links to devices, an unreadable subfolder and ordinary files', () => {
  const root = canRun ? mixedFolder() : '';
  const rel = (s: string): string => s.replace(`${root}/`, '');

  for (const jobs of ['1', '2']) {
    it(`scan --jobs ${jobs} finishes and reports each bad entry in errors (items 2 and 7)`, { timeout: 90_000 }, () => {
      const { code, out, err } = runUnprivileged(['scan', root, '--format', 'json', '--jobs', jobs]);
      const json = JSON.parse(out);
      expect(json.documents.map((d: { source: string }) => rel(d.source))).toEqual(['a-memo.txt', 'b-note.md', 'g-open/h.txt']);
      expect(json.errors.map((e: { source: string; code: string }) => `${rel(e.source)} ${e.code}`)).toEqual([
        'c-fifo.txt not-a-file',
        'd-zero.txt not-a-file',
        'e-urandom.txt not-a-file',
        'f-locked not-readable',
      ]);
      expect(json.errors[3].reason).toBe('permission denied');
      expect(code).toBe(2);
      expect(err).not.toMatch(/\n\s+at /);
      expect(err).not.toMatch(/internal error/);
    });
  }

  it('check and summary do the same, and a glob pattern reports the unreadable folder too', { timeout: 90_000 }, () => {
    for (const args of [['check', root, '--format', 'json'], ['summary', root, '--format', 'json'], ['scan', `${root}/**/*.txt`, '--format', 'json']]) {
      const { code, out, err } = runUnprivileged(args);
      const errors = JSON.parse(out).errors.map((e: { source: string; code: string }) => `${rel(e.source)} ${e.code}`);
      expect(errors, args.join(' ')).toContain('f-locked not-readable');
      expect(errors).toContain('c-fifo.txt not-a-file');
      expect(code).toBe(2);
      expect(err).not.toMatch(/\n\s+at /);
    }
  });

});
