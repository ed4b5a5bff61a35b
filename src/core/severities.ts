/**
 * The severities from most to least serious, as plain data (no schema library): what the CLI
 * offers for `--fail-on` before it loads anything else. {@link SeveritySchema} is built from it.
 */
export const SEVERITIES = ['error', 'warning', 'info'] as const;
