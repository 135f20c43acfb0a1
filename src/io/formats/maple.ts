/**
 * Maple-style lists (`.mpl`, `.maple`): the polynomials as a list `[f1, f2, …]`, optionally
 * followed by the variables as a second list, `[f1, f2], [x, y, z]` — the arguments of Maple's
 * `Groebner:-Basis`. A name and `:=` before the list, a final `;` or `:` and `#` comments are
 * allowed. Maple lists carry no characteristic; polycrit writes and reads it as a comment line
 * `# characteristic p` (absent: Q).
 */
import { SystemFormat, SystemSource, WritableSystem, malformed, maskOutside, maskRange, matchingBracket, nameList, skipSpace } from './format';

const CHARACTERISTIC = /^[ \t]*#[ \t]*characteristic[ \t]+(\d+)[ \t]*$/m;

function read(original: string): SystemSource {
  const declared = CHARACTERISTIC.exec(original);
  let text = original;
  for (const m of original.matchAll(/#[^\r\n]*/g)) text = maskRange(text, m.index!, m.index! + m[0].length);
  const open = text.indexOf('[');
  if (open < 0) throw malformed(original, skipSpace(text, 0), 'a Maple-style file holds a list of polynomials: [f1, f2, …]');
  if (!/^\s*([A-Za-z_]\w*\s*:=\s*)?$/.test(text.slice(0, open))) throw malformed(original, skipSpace(text, 0), "expected the list of polynomials '[' (optionally after 'NAME :=')");
  const close = matchingBracket(text, open);
  if (close < 0) throw malformed(original, open, "the list of polynomials has no closing ']'");
  let vars: SystemSource['vars'];
  let i = skipSpace(text, close + 1);
  if (text[i] === ',') {
    const vOpen = skipSpace(text, i + 1);
    if (text[vOpen] !== '[') throw malformed(original, vOpen, 'after the polynomials, the variables as a list: [x, y, z]');
    const vClose = matchingBracket(text, vOpen);
    if (vClose < 0) throw malformed(original, vOpen, "the list of variables has no closing ']'");
    vars = { names: nameList(original, vOpen + 1, vClose), position: vOpen + 1 };
    i = skipSpace(text, vClose + 1);
  }
  if (text[i] === ';' || text[i] === ':') i = skipSpace(text, i + 1);
  if (i < text.length) throw malformed(original, i, 'unexpected text after the lists');
  return {
    vars,
    characteristic: declared ? { value: BigInt(declared[1]), position: declared.index + declared[0].indexOf(declared[1]) } : undefined,
    pieces: [{ text: maskOutside(text, open + 1, close) }],
  };
}

function write(system: WritableSystem): string {
  const head = system.characteristic === 0n ? [] : [`# characteristic ${system.characteristic}`];
  return [...head, `[${system.polynomials.map(String).join(',\n ')}], [${system.vars.join(', ')}];`, ''].join('\n');
}

/** Maple-style lists: `[f1, f2], [x, y]`. */
export const mapleFormat: SystemFormat = {
  name: 'maple',
  description: 'Maple-style lists: [f1, f2], [x, y] (the variables optional; "# characteristic p" for Z/p)',
  extensions: ['.mpl', '.maple'],
  looksLike: (text) => /^\s*(#[^\n]*\n\s*)*([A-Za-z_]\w*\s*:=\s*)?\[/.test(text),
  read,
  write,
};
