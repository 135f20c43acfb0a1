/**
 * The shape of a network spec: every field's type and range, checked at the boundary (a JSON
 * file, or an object from a JavaScript caller) before anything is built. The checks are a zod
 * schema in `spec-zod.ts`, loaded on first use; this module turns zod's first issue into the line
 * polycrit prints.
 *
 * Limits (documented in the README): at most 64 inputs, 64 nodes per layer, 64 layers and
 * 100,000 data rows; exact numbers are integers, decimals (exponent of at most 3 digits) or
 * fractions, as JSON numbers or text of at most 1,000 characters, so no value can expand into a
 * huge integer. Activations must parse as polynomials in z. The first violation found becomes one
 * line naming the field as a path (`layers[1].width`), what it must be and what it is.
 * Cross-field rules (row lengths, weight names in `fixed` and `regularization`) need the weight
 * names and are checked in `spec.ts` after this shape.
 *
 * zod costs about 100 ms to load and build, which a well-formed spec — nearly every spec — need not
 * pay: `plainlyValidSpec` recognizes the specs that certainly pass the schema (plain JSON-like
 * data, every field within its range) and only the others are handed to zod, whose first issue
 * becomes the message. It may send a valid spec to zod, never let an invalid one through (a
 * property test compares it with the schema on mutated specs).
 */
import { QQ } from '../arithmetic/field';
import { parseRational } from '../arithmetic/rational';
import { InputError } from '../errors';
import { parsePolynomial } from '../io/parse';
import { PolynomialRing } from '../poly/polynomial';

export const MAX_INPUTS = 64;
export const MAX_WIDTH = 64;
export const MAX_LAYERS = 64;
export const MAX_ROWS = 100_000;

export const EXACT_TEXT = /^[-+]?(\d+(\.\d*)?|\.\d+)(e[-+]?\d{1,3})?$|^[-+]?\d+\s*\/\s*\d+$/i;

/** Is the text an exact number polycrit reads (integer, decimal, fraction) of bounded size? */
export function isExactText(text: string): boolean {
  if (text.length > 1000 || !EXACT_TEXT.test(text.trim())) return false;
  try {
    parseRational(text.trim());
    return true;
  } catch {
    return false;
  }
}

/** Why the text is not a polynomial in z (an activation): the parser's first line; undefined when it is one. */
export function activationError(text: string): string | undefined {
  try {
    parsePolynomial(text, { ring: new PolynomialRing(QQ, ['z']) as PolynomialRing<unknown> });
    return undefined;
  } catch (e) {
    return (e as Error).message.split('\n')[0];
  }
}

const SPEC_FIELDS = new Set(['$schema', 'name', 'description', 'inputs', 'layers', 'data', 'loss', 'regularization', 'fixed']);
const LAYER_FIELDS = new Set(['width', 'bias', 'activation']);

/** A plain object (JSON's kind: no class, no array), whose keys are all in `allowed` when given. */
function plainObject(v: unknown, allowed?: ReadonlySet<string>): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) return false;
  return allowed === undefined || Object.keys(v).every((k) => allowed.has(k));
}

/** An array whose every slot (holes included) satisfies `each`, of length in [min, max]. */
function arrayOf(v: unknown, min: number, max: number, each: (x: unknown) => boolean): v is unknown[] {
  if (!Array.isArray(v) || v.length < min || v.length > max) return false;
  for (let i = 0; i < v.length; i++) if (!each(v[i])) return false;
  return true;
}

const exactNumber = (v: unknown) => (typeof v === 'number' ? Number.isFinite(v) : typeof v === 'string' && v.length <= 1000 && EXACT_TEXT.test(v) && isExactText(v));
const integerIn = (v: unknown, min: number, max: number) => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
const optionalText = (v: unknown) => v === undefined || typeof v === 'string';
const byWeight = (v: unknown) => plainObject(v) && Object.values(v).every(exactNumber);

/**
 * True when `spec` certainly passes the schema (see the file header); false sends it to zod,
 * which decides and says why. Mirrors `spec-zod.ts` check by check.
 */
