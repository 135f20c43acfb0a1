/**
 * The parser's limits on the command line: one flag per limit of `DEFAULT_PARSE_LIMITS`, spelled
 * as the library's option in kebab case (`--max-terms N` sets maxTerms), on every command that
 * reads polynomial text (expand, diff, groebner, solve, convert, bench orderings); and the
 * translation of a refusal's message from the library's option to the flag (`withFlagNames`), so
 * that a refused input says what to type. `critical` reads a network spec, not polynomial text:
 * its `--max-terms` bounds the loss's terms, the same meaning (the most terms an expanded
 * polynomial may have) applied to the one polynomial it expands.
 */
import { Option, type Command } from 'commander';
import { DEFAULT_PARSE_LIMITS, ParseLimitName, ParseLimits } from '../io/parse';
import { MAX_INPUT_BYTES } from './files';
import { intOption } from './context';

/** A limit's flag and its help (the default is appended). */
interface LimitFlag {
  readonly option: ParseLimitName;
  readonly flag: string;
  readonly help: string;
  readonly max?: number;
}

const kebab = (name: string): string => '--' + name.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase());

/** 1000000 as `1,000,000`, without Intl: toLocaleString at start-up loads ICU data, 8 MB of RSS in every run. */
const grouped = (n: number): string => String(n).replace(/\B(?=(\d{3})+$)/g, ',');

/** Every limit of the parser, in the order `--help` lists them. */
export const PARSE_LIMIT_FLAGS: readonly LimitFlag[] = (
  [
    { option: 'maxLength', help: `most characters of polynomial text (at most ${grouped(MAX_INPUT_BYTES)}, the reading cap)`, max: MAX_INPUT_BYTES },
    { option: 'maxDepth', help: 'deepest nesting of parentheses and operators' },
    { option: 'maxExponent', help: 'largest exponent written in the text' },
    { option: 'maxVariables', help: 'most variables' },
    { option: 'maxDegree', help: 'largest total degree of a product or power' },
    { option: 'maxTerms', help: 'most terms of a polynomial while it is expanded (estimated before expanding)' },
    { option: 'maxProducts', help: 'most term-by-term multiplications in one product' },
    { option: 'maxCoefficientBits', help: 'largest coefficient (numerator or denominator) in bits' },
    { option: 'maxExponents', help: 'most exponents one polynomial may hold: terms × (variables + 1)' },
  ] as const
).map((l) => ({ ...l, flag: kebab(l.option) }));

/** The heading of the limits in `--help`. */
const GROUP = 'Input limits (past one the input is refused, exit 1; raise it with its flag):';

/** Adds the parser's limit flags to a command that reads polynomial text. */
export function addParseLimitOptions(cmd: Command): Command {
  for (const l of PARSE_LIMIT_FLAGS) {
    const description = `${l.help} (default ${grouped(DEFAULT_PARSE_LIMITS[l.option])})`;
    cmd.addOption(new Option(`${l.flag} <n>`, description).argParser(intOption(l.flag, 1, l.max ?? Number.MAX_SAFE_INTEGER)).helpGroup(GROUP));
  }
  return cmd;
}

/** The limits a command's options set (commander names the option `maxTerms` for `--max-terms`). */
export function parseLimitOptions(opts: Partial<Record<ParseLimitName, unknown>>): Partial<ParseLimits> {
  const limits: Partial<Record<ParseLimitName, number>> = {};
  for (const { option } of PARSE_LIMIT_FLAGS) if (typeof opts[option] === 'number') limits[option] = opts[option];
  return limits;
}

/**
 * A library message with each parser limit's option replaced by its flag:
 * `… more than the limit 200000 (option maxTerms)` → `… (raise it with --max-terms N)`.
 */
export function withFlagNames(message: string): string {
  return message.replace(/\(option (max[A-Za-z]+)\)/g, (whole, name: string) => {
    const l = PARSE_LIMIT_FLAGS.find((f) => f.option === name);
    return l ? `(raise it with ${l.flag} N)` : whole;
  });
}
