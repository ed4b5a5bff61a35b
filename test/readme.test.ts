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
    const missing: string[] = [];
    for (const [name, value] of Object.entries({ ...index, ...node })) {
      const isCallable = typeof value === 'function' && !/Schema$/.test(name) && !/Error$/.test(name);
      if (isCallable && !headings.has(name)) missing.push(`### \`${name}\``);
      if (!isCallable && !api.includes(`\`${name}\``)) missing.push(name);
    }
    expect(missing).toEqual([]);
  });
});
