import { decodeDocument, listDocuments, readDocument, type ReadDocumentResult } from '../node.js';

/** Where the CLI reads and writes; the real process in `main.ts`, buffers in tests. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  stdin(): Promise<Uint8Array>;
}

/** Exit code: success (for `check`: no finding at or above `--fail-on`). */
export const EXIT_OK = 0;
/** Exit code of `check` when findings at or above `--fail-on` remain, and of `test-rules` when a case fails. */
export const EXIT_FINDINGS = 1;
/** Exit code for usage errors, rule-set issues, or any input that could not be processed (the others still are). */
export const EXIT_FAILURE = 2;

export interface InputFailure {
  source: string;
  code: string;
  reason: string;
}

/** Expands paths (files, directories, `-` for standard input) into read documents, in order. */
export async function loadInputs(paths: readonly string[], io: CliIo): Promise<ReadDocumentResult[]> {
  const results: ReadDocumentResult[] = [];
  for (const path of paths) {
    if (path === '-') {
      results.push(decodeDocument(await io.stdin(), '-'));
      continue;
    }
    const first = await readDocument(path);
    if (!first.ok && first.code === 'is-directory') {
      const files = await listDocuments(path);
      if (files.length === 0) results.push({ ok: false, source: path, code: 'not-found', reason: 'the directory holds no .txt or .md documents' });
      for (const file of files) results.push(await readDocument(file));
    } else results.push(first);
  }
  return results;
}

