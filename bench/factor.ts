/**
 * Univariate factorization over Q benchmark: `factorUnivariate` (modular factorization, Hensel
 * lifting, van Hoeij's lattice recombination) against the exhaustive Zassenhaus recombination that
 * preceded it (same prime choice, lifted past the Landau–Mignotte bound, all subsets up to half the
 * factors; it refuses more than C(24, 12) subsets of one size), on the minimal polynomial χ of the
 * deep linear network 1-2-2-1, Swinnerton-Dyer polynomials and their products, x^n − 1 and random
 * products.
 *
 * Run: `npm run build && node dist/bench/factor.js [--runs N] [--budget S]`. Columns: input,
 * degree, bits of the largest coefficient, r (modular factors at the prime used), the factor
 * degrees found, then wall (CPU) milliseconds of `factorUnivariate` (warm: the minimum over N runs
 * after one warm-up) and of the exhaustive search (one run, stopped after S seconds). Timings
 * scale with the machine's load, which is printed.
 */
import * as fs from 'fs';
import { cpus, loadavg } from 'os';
import * as path from 'path';
import { Rational, rational } from '../src/arithmetic/rational';
import { Deadline, ResourceLimitError, TimeoutError } from '../src/errors';
import {
  PRIME_TRIALS, ZPoly, factorDegreesModP, factorSquarefreeModP, factorUnivariate, goodPrimes, henselLift, liftExponent, mignotteBound, recombine,
  zadd, zmul, zprimitive, zscale, zsub, ztoModP,
} from '../src/poly/factor';
import { UPoly, uprimitive } from '../src/poly/univariate';

/** f(x + √q) = A(x) + √q·B(x), by Horner's rule over Z[√q]: (A + √q·B)(x + √q) = (x·A + q·B) + √q·(A + x·B). */
function shiftBySqrt(f: ZPoly, q: bigint): [ZPoly, ZPoly] {
  let A: ZPoly = [];
  let B: ZPoly = [];
  for (let i = f.length - 1; i >= 0; i--) {
    [A, B] = [zadd([0n, ...A], zscale(B, q)), zadd(A, [0n, ...B])];
    A = zadd(A, [f[i]]);
  }
  return [A, B];
}

/** Π (x ± √p₁ ± … ± √p_k): each prime turns f into f(x + √p)·f(x − √p) = A² − p·B². */
function swinnertonDyer(ps: readonly number[]): ZPoly {
  let f: ZPoly = [0n, 1n];
  for (const p of ps) {
    const [A, B] = shiftBySqrt(f, BigInt(p));
    f = zsub(zmul(A, A), zscale(zmul(B, B), BigInt(p)));
  }
  return f;
}

/** f(x + 1). */
function shifted(f: ZPoly): ZPoly {
  return zadd(...shiftBySqrt(f, 1n));
}

/** A polynomial of degree n with random coefficients of the given bits (a fixed linear congruential sequence). */
function randomPoly(n: number, bits: number, seed: { s: number }): ZPoly {
  const next = (): number => (seed.s = (seed.s * 1103515245 + 12345) % 2147483648);
  const a: ZPoly = [];
  for (let i = 0; i <= n; i++) {
    let x = 0n;
    for (let b = 0; b < bits; b += 30) x = (x << 30n) + BigInt(next() % (1 << 30));
    a.push(next() % 2 ? x : -x);
  }
  if (a[n] <= 0n) a[n] = -a[n] + 1n;
  if (a[0] === 0n) a[0] = 1n;
  return a;
}

function chi(): UPoly<Rational> {
  const file = path.join(__dirname, '..', '..', 'test', 'poly', 'factor', 'fixtures', 'chi_deep_linear_1221.json');
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as [string, string][]).map(([n, d]) => rational(BigInt(n), BigInt(d)));
}

/** The primitive integer part with the power of x removed (the input of the recombination). */
function integerPart(f: UPoly<Rational>): ZPoly {
  const [, F] = uprimitive(f);
  let k = 0;
  while (F[k] === 0n) k++;
  return zprimitive(F.slice(k));
}

