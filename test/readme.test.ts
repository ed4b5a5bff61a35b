import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('the README API section', () => {
  it('has a heading for every exported function and class, and names every schema and constant', async () => {
    const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
    const api = readme.slice(readme.indexOf('## API'), readme.indexOf('## Rule-file format'));
    const headings = new Set([...api.matchAll(/^### `([A-Za-z]+)`$/gm)].map((m) => m[1]));
    const index = await import('../src/index.js');
    const node = await import('../src/node.js');
    const pdf = await import('../src/pdf.js');
    const pattern = await import('../src/pattern.js');
    const missing: string[] = [];
    for (const [name, value] of Object.entries({ ...index, ...node, ...pdf, ...pattern })) {
      const isCallable = typeof value === 'function' && !/Schema$/.test(name) && !/Error$/.test(name);
      if (isCallable && !headings.has(name)) missing.push(`### \`${name}\``);
      if (!isCallable && !api.includes(`\`${name}\``)) missing.push(name);
    }
    expect(missing).toEqual([]);
  });
});

describe('the README example', () => {
  it('prints exactly the output the README shows', async () => {
    const { execFileSync } = await import('node:child_process');
    const { compileInPackage } = await import('./support/compile-in-package.js');
    const root = join(__dirname, '..');
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Example'), readme.indexOf('## Vocabulary'));
    const [, code, shown] = /```ts\n([\s\S]*?)```\s*\nprints\s*\n```\n([\s\S]*?)```/.exec(section) ?? [];
    expect(code).toBeDefined();
    const file = compileInPackage(code as string, 'readme', 'example', 'esm');
    expect(execFileSync(process.execPath, [file], { encoding: 'utf8' })).toBe(shown);
  });
});

describe('the README sections that init points to', () => {
  it('exist under the names the starter files quote', async () => {
    const { STARTER_RULE_SET, starterConfig } = await import('../src/cli/run-init.js');
    const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
    const headings = new Set([...readme.matchAll(/^#{2,3} (.+)$/gm)].map((m) => m[1]));
    const quoted = [...`${STARTER_RULE_SET}\n${starterConfig('./x.yaml')}`.matchAll(/the "([^"]+)" section of\s*#?\s*node_modules\/redaction-audit\/README\.md/g)].map((m) => m[1]);
    expect(quoted.sort()).toEqual(['Config file', 'Rule-file format']);
    for (const name of quoted) expect(headings).toContain(name);
    expect(`${STARTER_RULE_SET}${starterConfig('./x.yaml')}`).not.toMatch(/https?:\/\//);
  });
});
