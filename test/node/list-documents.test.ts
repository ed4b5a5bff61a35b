import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listDocuments } from '../../src/node.js';

describe('listDocuments', () => {
  it('follows links to directories once, reports each loop once, and leaves README.md out', async () => {
    const root = mkdtempSync(join(tmpdir(), 'ra-list-'));
    mkdirSync(join(root, 'docs', 'a'), { recursive: true });
    mkdirSync(join(root, 'elsewhere'));
    writeFileSync(join(root, 'docs', 'a', 'one.txt'), 'x');
    writeFileSync(join(root, 'docs', 'README.md'), '# about');
    writeFileSync(join(root, 'docs', 'notes.md'), 'x');
    writeFileSync(join(root, 'elsewhere', 'two.txt'), 'x');
    symlinkSync(join(root, 'elsewhere'), join(root, 'docs', 'linked'));
    symlinkSync(join(root, 'elsewhere'), join(root, 'docs', 'linked-again'));
    symlinkSync(join(root, 'docs'), join(root, 'docs', 'a', 'up'));
    const { files, failures } = await listDocuments(join(root, 'docs'));
    expect(files.map((f) => f.slice(root.length + 1))).toEqual(['docs/a/one.txt', 'docs/linked/two.txt', 'docs/notes.md']);
    expect(failures.map((f) => [f.source.slice(root.length + 1), f.code])).toEqual([['docs/a/up', 'symlink-loop']]);
  });

  it('lets accept decide, and enter skip directories', async () => {
    const root = mkdtempSync(join(tmpdir(), 'ra-list-'));
    mkdirSync(join(root, 'skip'));
    writeFileSync(join(root, 'README.md'), '# about');
    writeFileSync(join(root, 'scan.ocr'), 'x');
    writeFileSync(join(root, 'skip', 'b.txt'), 'x');
    const { files } = await listDocuments(root, { accept: (p) => (p.endsWith('.ocr') || p.endsWith('README.md') ? true : undefined), enter: (p) => !p.endsWith('skip') });
    expect(files.map((f) => f.slice(root.length + 1))).toEqual(['README.md', 'scan.ocr']);
  });
});
