/**
 * Singular scripts (`.sing`, `.singular`; https://www.singular.uni-kl.de): the reader takes the
 * first `ring NAME = CHAR, (VARS), ORDER;` declaration and the first `ideal NAME = f1, f2, …;`,
 * ignoring every other statement and the `//` and `/* … *\/` comments. CHAR is 0 or a prime,
 * possibly in parentheses; the variables are written out (`x(1..3)` is refused with a message).
 * The writer produces a script that Singular runs as is (`std(I);` after it computes the basis):
 * `ring r = 0, (x,y,z), dp;` and `ideal I = …;`, the order `dp`, `Dp` or `lp`. Over Q
 * coefficients are fractions (`3/4*x^2`), which Singular reads in characteristic 0.
 */
import { SystemFormat, SystemSource, WritableSystem, malformed, maskOutside, maskRange, nameList, orderIn, skipSpace } from './format';

/** The text with `//` line comments and `/* … *\/` block comments blanked. */
export function maskCComments(text: string): string {
  let out = text;
  const re = /\/\/[^\r\n]*|\/\*[\s\S]*?\*\//g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) out = maskRange(out, m.index, m.index + m[0].length);
  return out;
}

function read(original: string): SystemSource {
  const text = maskCComments(original);
  const ring = /\bring\s+[A-Za-z_]\w*\s*=\s*/.exec(text);
  if (!ring) throw malformed(original, 0, "a Singular file declares its ring: ring r = 0, (x,y,z), dp;");
  let i = ring.index + ring[0].length;
  const charMatch = /^\(?\s*(\d+)\s*\)?\s*,\s*/.exec(text.slice(i));
  if (!charMatch) throw malformed(original, i, 'the characteristic of a Singular ring is 0 or a prime (other coefficient rings are not read)');
  const charPosition = i + charMatch[0].indexOf(charMatch[1]);
  i += charMatch[0].length;
  if (text[i] !== '(') throw malformed(original, i, 'the variables of a Singular ring are in parentheses: (x,y,z)');
  const close = text.indexOf(')', i);
  if (close < 0) throw malformed(original, i, "the variable list has no closing ')'");
  if (/\(|\.\./.test(text.slice(i + 1, close)) || text[close + 1] === '(') throw malformed(original, i + 1, 'write the variables out (x1,x2,x3): the x(1..3) shorthand is not read');
  const names = nameList(original, i + 1, close);
  const end = text.indexOf(';', close);
  if (end < 0) throw malformed(original, close, "the ring declaration has no closing ';'");
  const ideal = /\bideal\s+[A-Za-z_]\w*\s*=\s*/g;
  ideal.lastIndex = end;
  const found = ideal.exec(text);
  if (!found) throw malformed(original, skipSpace(text, end + 1), "a Singular file gives its polynomials as ideal I = f1, f2, …;");
  const start = found.index + found[0].length;
  const stop = text.indexOf(';', start);
  if (stop < 0) throw malformed(original, start, "the ideal has no closing ';'");
  return {
    vars: { names, position: i + 1 },
    characteristic: { value: BigInt(charMatch[1]), position: charPosition },
    pieces: [{ text: maskOutside(text, start, stop) }],
  };
}

/**
 * The declarations `ring r = CHAR, (VARS), ORDER;` and `ideal I = …;` for polynomials given as
 * text in polycrit's printing (which Singular reads), for scripts that go on with their own
 * commands (the benchmarks' peers). `order` is `degrevlex` (dp), `deglex` (Dp) or `lex` (lp).
 *
 * @example
 * singularDeclarations(['x', 'y'], 0, 'lex', ['x^2 - y', 'x*y - 1']);
 * // 'ring r = 0, (x,y), lp;\nideal I =\n  x^2 - y,\n  x*y - 1;'
 */
export function singularDeclarations(vars: readonly string[], characteristic: bigint | number, order: string, polynomials: readonly string[]): string {
  const name = orderIn(order, { degrevlex: 'dp', deglex: 'Dp', lex: 'lp' });
  const polys = polynomials.length === 0 ? ['0'] : polynomials;
  return `ring r = ${characteristic}, (${vars.join(',')}), ${name};\nideal I =\n  ${polys.join(',\n  ')};`;
}

function write(system: WritableSystem): string {
  const header = `// ${system.polynomials.length} polynomial(s) written by polycrit; std(I); computes a Gröbner basis`;
  return `${header}\n${singularDeclarations(system.vars, system.characteristic, system.order, system.polynomials.map(String))}\n`;
}

/** A Singular script: `ring r = …; ideal I = …;`. */
export const singularFormat: SystemFormat = {
  name: 'singular',
  description: 'Singular: ring r = 0, (x,y,z), dp; ideal I = f1, f2;',
  extensions: ['.sing', '.singular'],
  looksLike: (text) => /\bring\s+[A-Za-z_]\w*\s*=/.test(text) && /\bideal\s+[A-Za-z_]\w*\s*=/.test(text),
  read,
  write,
};