export function plainlyValidSpec(spec: unknown): boolean {
  if (!plainObject(spec, SPEC_FIELDS)) return false;
  const s = spec;
  if (!optionalText(s.$schema) || !optionalText(s.name) || !optionalText(s.description)) return false;
  const inputsOk =
    integerIn(s.inputs, 1, MAX_INPUTS) ||
    (arrayOf(s.inputs, 1, MAX_INPUTS, (x) => typeof x === 'string' && x.length > 0) && new Set(s.inputs).size === s.inputs.length);
  if (!inputsOk) return false;
  const layerOk = (l: unknown) =>
    plainObject(l, LAYER_FIELDS) &&
    integerIn(l.width, 1, MAX_WIDTH) &&
    (l.bias === undefined || typeof l.bias === 'boolean') &&
    (l.activation === undefined || (typeof l.activation === 'string' && activationError(l.activation) === undefined));
  if (!arrayOf(s.layers, 1, MAX_LAYERS, layerOk)) return false;
  const dataOk =
    arrayOf(s.data, 1, MAX_ROWS, (row) => arrayOf(row, 0, Infinity, exactNumber)) ||
    (plainObject(s.data, new Set(['csv'])) && typeof s.data.csv === 'string' && s.data.csv.length > 0);
  if (!dataOk) return false;
  if (s.loss !== undefined && s.loss !== 'sum' && s.loss !== 'mean' && s.loss !== 'half') return false;
  if (s.regularization !== undefined && !exactNumber(s.regularization) && !byWeight(s.regularization)) return false;
  return s.fixed === undefined || byWeight(s.fixed);
}

type SpecZod = typeof import('./spec-zod');

/** The zod side (spec-zod.ts), loaded on first use. */
function specZod(): SpecZod {
  return require('./spec-zod') as SpecZod;
}

/** The JSON Schema of a spec (draft 2020-12), for editors: `network-spec.schema.json` in the package. */
export function networkSpecJsonSchema(): object {
  return specZod().specJsonSchema();
}

/** A path as written in JavaScript: `layers[1].width`, `data[0][2]`. */
function pathText(path: readonly PropertyKey[]): string {
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? String(k) : `.${String(k)}`)).join('');
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v = root;
  for (const k of path) v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  return v;
}

function shown(v: unknown): string {
  if (v === undefined) return 'nothing (the field is missing)';
  if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
  const text = JSON.stringify(v) ?? String(v);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

type Issue = { code: string; path: PropertyKey[]; message: string; keys?: string[]; errors?: Issue[][] };

/**
 * The issue to report: inside a union (rows or a CSV file, a count or names), the branch that got
 * furthest into the value names the field (`data[1]`, not `data`); else the union's own message.
 */
function innermost(issue: Issue): Issue {
  if (issue.code !== 'invalid_union' || !issue.errors) return issue;
  const firsts = issue.errors.map((branch) => branch[0]).filter((i): i is Issue => i !== undefined);
  const best = firsts.reduce<Issue | undefined>((a, b) => (a === undefined || b.path.length > a.path.length ? b : a), undefined);
  if (!best || best.path.length === 0) return issue;
  return innermost({ ...best, path: [...issue.path, ...best.path] });
}

/**
 * Checks the shape of a spec; throws an InputError with one line for the first violation:
 * `layers[1].width must be an integer from 1 to 64, got null`.
 */
export function checkSpecShape(spec: unknown): void {
  if (plainlyValidSpec(spec)) return;
  const r = specZod().safeParseSpec(spec);
  if (r.success) return;
  const issue = innermost(r.error.issues[0]);
  if (issue.code === 'unrecognized_keys' && issue.keys) {
    const where = issue.path.length > 0 ? `${pathText(issue.path)}: ` : '';
    throw new InputError(`network spec: ${where}unknown field ${issue.keys.map((k) => `'${k}'`).join(', ')} (${issue.path.length === 0 ? 'fields: inputs, layers, data, loss, regularization, fixed, name, description' : 'layer fields: width, bias, activation'})`);
  }
  if (issue.path.length === 0) throw new InputError(`network spec: ${issue.message}, got ${shown(spec)}`);
  throw new InputError(`network spec: ${pathText(issue.path)} ${issue.message}, got ${shown(valueAt(spec, issue.path))}`);
}
