import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configJsonSchema, parseConfig } from '../../src/index.js';

describe('parseConfig', () => {
  it('reads a config with overrides', () => {
    const result = parseConfig('extends: [redaction-audit:strict, ./agency.yaml]\nfiles: "**/*.txt"\nfailOn: warning\nmaxWarnings: 3\noverrides:\n  - files: ["frus/**"]\n    extends: redaction-audit:frus\n    documentDate: "1962-10-27"\n', { source: 'c.yaml' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.failOn).toBe('warning');
    expect(result.config.overrides?.[0]?.documentDate).toBe('1962-10-27');
    expect(result.locate(['overrides', 0, 'files'])).toEqual({ line: 6, column: 12 });
  });

  it('takes an empty file as an empty config', () => {
    expect(parseConfig('', { source: 'c.yaml' })).toMatchObject({ ok: true, config: {} });
  });

  it.each([
    ['documentDate: "1998-02-30"\n', 'invalid-value', 1, 15, /YYYY-MM-DD \(a real day\)/],
    ['maxWarnings: -1\n', 'invalid-value', 1, 14, /./],
    ['- just a list\n', 'invalid-value', 1, 1, /a config file is a YAML mapping/],
    ['rules:\n  x: off\n', 'unknown-key', 1, 1, /unknown key "rules"/],
    ['overrides:\n  - files: []\n', 'invalid-value', 2, 12, /./],
    ['failOn: error\nfailOn: info\n', 'duplicate-key', 2, 1, /appears twice/],
    ['a: !!binary aGVsbG8=\n', 'unsupported-tag', 1, 13, /not supported in a config file/],
  ])('reports %j as %s at %d:%d', (text, code, line, column, message) => {
    const result = parseConfig(text, { source: 'c.yaml' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues[0]).toMatchObject({ code, line, column, source: 'c.yaml' });
    expect(result.issues[0]?.message).toMatch(message);
  });
});

describe('the JSON Schema of config files', () => {
  it('is generated from the zod schema (run `npm run schema` after changing it)', () => {
    const shipped = JSON.parse(readFileSync(join(__dirname, '..', '..', 'rules', 'config.schema.json'), 'utf8'));
    expect(shipped).toEqual(JSON.parse(JSON.stringify(configJsonSchema())));
    expect(shipped.properties.overrides.items.required).toEqual(['files']);
  });
});
