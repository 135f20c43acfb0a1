/**
 * Macaulay2 (`.m2`; https://macaulay2.com): the reader takes the first polynomial ring
 * `QQ[x,y,z]` or `ZZ/p[x,y,z]` (options such as `MonomialOrder => Lex` inside the brackets are
 * skipped) and the first `ideal(f1, f2, …)` or `ideal{…}`; `--` line comments and `{* … *}`
 * block comments are ignored, and so is every other statement. The writer produces
 * `R = QQ[x, y, z, MonomialOrder => GRevLex];` and `I = ideal(…);`, which Macaulay2 runs as is
 * (`gb I` after it). Macaulay2's `ZZ/p` is for small primes (below 2^15 by default); a larger one
 * is written the same way and is the reader's business.
 */
import { SystemFormat, SystemSource, WritableSystem, malformed, maskOutside, maskRange, matchingBracket, nameList, orderIn } from './format';

function maskComments(text: string): string {
  let out = text;
  const re = /--[^\r\n]*|\{\*[\s\S]*?\*\}/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) out = maskRange(out, m.index, m.index + m[0].length);
  return out;
}

const RING = /\b(QQ|ZZ\s*\/\s*(\d+))\s*\[/;

function read(original: string): SystemSource {
  const text = maskComments(original);
  const ring = RING.exec(text);
  if (!ring) throw malformed(original, 0, 'a Macaulay2 file declares its ring: R = QQ[x,y,z] or R = ZZ/101[x,y,z]');
  const open = ring.index + ring[0].length - 1;
  const close = matchingBracket(text, open);
  if (close < 0) throw malformed(original, open, "the ring's variable list has no closing ']'");
  // Options (`MonomialOrder => Lex`) are skipped: blank them before reading the names.
  let list = text.slice(0, close);
  for (const m of text.slice(open + 1, close).matchAll(/[A-Za-z]+\s*=>\s*(\{[^}]*\}|[^,]*)/g)) list = maskRange(list, open + 1 + m.index!, open + 1 + m.index! + m[0].length);
  const names = nameList(list, open + 1, close);
  const ideal = /\bideal\s*([({])/g;
  ideal.lastIndex = close;
  const found = ideal.exec(text);
  if (!found) throw malformed(original, close + 1, 'a Macaulay2 file gives its polynomials as ideal(f1, f2, …)');
  const start = found.index + found[0].length;
  const end = matchingBracket(text, start - 1);
  if (end < 0) throw malformed(original, start - 1, 'the ideal has no closing bracket');
  return {
    vars: { names, position: open + 1 },
    characteristic: { value: BigInt(ring[2] ?? 0), position: ring.index + (ring[2] ? ring[0].indexOf(ring[2]) : 0) },
    pieces: [{ text: maskOutside(text, start, end) }],
  };
}

function write(system: WritableSystem): string {
  const order = orderIn(system.order, { degrevlex: 'GRevLex', deglex: 'GLex', lex: 'Lex' });
  const field = system.characteristic === 0n ? 'QQ' : `ZZ/${system.characteristic}`;
  const polys = system.polynomials.length === 0 ? ['0'] : system.polynomials.map(String);
  return [
    `-- ${system.polynomials.length} polynomial(s) written by polycrit; gb I computes a Gröbner basis`,
    `R = ${field}[${[...system.vars, `MonomialOrder => ${order}`].join(', ')}];`,
    `I = ideal(\n  ${polys.join(',\n  ')}\n);`,
    '',
  ].join('\n');
}

/** A Macaulay2 script: `R = QQ[…]; I = ideal(…);`. */
export const macaulay2Format: SystemFormat = {
  name: 'm2',
  description: 'Macaulay2: R = QQ[x,y,z]; I = ideal(f1, f2);',
  extensions: ['.m2'],
  looksLike: (text) => RING.test(text) && /\bideal\s*[({]/.test(text),
  read,
  write,
};
