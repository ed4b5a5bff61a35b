import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { sarifErrors } from '../support/sarif.js';

const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli', 'main.js');

interface Step {
  id?: string;
  uses?: string;
  run?: string;
  shell?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
  if?: string;
}
interface Action {
  inputs: Record<string, { default: string }>;
  runs: { using: string; steps: Step[] };
}

const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as Action;

/** Resolves a step's `${{ … }}` expressions for a local run: inputs (defaults overridden by `given`), earlier steps' outputs, the runner's temp directory. */
function expand(value: string, inputs: Record<string, string>, outputs: Record<string, Record<string, string>>, temp: string): string {
  return value.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expr: string) => {
    const input = /^inputs\.([\w-]+)$/.exec(expr);
    if (input) return inputs[input[1] as string] ?? '';
    const output = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expr);
    if (output) return outputs[output[1] as string]?.[output[2] as string] ?? '';
    if (expr === 'runner.temp') return temp;
    throw new Error(`an expression the local run cannot resolve: ${expr}`);
  });
}

/**
 * Runs the action's `run` steps in `cwd`, as the runner would (bash -eo pipefail, `env` from the
 * step, `GITHUB_OUTPUT`). The install step is replaced by the package built here: it would
 * install from npm; its script is still checked for bash syntax. Returns the outputs of every step.
 */
function runAction(given: Record<string, string>, cwd: string): Record<string, Record<string, string>> {
  const inputs = { ...Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, String(v.default)])), ...given };
  const temp = mkdtempSync(join(tmpdir(), 'ra-action-runner-'));
  const outputs: Record<string, Record<string, string>> = {};
  const bin = join(temp, 'redaction-audit');
  writeFileSync(bin, `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} "$@"\n`, { mode: 0o755 });
  for (const step of action.runs.steps) {
    if (step.run === undefined) continue;
    const id = step.id as string;
    expect(step.shell).toBe('bash');
    // No expression inside the script itself: inputs reach it through env only.
    expect(step.run).not.toContain('${{');
    if (id === 'install') {
      expect(spawnSync('bash', ['-n', '-c', step.run]).status).toBe(0);
      outputs[id] = { bin };
      continue;
    }
    const outputFile = join(temp, `${id}.out`);
    writeFileSync(outputFile, '');
    const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, expand(v, inputs, outputs, temp)]));
    const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run], { cwd, env: { PATH: process.env.PATH, ...env, GITHUB_OUTPUT: outputFile }, encoding: 'utf8' });
    outputs[id] = Object.fromEntries(readFileSync(outputFile, 'utf8').trim().split('\n').filter(Boolean).map((l) => l.split('=', 2) as [string, string]));
    outputs[id].status = String(r.status);
    outputs[id].stdout = r.stdout;
  }
  return outputs;
}

describe('action.yml', () => {
  it('is a composite action that uploads SARIF for code scanning and installs this version', () => {
    expect(action.runs.using).toBe('composite');
    expect(action.runs.steps.some((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'))).toBe(true);
    expect(action.inputs.version?.default).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
  });

  it('checks the example documents into a SARIF 2.1.0 log, and fails the job as check exits', () => {
    const work = mkdtempSync(join(tmpdir(), 'ra-action-'));
    cpSync(join(ROOT, 'examples', 'documents'), join(work, 'documents'), { recursive: true });
    const run = runAction({ paths: 'documents', 'fail-on': 'warning' }, work);
    expect(run.check?.['exit-code']).toBe('1');
    expect(run.check?.['sarif-file']).toBe('redaction-audit.sarif');
    const log = JSON.parse(readFileSync(join(work, 'redaction-audit.sarif'), 'utf8'));
    expect(sarifErrors(log)).toEqual([]);
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0].results.length).toBeGreaterThan(5);
    expect(run.result?.status).toBe('1');

    const clean = runAction({ paths: 'documents', 'fail-on': 'error', rules: 'redaction-audit:frus' }, work);
    expect(clean.check?.['exit-code']).toBe('0');
    expect(clean.result?.status).toBe('0');
  });

  it('emits annotations with format github, and keeps an input from running as shell code', () => {
    const work = mkdtempSync(join(tmpdir(), 'ra-action-'));
    cpSync(join(ROOT, 'examples', 'documents'), join(work, 'documents'), { recursive: true });
    const run = runAction({ paths: 'documents/*.txt', format: 'github', args: '$(touch pwned)' }, work);
    // The glob reaches the CLI unexpanded and the argument is passed as text (an unknown path).
    expect(run.check?.stdout).toMatch(/^::warning file=documents\/seed-00\d\.txt,line=\d+/m);
    expect(spawnSync('test', ['-e', join(work, 'pwned')]).status).toBe(1);
    expect(run.check?.['exit-code']).toBe('2');
  });
});
