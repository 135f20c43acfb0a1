// ThreadJob.realRoots: the helper refines real roots from the first, the solver from the last, and
// every root comes back refined exactly once, by one or the other (a scripted helper decides how
// many it refines).
import * as path from 'path';
import { rational } from '../../src/arithmetic/rational';
import { ThreadJob } from '../../src/solve/image-threads';
import { RootInterval } from '../../src/solve/roots/real';

const SCRIPT = path.join(__dirname, '../fixtures/threads/roots-helper.js');

/** Five isolating intervals [k, k + 1], k = 0..4, and the third degenerate (an exact root 2). */
const intervals: RootInterval[] = [0, 1, 2, 3, 4].map((k) => (k === 2 ? { lo: rational(2n), hi: rational(2n) } : { lo: rational(BigInt(k)), hi: rational(BigInt(k + 1)) }));

function run(helperRefines: number): { out: RootInterval[] | undefined; refinedHere: number[] } {
  const job = new ThreadJob(SCRIPT, { intervals, helperRefines } as never);
  const refinedHere: number[] = [];
  try {
    job.requestRealRoots(7, [0n, 1n], 10);
    const out = job.realRoots(7, (iv) => {
      refinedHere.push(Number(iv.lo.num / iv.lo.den));
      return { lo: iv.lo, hi: rational(iv.lo.num * 2048n + iv.lo.den, iv.lo.den * 2048n) };
    });
    return { out, refinedHere };
  } finally {
    job.close();
  }
}

describe('ThreadJob.realRoots', () => {
  test.each([0, 1, 2, 4, 5])('the helper refines the first %i roots: the solver refines the others, from the last, each root once', (helperRefines) => {
    const { out, refinedHere } = run(helperRefines);
    expect(out).toHaveLength(5);
    const width = (iv: RootInterval) => Number(iv.hi.num * iv.lo.den - iv.lo.num * iv.hi.den) / Number(iv.hi.den * iv.lo.den);
    (out as RootInterval[]).forEach((iv, k) => {
      expect(Number(iv.lo.num) / Number(iv.lo.den)).toBe(k); // the same root, in place
      if (k === 2) expect(width(iv)).toBe(0); // exact: never refined
      else expect(width(iv)).toBe(k < helperRefines ? 1 / 1024 : 1 / 2048); // by whom
    });
    // The solver's share, from the last root down, never the degenerate one; the helper's roots
    // are never refined twice when their answers arrived before the solver reached them.
    const expected = [4, 3, 1, 0].filter((k) => k >= helperRefines);
    expect(refinedHere).toEqual(expected);
  });
});
