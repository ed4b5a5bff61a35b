import { performance } from 'node:perf_hooks';

/**
 * The start-up timing the CLI prints when `REDACTION_AUDIT_TIMING=1` (as ESLint's `TIMING=1`):
 * when Node had started, when the command's modules (the reader, the scanner, the rules) were
 * loaded, and when the run ended. Times are milliseconds since the process started
 * (`performance.now()`).
 */
let commandLoadedAt: number | undefined;

/** Awaits a command's module and notes when it was loaded (the first time only). */
export async function loadCommand<T>(module: Promise<T>): Promise<T> {
  const loaded = await module;
  commandLoadedAt ??= performance.now();
  return loaded;
}

/** The timing line, or `undefined` when no command module was loaded (`--version`, `--help`, a usage error). */
export function formatStartTiming(): string | undefined {
  if (commandLoadedAt === undefined) return undefined;
  const nodeReady = performance.nodeTiming.bootstrapComplete;
  const ms = (n: number): string => `${n.toFixed(1)} ms`;
  return `redaction-audit: timing: Node ready at ${ms(nodeReady)}; command loaded at ${ms(commandLoadedAt)} (module loading ${ms(commandLoadedAt - nodeReady)}); finished at ${ms(performance.now())}\n`;
}
