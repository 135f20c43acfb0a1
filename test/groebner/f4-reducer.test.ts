// The reducer search of F4's symbolic preprocessing (Basis.findReducer) against a brute-force
// reference: among the non-redundant elements whose leading monomial divides m, the one with the
// fewest terms, then the most recent. findReducer remembers its answers per monomial and, later,
// searches only the elements added since; the test interleaves additions, redundancy and queries
// (the same monomials asked again and again) so that the remembered answers are put to use.
import fc from 'fast-check';
import { Basis } from '../../src/groebner/f4/basis';
import { MonomialTable } from '../../src/groebner/f4/hashtable';
import { monomial } from '../../src/monomials/monomial';
import { comparator, degrevlex } from '../../src/monomials/order';

const NVARS = 3;

type Step =
  | { kind: 'add'; lead: number[]; length: number }
  | { kind: 'redundant'; which: number }
  | { kind: 'ask'; m: number[] };

const exps = fc.array(fc.integer({ min: 0, max: 3 }), { minLength: NVARS, maxLength: NVARS });
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), lead: exps, length: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('redundant' as const), which: fc.nat() }),
  fc.record({ kind: fc.constant('ask' as const), m: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: NVARS, maxLength: NVARS }) }),
);

const divides = (a: number[], b: number[]): boolean => a.every((x, i) => x <= b[i]);

describe('Basis.findReducer', () => {
  test('agrees with a brute-force search while elements are added and made redundant', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 60 }), (steps) => {
        const table = new MonomialTable(NVARS, degrevlex, comparator(degrevlex, NVARS), 16);
        const basis = new Basis(table);
        const leads: number[][] = [];
        const lengths: number[] = [];
        const redundant: boolean[] = [];
        const filler = table.intern(monomial(new Array<number>(NVARS).fill(0)));
        // A few fixed monomials asked repeatedly, besides the random ones.
        const asked: number[][] = [[5, 5, 5], [3, 3, 3], [2, 1, 0], [0, 2, 3]];
        let q = 0;
        for (const s of steps) {
          if (s.kind === 'add') {
            const monos = new Int32Array(s.length).fill(filler);
            monos[0] = table.intern(monomial(s.lead));
            basis.add(monos, new Int32Array(s.length).fill(1), 0);
            leads.push(s.lead);
            lengths.push(s.length);
            redundant.push(false);
            continue;
          }
          if (s.kind === 'redundant') {
            if (leads.length === 0) continue;
            const k = s.which % leads.length;
            basis.markRedundant(k);
            redundant[k] = true;
            continue;
          }
          for (const m of [s.m, asked[q++ % asked.length]]) {
            let want = -1;
            for (let k = 0; k < leads.length; k++) {
              if (redundant[k] || !divides(leads[k], m)) continue;
              if (want < 0 || lengths[k] < lengths[want] || (lengths[k] === lengths[want] && k > want)) want = k;
            }
            expect(basis.findReducer(table.intern(monomial(m)))).toBe(want);
          }
        }
      }),
      { numRuns: 400, seed: 20261204 },
    );
  });
});
