/**
 * File formats of polynomial systems (msolve, Singular, Macaulay2, Maple-style lists, JSON,
 * LaTeX, polycrit's own text): `readSystemText`, `writeSystem`, `detectFormat` and the list of
 * formats. See `registry.ts` for how a file is read, and one file per format for its syntax.
 */
export { FORMATS, FORMAT_NAMES, detectFormat, formatByName, readSystemText, writeSystem } from './registry';
export type { ReadSystem, ReadSystemOptions } from './registry';
export type { FormatName, SystemFormat, SystemSource, WritableSystem } from './format';
