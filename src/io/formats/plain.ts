/**
 * polycrit's own text: polynomials separated by line ends, `,` or `;`, with `#` comments
 * (`io/parse.ts`); no declared variables or characteristic (the command's `--vars` and `--field`
 * give them). The reader of last resort when nothing else matches. The writer puts one
 * polynomial per line after a comment naming the variables and the field.
 */
import { SystemFormat, WritableSystem } from './format';

function write(system: WritableSystem): string {
  const field = system.characteristic === 0n ? 'Q' : `Z/${system.characteristic}`;
  return [`# variables ${system.vars.join(', ')}; over ${field}`, ...system.polynomials.map(String), ''].join('\n');
}

/** polycrit's text: one polynomial per line. */
export const plainFormat: SystemFormat = {
  name: 'polycrit',
  description: "polycrit's text: polynomials separated by line ends, ',' or ';' (the variables and field from --vars and --field)",
  extensions: ['.txt', '.poly'],
  looksLike: () => true,
  read: (text) => ({ pieces: [{ text }] }),
  write,
};
