import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { transformSync } from 'esbuild';

const ROOT = join(__dirname, '..', '..');

/**
 * Compiles TypeScript to ESM (`.mjs`) or CommonJS (`.cjs`) without bundling, into `.cache/<dir>/`
 * inside the package (not under node_modules), so `import 'redaction-audit'` in it resolves to
 * dist/ through the package's own exports map, exactly as an installed copy would. Returns the path.
 */
export function compileInPackage(code: string, dir: string, name: string, format: 'esm' | 'cjs'): string {
  const outDir = join(ROOT, '.cache', dir);
  mkdirSync(outDir, { recursive: true });
  const out = join(outDir, `${name}${format === 'esm' ? '.mjs' : '.cjs'}`);
  writeFileSync(out, transformSync(code, { loader: 'ts', format, target: 'node20', sourcefile: `${name}.ts` }).code);
  return out;
}
