/**
 * JSON (`.json`): `{"vars": ["x", "y"], "field": "Q" | p, "polynomials": ["x^2 - y", …]}`.
 * `vars` is optional (default: the names in order of first appearance); `field` is "Q", 0 or a
 * prime (a number or a string of digits; default Q). Each polynomial is a string in polycrit's
 * syntax; an error in one names it (`polynomials[2]`) with the line and column inside the string.
 * Other keys are ignored, so a `polycrit groebner --json` result is not mistaken for a system only
 * because it has `vars`: `polynomials` is required.
 */
import { SystemFormat, SystemSource, WritableSystem, malformed } from './format';

function read(text: string): SystemSource {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const at = /position (\d+)/.exec((e as Error).message);
    throw malformed(text, at ? Number(at[1]) : 0, `not valid JSON: ${(e as Error).message.replace(/ in JSON at position \d+.*$/, '')}`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw malformed(text, 0, 'a JSON system is an object {"vars": [...], "field": "Q", "polynomials": [...]}');
  const obj = data as Record<string, unknown>;
  const where = (key: string) => Math.max(0, text.indexOf(`"${key}"`));
  const polys = obj.polynomials;
  if (!Array.isArray(polys) || !polys.every((p) => typeof p === 'string')) throw malformed(text, where('polynomials'), '"polynomials" must be a list of strings');
  let vars: SystemSource['vars'];
  if (obj.vars !== undefined) {
    if (!Array.isArray(obj.vars) || !obj.vars.every((v) => typeof v === 'string' && /^[A-Za-z_][A-Za-z0-9_]*(\[\d+\])*$/.test(v))) throw malformed(text, where('vars'), '"vars" must be a list of variable names');
    vars = { names: obj.vars as string[], position: where('vars') };
  }
  let characteristic: SystemSource['characteristic'];
  const field = obj.field;
  if (field !== undefined && field !== 'Q' && field !== 'QQ') {
    const ok = (typeof field === 'number' && Number.isSafeInteger(field) && field >= 0) || (typeof field === 'string' && /^\d+$/.test(field));
    if (!ok) throw malformed(text, where('field'), '"field" is "Q", 0 or a prime');
    characteristic = { value: BigInt(field as number | string), position: where('field') };
  }
  return { vars, characteristic, pieces: (polys as string[]).map((p, k) => ({ text: p, label: `polynomials[${k}]` })) };
}

function write(system: WritableSystem): string {
  const field = system.characteristic === 0n ? 'Q' : Number(system.characteristic);
  return JSON.stringify({ vars: system.vars, field, polynomials: system.polynomials.map(String) }, null, 2) + '\n';
}

/** JSON: `{"vars", "field", "polynomials"}`. */
export const jsonFormat: SystemFormat = {
  name: 'json',
  description: 'JSON: {"vars": ["x","y"], "field": "Q" or p, "polynomials": ["x^2 - y", ...]}',
  extensions: ['.json'],
  looksLike: (text) => /^\s*\{/.test(text) && text.includes('"polynomials"'),
  read,
  write,
};
