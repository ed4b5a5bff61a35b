import * as z from 'zod';
import { FamilySchema, RoleSchema, type Role } from '../core/vocabulary.js';
import type { MarkerRecord } from '../normalize/marker-record.js';

/** One value or a list of them. */
function oneOrMany<T extends z.ZodType>(schema: T) {
  return z.union([schema, z.array(schema).min(1)]);
}

/**
 * A test on one attribute of a record: a plain value (equality), or an object saying the
 * attribute must (not) exist, must include a value (for lists), or must match a glob.
 */
export const AttributeTestSchema = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.strictObject({
    /** `true`: the attribute must be present; `false`: it must be absent. */
    exists: z.boolean().optional(),
    /** The attribute is a list holding this value (`decisions: {includes: excise}`). */
    includes: z.union([z.string(), z.number()]).optional(),
    /** The attribute is a string matching this glob (`*` any run, `?` one character). */
    matches: z.string().optional(),
  }),
]);
/** A test on one record attribute; see {@link AttributeTestSchema}. */
export type AttributeTest = z.infer<typeof AttributeTestSchema>;

/**
 * Which records a rule looks at. Every key narrows the selection; lists mean "any of".
 * Codes and keys take globs: `b7*`, `25X?`, `foia:*`. Without `role`, mentions are left out
 * (rules look at markings, editorial records and portion marks).
 *
 * @example
 * { family: 'foia', code: 'b3', attributes: { statute: { exists: false } } }
 */
export const SelectorSchema = z.strictObject({
  family: oneOrMany(FamilySchema).optional(),
  code: oneOrMany(z.string().min(1)).optional(),
  key: oneOrMany(z.string().min(1)).optional(),
  role: oneOrMany(RoleSchema).optional(),
  /** Only records whose `attributes.cancelled` is (not) true. */
  cancelled: z.boolean().optional(),
  /** Only records of codes that do not exist (`attributes.invalid`), or only valid ones. */
  invalid: z.boolean().optional(),
  /** Only records read after an OCR repair (`true`) or as written (`false`). */
  ocr: z.boolean().optional(),
  /** Confidence bounds: `below` is exclusive, `atLeast` inclusive. */
  confidence: z.strictObject({ below: z.number().min(0).max(1).optional(), atLeast: z.number().min(0).max(1).optional() }).optional(),
  /** Tests on attributes by name; dotted names reach inside (`extent.quantity`). */
  attributes: z.record(z.string().min(1), AttributeTestSchema).optional(),
});
/** A record selector; see {@link SelectorSchema}. */
export type Selector = z.infer<typeof SelectorSchema>;

/** A selector or a list of selectors (a record matches when any of them matches). */
export const SelectorListSchema = z.union([SelectorSchema, z.array(SelectorSchema).min(1)]);
/** One selector or several; see {@link SelectorListSchema}. */
export type SelectorList = z.infer<typeof SelectorListSchema>;

/** A compiled selector: true when the record matches. */
export type RecordPredicate = (record: MarkerRecord) => boolean;

const DEFAULT_ROLES: ReadonlySet<Role> = new Set(['marking', 'editorial', 'portion']);

/**
 * Compiles a glob into an anchored regular expression: `*` is any run, `?` one character,
 * everything else literal. Globs are short (codes and keys), so the `.*` runs stay cheap.
 */
export function globToRegExp(glob: string): RegExp {
  const body = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${body}$`);
}

function list<T>(value: T | T[] | undefined): T[] | undefined {
  return value === undefined ? undefined : Array.isArray(value) ? value : [value];
}

/** Reads a dotted attribute path (`extent.quantity`) from a record's attributes. */
export function attributeAt(record: MarkerRecord, path: string): unknown {
  let value: unknown = record.attributes;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, part)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

function compileAttributeTest(path: string, test: AttributeTest): RecordPredicate {
  if (typeof test !== 'object') return (r) => attributeAt(r, path) === test;
  const glob = test.matches === undefined ? undefined : globToRegExp(test.matches);
  return (r) => {
    const value = attributeAt(r, path);
    if (test.exists !== undefined && (value !== undefined) !== test.exists) return false;
    if (test.includes !== undefined && !(Array.isArray(value) && value.includes(test.includes))) return false;
    if (glob && !(typeof value === 'string' && glob.test(value))) return false;
    return true;
  };
}

/** Compiles one selector into a predicate. */
export function compileSelector(selector: Selector): RecordPredicate {
  const families = list(selector.family);
  const codes = list(selector.code)?.map(globToRegExp);
  const keys = list(selector.key)?.map(globToRegExp);
  const roles: ReadonlySet<Role> = selector.role === undefined ? DEFAULT_ROLES : new Set(list(selector.role));
  const attributes = Object.entries(selector.attributes ?? {}).map(([path, test]) => compileAttributeTest(path, test));
  const { cancelled, invalid, ocr, confidence } = selector;
  return (r) =>
    roles.has(r.role) &&
    (!families || families.includes(r.family)) &&
    (!codes || codes.some((g) => g.test(r.code))) &&
    (!keys || keys.some((g) => g.test(r.key))) &&
    (cancelled === undefined || (r.attributes.cancelled === true) === cancelled) &&
    (invalid === undefined || (r.attributes.invalid === true) === invalid) &&
    (ocr === undefined || (r.ocr !== null) === ocr) &&
    (confidence?.below === undefined || r.confidence < confidence.below) &&
    (confidence?.atLeast === undefined || r.confidence >= confidence.atLeast) &&
    attributes.every((test) => test(r));
}

/** Compiles a selector or a list of selectors (any may match); `undefined` selects every marking, editorial record and portion mark. */
export function compileSelectorList(selectors: SelectorList | undefined): RecordPredicate {
  if (selectors === undefined) return compileSelector({});
  const compiled = (Array.isArray(selectors) ? selectors : [selectors]).map(compileSelector);
  return compiled.length === 1 ? (compiled[0] as RecordPredicate) : (r) => compiled.some((p) => p(r));
}
