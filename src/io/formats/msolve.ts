/**
 * msolve's input format (`.ms`, https://msolve.lip6.fr): the first line lists the variables
 * separated by commas, the second holds the characteristic (0 for Q, else a prime), and the rest
 * the polynomials separated by commas; a polynomial may run over several lines. As msolve does,
 * line ends are CRLF or LF, a trailing comma and blank lines are tolerated, and the
 * characteristic is honoured (a prime gives the ring over Z/p). msolve wants integer
 * coefficients over Q, so the writer clears each polynomial's denominators (a nonzero multiple
 * generates the same ideal).
 */
import { Rational } from '../../arithmetic/rational';
import { clearDenominators } from '../../poly/content';
import { Polynomial } from '../../poly/polynomial';
import { SystemFormat, SystemSource, WritableSystem, malformed, maskOutside, nameList } from './format';

/** The offsets of the first two non-blank lines: [start, end) of each. */
function headerLines(text: string): { start: number; end: number }[] {
  const lines: { start: number; end: number }[] = [];
  let i = 0;
  while (lines.length < 2 && i < text.length) {
    let end = i;
    while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
    if (text.slice(i, end).trim() !== '') lines.push({ start: i, end });
    i = end;
    if (text[i] === '\r') i++;
    if (text[i] === '\n') i++;
  }
  return lines;
}

function read(text: string): SystemSource {
  const [varsLine, charLine] = headerLines(text);
  if (!varsLine) throw malformed(text, 0, 'an msolve file starts with a line of variables separated by commas');
  const names = nameList(text, varsLine.start, varsLine.end);
  if (names.length === 0) throw malformed(text, varsLine.start, 'the first line of an msolve file lists the variables');
  if (!charLine) throw malformed(text, text.length, 'the second line of an msolve file is the characteristic (0 or a prime)');
  const charText = text.slice(charLine.start, charLine.end);
  const at = charLine.start + charText.length - charText.trimStart().length;
  if (!/^\s*\d+\s*$/.test(charText)) throw malformed(text, at, `the second line of an msolve file is the characteristic (0 or a prime), not '${charText.trim()}'`);
  // The polynomials may span lines: only commas separate them, so line ends become spaces
  // (same length, so offsets and the lines counted in the original text stay right).
  const body = maskOutside(text, charLine.end, text.length);
  const joined = body.slice(0, charLine.end) + body.slice(charLine.end).replace(/[\r\n]/g, ' ');
  return {
    vars: { names, position: varsLine.start },
    characteristic: { value: BigInt(charText.trim()), position: at },
    pieces: [{ text: joined }],
  };
}

function write(system: WritableSystem): string {
  const polys = system.polynomials.map((p) => (system.characteristic === 0n ? clearDenominators(p as Polynomial<Rational>)[1] : p).toString());
  return [system.vars.join(','), system.characteristic.toString(), polys.join(',\n')].join('\n') + '\n';
}

/** msolve's `.ms`: variables, characteristic, polynomials. */
export const msolveFormat: SystemFormat = {
  name: 'msolve',
  description: "msolve's .ms: a line of variables, a line with the characteristic (0 or a prime), the polynomials separated by commas",
  extensions: ['.ms'],
  looksLike: (text) => {
    const [a, b] = headerLines(text);
    return !!a && !!b && /^\s*[A-Za-z_][A-Za-z0-9_]*(?:\[\d+\])*(\s*,\s*[A-Za-z_][A-Za-z0-9_]*(?:\[\d+\])*)*\s*,?\s*$/.test(text.slice(a.start, a.end)) && /^\s*\d+\s*$/.test(text.slice(b.start, b.end));
  },
  read,
  write,
};
