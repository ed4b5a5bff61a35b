import { spawnSync } from 'node:child_process';
import { isBuiltin } from 'node:module';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const CLI = join(__dirname, '..', '..', 'dist', 'cli', 'main.js');

/**
 * The files and bare packages a built ES module loads before it runs: its static imports,
 * followed through relative files. The CLI build is minified (`import{a as b}from"./c.js";`), so
 * an import is matched wherever a statement may start; `import("x")`, loaded only when a command
 * runs, does not match.
 */
function staticImports(entry: string): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string): void => {
    if (files.has(file)) return;
    files.add(file);
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(/(?:^|[;}\n])\s*(?:import|export)\s*(?:[{*][^'"]*?from\s*|[\w$]+\s+from\s*)?["']([^"']+)["']/g)) {
      const spec = m[1] as string;
      if (spec.startsWith('.')) visit(resolve(dirname(file), spec));
      else packages.add(spec);
    }
  };
  visit(entry);
  return { files: [...files], packages: [...packages].sort() };
}

/** Strings only the scanner's catalog, the built-in rule sets, zod and yaml hold. */
const HEAVY = ['NOFORN', 'redaction-audit:recommended', '$ZodType', 'YAMLParseError'];

describe('the CLI start', () => {
  it('loads commander (and picocolors) alone before a command runs: no scanner, catalog, schema library or rule sets', () => {
    const { files, packages } = staticImports(CLI);
    // The CLI bundles its dependencies (commander, picocolors …): it names none but Node's built-ins.
    expect(packages.filter((p) => !isBuiltin(p))).toEqual([]);
    const loaded = files.map((f) => readFileSync(f, 'utf8')).join('\n');
    expect(loaded).toContain('commander.invalidArgument');
    for (const heavy of HEAVY) expect(loaded, heavy).not.toContain(heavy);
    expect(files.length).toBeLessThan(6);
    // The scan command's own modules do hold them (so the check above can fail), and name no
    // package but re2js, pdf.js (loaded only for a PDF) and Node's built-ins.
    const scanModule = readdirSync(join(CLI, '..', '..')).find((f) => /^run-scan-[\w-]+\.js$/.test(f)) as string;
    const scan = staticImports(join(CLI, '..', '..', scanModule));
    const scanLoaded = scan.files.map((f) => readFileSync(f, 'utf8')).join('\n');
    for (const heavy of HEAVY) expect(scanLoaded, heavy).toContain(heavy);
    expect(scan.packages.filter((p) => !isBuiltin(p))).toEqual(['re2js']);
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
