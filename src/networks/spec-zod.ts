/**
 * The zod schema of a network spec's shape (see `spec-schema.ts`, which loads this module on
 * first use: zod takes about 100 ms to load in Node, which every command would otherwise pay).
 *
 * Written against `zod/mini`, zod's tree-shakable functional API: a bundler keeps only the
 * checks used here (about 40 kB minified instead of classic zod's 560 kB, most of it locales).
 * The schema is the same one the classic API built — the same checks, messages and JSON Schema;
 * mini carries no locale of its own, so English messages (for the few checks without a message
 * here, such as `$schema` being text) come from zod's `en` locale, passed to each parse.
 */
import * as z from 'zod/mini';
import { en } from 'zod/locales';
import { EXACT_TEXT, MAX_INPUTS, MAX_LAYERS, MAX_ROWS, MAX_WIDTH, activationError, isExactText } from './spec-schema';

/** The schema, built on first use. */
export function networkSpecSchema(): ReturnType<typeof buildSchema> {
  return (schema ??= buildSchema());
}

let schema: ReturnType<typeof buildSchema> | undefined;
let locale: ReturnType<typeof en> | undefined;

/** Parses a value against the spec's shape, with zod's English messages where the schema has none. */
export function safeParseSpec(spec: unknown): ReturnType<ReturnType<typeof buildSchema>['safeParse']> {
  return networkSpecSchema().safeParse(spec, { error: (locale ??= en()).localeError });
}

/** The JSON Schema of a spec (draft 2020-12). */
export function specJsonSchema(): object {
  return z.toJSONSchema(networkSpecSchema(), { io: 'input' });
}

function buildSchema() {
  const EXACT = 'must be an exact number: an integer, a decimal or a fraction like 1/3 (a JSON number or text)';
  const exactNumber = z.union(
    [z.number({ error: EXACT }), z.string({ error: EXACT }).check(z.maxLength(1000, { error: EXACT }), z.regex(EXACT_TEXT, { error: EXACT }), z.refine(isExactText, { error: EXACT }))],
    { error: EXACT },
  );

  const activation = z.string({ error: 'must be a polynomial in z as text, like "z^2" or "z + z^3/3"' }).check(
    z.superRefine((text, ctx) => {
      const why = activationError(text);
      if (why !== undefined) ctx.addIssue({ code: 'custom', message: `must be a polynomial in z (${why})` });
    }),
  );

  const WIDTH = `must be an integer from 1 to ${MAX_WIDTH}`;
  const layer = z.strictObject(
    {
      width: z.number({ error: WIDTH }).check(z.int({ error: WIDTH }), z.minimum(1, { error: WIDTH }), z.maximum(MAX_WIDTH, { error: WIDTH })),
      bias: z.optional(z.boolean({ error: 'must be true or false' })),
      activation: z.optional(activation),
    },
    { error: 'must be an object { "width": n, "bias"?: true, "activation"?: "z^2" }' },
  );

  const INPUTS = `must be a number of inputs from 1 to ${MAX_INPUTS}, or a list of 1 to ${MAX_INPUTS} distinct names`;
  const inputs = z.union(
    [
      z.number({ error: INPUTS }).check(z.int({ error: INPUTS }), z.minimum(1, { error: INPUTS }), z.maximum(MAX_INPUTS, { error: INPUTS })),
      z
        .array(z.string({ error: 'must be a name (text)' }).check(z.minLength(1, { error: 'must be a non-empty name' })), { error: INPUTS })
        .check(
          z.minLength(1, { error: INPUTS }),
          z.maxLength(MAX_INPUTS, { error: INPUTS }),
          z.refine((names: string[]) => new Set(names).size === names.length, { error: 'must be distinct names' }),
        ),
    ],
    { error: INPUTS },
  );

  const ROWS = `must be a list of 1 to ${MAX_ROWS} rows (lists of numbers: the inputs, then the targets) or { "csv": "file.csv" }`;
  const data = z.union(
    [
      z
        .array(z.array(exactNumber, { error: 'must be a row: a list of numbers (the inputs, then the targets)' }), { error: ROWS })
        .check(z.minLength(1, { error: ROWS }), z.maxLength(MAX_ROWS, { error: ROWS })),
      z.strictObject({ csv: z.string({ error: 'must be the path of a CSV file (text)' }).check(z.minLength(1, { error: 'must be the path of a CSV file' })) }, { error: ROWS }),
    ],
    { error: ROWS },
  );

  const weightValues = (what: string) => z.record(z.string(), exactNumber, { error: `must be an object of ${what} by weight name, like { "w0_0": 1 }` });

  return z
    .strictObject(
      {
        $schema: z.optional(z.string()),
        name: z.optional(z.string({ error: 'must be text' })),
        description: z.optional(z.string({ error: 'must be text' })),
        inputs,
        layers: z
          .array(layer, { error: `must be a list of 1 to ${MAX_LAYERS} layers (the last is the output layer)` })
          .check(z.minLength(1, { error: 'must hold at least one layer (the last is the output layer)' }), z.maxLength(MAX_LAYERS, { error: `must hold at most ${MAX_LAYERS} layers` })),
        data,
        loss: z.optional(z.enum(['sum', 'mean', 'half'], { error: "must be 'sum', 'mean' or 'half'" })),
        regularization: z.optional(z.union([exactNumber, weightValues('λ values')], { error: 'must be one λ (an exact number) or an object of λ by weight name' })),
        fixed: z.optional(weightValues('fixed values')),
      },
      { error: 'a network spec must be a JSON object with inputs, layers and data' },
    )
    .register(z.globalRegistry, {
      title: 'polycrit network spec',
      description: 'A polynomial network for `polycrit critical SPEC.json` (see the README). Generated from src/networks/spec-schema.ts by `npm run schema`; polycrit also checks what a JSON Schema cannot: activations are polynomials in z, row lengths, weight names.',
    });
}
