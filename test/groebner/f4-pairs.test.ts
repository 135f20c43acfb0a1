// The Gebauer–Möller update of F4 (pairs.ts) against a plain reference written here on exponent
// arrays: after every new basis element the pending pairs and the redundant elements agree. The
// monomial table starts at its smallest capacity so that interning the lcms grows it in the middle
// of an update (a stale mask array once made the chain criterion drop nothing: right bases, 3x
// the work on noon-7).
import fc from 'fast-check';
import { Basis } from '../../src/groebner/f4/basis';
import { MonomialTable } from '../../src/groebner/f4/hashtable';
import { PairSet, updatePairs } from '../../src/groebner/f4/pairs';
import { monomial } from '../../src/monomials/monomial';
import { comparator, degrevlex } from '../../src/monomials/order';

type Exps = number[];
const lcmE = (a: Exps, b: Exps): Exps => a.map((x, i) => Math.max(x, b[i]));
const dividesE = (a: Exps, b: Exps): boolean => a.every((x, i) => x <= b[i]);
const coprimeE = (a: Exps, b: Exps): boolean => a.every((x, i) => x === 0 || b[i] === 0);
const key = (e: Exps): string => e.join(',');

/** The reference update: returns the new pair list and marks redundant elements in `active`. */
function referenceUpdate(leads: Exps[], active: number[], pairs: { a: number; b: number; lcm: Exps }[], h: number): { pairs: { a: number; b: number; lcm: Exps }[]; active: number[] } {
  const lh = leads[h];
  const L = leads.map((g) => lcmE(g, lh));
  const kept = pairs.filter((q) => !(dividesE(lh, q.lcm) && key(q.lcm) !== key(L[q.a]) && key(q.lcm) !== key(L[q.b])));
  const cand = active.filter((i) => i !== h);
  const keep = cand.map(() => true);
  cand.forEach((i, t) => {
    if (coprimeE(leads[i], lh)) return;
    for (let u = 0; u < cand.length; u++) {
      if (u === t || !keep[u]) continue;
      if (dividesE(L[cand[u]], L[i])) {
        keep[t] = false;
        break;
      }
    }
  });
  cand.forEach((i, t) => {
    if (keep[t] && !coprimeE(leads[i], lh)) kept.push({ a: i, b: h, lcm: L[i] });
  });
  const stillActive = active.filter((i) => i === h || !dividesE(lh, leads[i]));
  return { pairs: kept, active: stillActive };
}

describe('updatePairs (Gebauer–Möller)', () => {
  test('agrees with a reference update on random leading monomials, while the table grows', () => {
    const nvars = 4;
    const exps = fc.array(fc.integer({ min: 0, max: 4 }), { minLength: nvars, maxLength: nvars });
    fc.assert(
      fc.property(fc.array(exps, { minLength: 1, maxLength: 80 }), (leadExps) => {
        const table = new MonomialTable(nvars, degrevlex, comparator(degrevlex, nvars), 16);
        const basis = new Basis(table);
        const pairs = new PairSet();
        let refPairs: { a: number; b: number; lcm: Exps }[] = [];
        let refActive: number[] = [];
        const leads: Exps[] = [];
        for (const e of leadExps) {
          const id = table.intern(monomial(e));
          const h = basis.add(Int32Array.of(id), Int32Array.of(1), e.reduce((s, x) => s + x, 0));
          leads.push(e);
          updatePairs(pairs, basis, h, true);
          refActive.push(h);
          ({ pairs: refPairs, active: refActive } = referenceUpdate(leads, refActive, refPairs, h));
          const got = Array.from({ length: pairs.size }, (_, k) => `${pairs.a[k]}:${pairs.b[k]}:${key(table.toMonomial(pairs.lcm[k]).slice(1))}`).sort();
          const want = refPairs.map((q) => `${q.a}:${q.b}:${key(q.lcm)}`).sort();
          expect(got).toEqual(want);
          expect([...basis.active].sort((x, y) => x - y)).toEqual([...refActive].sort((x, y) => x - y));
        }
      }),
      { numRuns: 150 },
    );
  });
});
