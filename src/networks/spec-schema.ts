/**
 * The shape of a network spec as a zod schema: every field's type and range, checked at the
 * boundary (a JSON file, or an object from a JavaScript caller) before anything is built.
 *
 * Limits (documented in the README): at most 64 inputs, 64 nodes per layer, 64 layers and
 * 100,000 data rows; exact numbers are integers, decimals (exponent of at most 3 digits) or
 * fractions, as JSON numbers or text of at most 1,000 characters, so no value can expand into a
 * huge integer. Activations must parse as polynomials in z. The first violation found becomes one
 * line naming the field as a path (`layers[1].width`), what it must be and what it is.
 * Cross-field rules (row lengths, weight names in `fixed` and `regularization`) need the weight
 * names and are checked in `spec.ts` after this shape.
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

const EXACT_TEXT = /^[-+]?(\d+(\.\d*)?|\.\d+)(e[-+]?\d{1,3})?$|^[-+]?\d+\s*\/\s*\d+$/i;

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

/**
 * The zod schema of a network spec's shape, built on first use: loading zod takes about 100 ms,
 * which every command would otherwise pay at start-up.
 */
export function networkSpecSchema(): ReturnType<typeof buildSchema> {
  return (schema ??= buildSchema());
}

let schema: ReturnType<typeof buildSchema> | undefined;

function buildSchema() {
  const { z } = require('zod') as typeof import('zod');
  const EXACT = 'must be an exact number: an integer, a decimal or a fraction like 1/3 (a JSON number or text)';
  const exactNumber = z.union(
    [z.number({ error: EXACT }), z.string({ error: EXACT }).max(1000, { error: EXACT }).regex(EXACT_TEXT, { error: EXACT }).refine(isExactText, { error: EXACT })],
    { error: EXACT },
  );

  const Z = (): PolynomialRing<unknown> => new PolynomialRing(QQ, ['z']) as PolynomialRing<unknown>;
  const activation = z.string({ error: 'must be a polynomial in z as text, like "z^2" or "z + z^3/3"' }).superRefine((text, ctx) => {
    try {
      parsePolynomial(text, { ring: Z() });
    } catch (e) {
      ctx.addIssue({ code: 'custom', message: `must be a polynomial in z (${(e as Error).message.split('\n')[0]})` });
    }
  });

  const WIDTH = `must be an integer from 1 to ${MAX_WIDTH}`;
  const layer = z.strictObject(
    {
      width: z.number({ error: WIDTH }).int({ error: WIDTH }).min(1, { error: WIDTH }).max(MAX_WIDTH, { error: WIDTH }),
      bias: z.boolean({ error: 'must be true or false' }).optional(),
      activation: activation.optional(),
    },
    { error: 'must be an object { "width": n, "bias"?: true, "activation"?: "z^2" }' },
  );

  const INPUTS = `must be a number of inputs from 1 to ${MAX_INPUTS}, or a list of 1 to ${MAX_INPUTS} distinct names`;
  const inputs = z.union(
    [
      z.number({ error: INPUTS }).int({ error: INPUTS }).min(1, { error: INPUTS }).max(MAX_INPUTS, { error: INPUTS }),
      z
        .array(z.string({ error: 'must be a name (text)' }).min(1, { error: 'must be a non-empty name' }), { error: INPUTS })
        .min(1, { error: INPUTS })
        .max(MAX_INPUTS, { error: INPUTS })
        .refine((names) => new Set(names).size === names.length, { error: 'must be distinct names' }),
    ],
    { error: INPUTS },
  );

  const ROWS = `must be a list of 1 to ${MAX_ROWS} rows (lists of numbers: the inputs, then the targets) or { "csv": "file.csv" }`;
  const data = z.union(
    [
      z
        .array(z.array(exactNumber, { error: 'must be a row: a list of numbers (the inputs, then the targets)' }), { error: ROWS })
        .min(1, { error: ROWS })
        .max(MAX_ROWS, { error: ROWS }),
      z.strictObject({ csv: z.string({ error: 'must be the path of a CSV file (text)' }).min(1, { error: 'must be the path of a CSV file' }) }, { error: ROWS }),
    ],
    { error: ROWS },
  );

  const weightValues = (what: string) => z.record(z.string(), exactNumber, { error: `must be an object of ${what} by weight name, like { "w0_0": 1 }` });

  return z.strictObject(
    {
      $schema: z.string().optional(),
      name: z.string({ error: 'must be text' }).optional(),
      description: z.string({ error: 'must be text' }).optional(),
      inputs,
      layers: z
        .array(layer, { error: `must be a list of 1 to ${MAX_LAYERS} layers (the last is the output layer)` })
        .min(1, { error: 'must hold at least one layer (the last is the output layer)' })
        .max(MAX_LAYERS, { error: `must hold at most ${MAX_LAYERS} layers` }),
      data,
      loss: z.enum(['sum', 'mean', 'half'], { error: "must be 'sum', 'mean' or 'half'" }).optional(),
      regularization: z.union([exactNumber, weightValues('λ values')], { error: 'must be one λ (an exact number) or an object of λ by weight name' }).optional(),
      fixed: weightValues('fixed values').optional(),
    },
    { error: 'a network spec must be a JSON object with inputs, layers and data' },
  ).meta({ title: 'polycrit network spec', description: 'A polynomial network for `polycrit critical SPEC.json` (see the README). Generated from src/networks/spec-schema.ts by `npm run schema`; polycrit also checks what a JSON Schema cannot: activations are polynomials in z, row lengths, weight names.' });
}

/** The JSON Schema of a spec (draft 2020-12), for editors: `network-spec.schema.json` in the package. */
export function networkSpecJsonSchema(): object {
  const { z } = require('zod') as typeof import('zod');
  return z.toJSONSchema(networkSpecSchema(), { io: 'input' });
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
  const r = networkSpecSchema().safeParse(spec);
  if (r.success) return;
  const issue = innermost(r.error.issues[0]);
  if (issue.code === 'unrecognized_keys' && issue.keys) {
    const where = issue.path.length > 0 ? `${pathText(issue.path)}: ` : '';
    throw new InputError(`network spec: ${where}unknown field ${issue.keys.map((k) => `'${k}'`).join(', ')} (${issue.path.length === 0 ? 'fields: inputs, layers, data, loss, regularization, fixed, name, description' : 'layer fields: width, bias, activation'})`);
  }
  if (issue.path.length === 0) throw new InputError(`network spec: ${issue.message}, got ${shown(spec)}`);
  throw new InputError(`network spec: ${pathText(issue.path)} ${issue.message}, got ${shown(valueAt(spec, issue.path))}`);
}
