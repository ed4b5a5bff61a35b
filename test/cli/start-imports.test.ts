import { spawnSync } from 'node:child_process';
import { isBuiltin } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const CLI = join(__dirname, '..', '..', 'dist', 'cli', 'main.js');

/** The files and bare packages a built ES module loads before it runs: its static imports, followed through relative files. */
function staticImports(entry: string): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string): void => {
    if (files.has(file)) return;
    files.add(file);
    const code = readFileSync(file, 'utf8');
    // `import … from "x"` and `import "x"` at the start of a line; `import("x")` (loaded when a command runs) does not match.
    for (const m of code.matchAll(/^(?:import|export)\s(?:[^'"]*?\sfrom\s)?["']([^"']+)["'];?$/gms)) {
      const spec = m[1] as string;
      if (spec.startsWith('.')) visit(resolve(dirname(file), spec));
      else packages.add(spec);
    }
  };
  visit(entry);
  return { files: [...files], packages: [...packages].sort() };
}

describe('the CLI start', () => {
  it('loads commander (and picocolors) alone before a command runs: no scanner, catalog, schema library or rule sets', () => {
    const { files, packages } = staticImports(CLI);
    // picocolors (1 kB) comes with the escaping of standard error.
    expect(packages.filter((p) => !isBuiltin(p))).toEqual(['commander', 'picocolors']);
    const loaded = files.map((f) => readFileSync(f, 'utf8')).join('\n');
    expect(loaded).not.toContain('scanText');
    expect(loaded).not.toContain('redaction-audit:recommended');
    expect(files.length).toBeLessThan(6);
  });

  it('still prints --version and --help', () => {
    const version = spawnSync(process.execPath, [CLI, '--version'], { encoding: 'utf8' });
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    const help = spawnSync(process.execPath, [CLI, 'check', '--help'], { encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('--fail-on');
  });
});
