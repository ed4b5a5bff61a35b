import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..');

interface Hook {
  id: string;
  entry: string;
  language: string;
  files: string;
  exclude: string;
}

describe('.pre-commit-hooks.yaml', () => {
  const hooks = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
  const hook = hooks.find((h) => h.id === 'redaction-audit') as Hook;

  it('runs the package bin on documents, not on READMEs', () => {
    expect(hook.language).toBe('node');
    const [bin, command] = hook.entry.split(' ');
    expect(Object.keys(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).bin)).toContain(bin);
    expect(command).toBe('check');
    const selected = (path: string): boolean => new RegExp(hook.files).test(path) && !new RegExp(hook.exclude).test(path);
    expect(['docs/a.txt', 'b.md', 'release.pdf', 'x/y.markdown'].every(selected)).toBe(true);
    expect(['README.md', 'docs/README.md', 'CHANGELOG.md', 'a.js'].some(selected)).toBe(false);
  });

  it('checks the staged files pre-commit passes, exiting as check does', () => {
    // pre-commit runs `entry` with the matching files as arguments, from the repository root.
    const files = readdirSync(join(ROOT, 'examples', 'documents')).map((f) => join('examples', 'documents', f)).filter((f) => new RegExp(hook.files).test(f));
    expect(files.length).toBeGreaterThan(3);
    const args = hook.entry.split(' ').slice(1);
    const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli', 'main.js'), ...args, ...files], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/\d+ findings \(0 errors, \d+ warnings/);
    expect(r.stdout).toContain('examples/documents/seed-003.txt');
  });
});
