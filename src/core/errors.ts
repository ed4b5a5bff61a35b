/**
 * Base class of every error this library throws. It throws only for programmer mistakes
 * (a wrong argument type, an option out of range); problems in the data (an unreadable file,
 * an unknown code in a document) are returned as values instead.
 */
export class RedactionAuditError extends Error {
  /** A stable, kebab-case identifier of the kind of error. */
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RedactionAuditError';
    this.code = code;
  }
}

/**
 * Thrown when a function is called with an argument it cannot use: `scan` given a non-string,
 * page boundaries out of order or outside the text, a confidence outside 0–1.
 */
export class InvalidArgumentError extends RedactionAuditError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('invalid-argument', message, options);
    this.name = 'InvalidArgumentError';
  }
}

/**
 * Thrown when the embedded catalog fails its own schema. This means the package was built
 * from a broken `rules/catalog/`; it is a bug to report, never a user error.
 */
export class CatalogError extends RedactionAuditError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('catalog-invalid', message, options);
    this.name = 'CatalogError';
  }
}

/**
 * Thrown by `evaluate` when a check kind's `run` throws: a bug in that check (usually a
 * custom one), wrapped with the rule id. The original error is the `cause`.
 */
export class CheckError extends RedactionAuditError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('check-failed', message, options);
    this.name = 'CheckError';
  }
}

/**
 * Thrown by `analyze` and the rule tester when given a rule set that failed to load (an
 * `{ok: false}` result): load rule sets first and report their issues.
 */
export class RuleSetError extends RedactionAuditError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('rule-set-invalid', message, options);
    this.name = 'RuleSetError';
  }
}

/**
 * Thrown while streaming a file (`scanFileStream` in the node entry) that cannot be read as
 * text. `code` is a read-failure code (`not-found`, `not-readable`, `binary`,
 * `invalid-encoding`, `is-directory`), as `readDocument` returns them.
 */
export class DocumentReadError extends RedactionAuditError {
  /** The path that could not be read. */
  readonly source: string;
  /** Why, in the words `readDocument` uses (the message is `source: reason`). */
  readonly reason: string;

  constructor(code: string, source: string, reason: string, options?: { cause?: unknown }) {
    super(code, `${source}: ${reason}`, options);
    this.name = 'DocumentReadError';
    this.source = source;
    this.reason = reason;
  }
}