/** The exhaustive recombination at the prime with the fewest factors among the trial primes. */
function exhaustive(f: ZPoly, deadline: Deadline): ZPoly[] {
  const primes = goodPrimes(f, PRIME_TRIALS);
  const counts = primes.map((p) => factorDegreesModP(p, ztoModP(f, p)).length);
  const p = primes[counts.indexOf(Math.min(...counts))];
  const modular = factorSquarefreeModP(p, ztoModP(f, p));
  const l = liftExponent(p, 2n * mignotteBound(f));
  return recombine(f, henselLift(f, modular, p, l, { deadline }), BigInt(p) ** BigInt(l), { deadline });
}

/** Wall and CPU milliseconds of one call. */
function timed<T>(fn: () => T): { value: T; wall: number; cpu: number } {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const value = fn();
  const wall = Number(process.hrtime.bigint() - t0) / 1e6;
  const c = process.cpuUsage(c0);
  return { value, wall, cpu: (c.user + c.system) / 1000 };
}

function main(): void {
  const arg = (name: string, fallback: number): number => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? Number(process.argv[i + 1]) : fallback;
  };
  const runs = arg('--runs', 5);
  const budget = arg('--budget', 60);
  const seed = { s: 20261203 };
  const cases: [string, UPoly<Rational> | ZPoly][] = [
    ['χ deep-linear:1,2,2,1', chi()],
    ['Swinnerton-Dyer 2..7', swinnertonDyer([2, 3, 5, 7])],
    ['Swinnerton-Dyer 2..11', swinnertonDyer([2, 3, 5, 7, 11])],
    ['Swinnerton-Dyer 2..13', swinnertonDyer([2, 3, 5, 7, 11, 13])],
    ['Swinnerton-Dyer 2..17', swinnertonDyer([2, 3, 5, 7, 11, 13, 17])],
    ['SD(2..11)·SD(2..11)(x+1)', zmul(swinnertonDyer([2, 3, 5, 7, 11]), shifted(swinnertonDyer([2, 3, 5, 7, 11])))],
    ['x^120 − 1', [-1n, ...new Array<bigint>(119).fill(0n), 1n]],
    ['x^240 − 1', [-1n, ...new Array<bigint>(239).fill(0n), 1n]],
    ['random 5·5·150, 10 bits', zmul(zmul(randomPoly(5, 10, seed), randomPoly(5, 10, seed)), randomPoly(150, 10, seed))],
  ];
  const pad = (s: string | number, n: number): string => String(s).padStart(n);
  const ms = (t: { wall: number; cpu: number }): string => `${t.wall.toFixed(0)} (${t.cpu.toFixed(0)})`;
  console.log(`factorUnivariate: minimum over ${runs} warm runs; exhaustive: one run, stopped after ${budget} s; wall (CPU) ms`);
  console.log(`load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} on ${cpus().length} cores (timings scale with it)`);
  console.log(['input'.padEnd(26), pad('deg', 4), pad('bits', 5), pad('r', 4), 'factor degrees'.padEnd(24), pad('new', 14), pad('exhaustive', 16)].join(' '));
  for (const [name, input] of cases) {
    const f: Rational[] = (input as (Rational | bigint)[]).map((c) => (typeof c === 'bigint' ? rational(c) : c));
    const F = integerPart(f);
    const bits = Math.max(...F.map((c) => (c < 0n ? -c : c).toString(2).length));
    const r = Math.min(...goodPrimes(F, PRIME_TRIALS).map((p) => factorDegreesModP(p, ztoModP(F, p)).length));
    factorUnivariate(f);
    let best = { wall: Infinity, cpu: Infinity };
    let degrees = '';
    for (let i = 0; i < runs; i++) {
      const t = timed(() => factorUnivariate(f));
      degrees = t.value.factors.map((x) => x.factor.length - 1).join(',');
      if (t.wall < best.wall) best = t;
    }
    let old: string;
    try {
      old = ms(timed(() => exhaustive(F, new Deadline(budget))));
    } catch (e) {
      if (e instanceof TimeoutError) old = `> ${budget} s`;
      else if (e instanceof ResourceLimitError) old = 'refused';
      else throw e;
    }
    const shown = degrees.length > 24 ? `${degrees.slice(0, 21)}...` : degrees;
    console.log([name.padEnd(26), pad(F.length - 1, 4), pad(bits, 5), pad(r, 4), shown.padEnd(24), pad(ms(best), 14), pad(old, 16)].join(' '));
  }
}

main();
