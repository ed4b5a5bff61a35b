// The exit codes, in a module of their own that imports nothing: `--version` and `--help` use
// them without loading the reader or the scanner.

/** Exit code: success (for `check`: no finding at or above `--fail-on`). */
export const EXIT_OK = 0;
/** Exit code of `check` when findings at or above `--fail-on` remain, and of `test-rules` when a case fails. */
export const EXIT_FINDINGS = 1;
/** Exit code for usage errors, rule-set issues, or any input that could not be processed (the others still are). */
export const EXIT_FAILURE = 2;

