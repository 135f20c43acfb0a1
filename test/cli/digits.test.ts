// Issue 19 item 3: any --digits up to the documented maximum of 1000 works. 10^−digits underflows a
// double past ~323 digits, so the solver's error bounds live in log space; the printed decimals
// of √2 (a real root of x² − 2, the imaginary part of a root of x² + 2, and a coordinate given by
// a quotient u(T)/d(T)) agree with an independent bigint computation, isqrt(2·10^(2d)).
import { runCli as run } from './run-cli';

/** ⌊√n⌋ by Newton's method on bigints. */
function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = 1n << BigInt(Math.ceil(n.toString(2).length / 2));
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

/** The first `digits` significant digits of √2, and the next one (to allow rounding up). */
function sqrt2Digits(digits: number): { truncated: string; rounded: string } {
  const s = isqrt(2n * 10n ** BigInt(2 * (digits + 5))).toString();
  const head = BigInt(s.slice(0, digits));
  const up = Number(s[digits]) >= 5 ? head + 1n : head;
  return { truncated: head.toString(), rounded: up.toString() };
}

const mantissa = (text: string): string => text.replace(/^[-+]/, '').replace('.', '');

describe('--digits past the range of a double', () => {
  test.each([400, 1000])('%i digits: √2 as a real root, as the imaginary part of a complex root and as a quotient coordinate', async (digits) => {
    const want = sqrt2Digits(digits).rounded;
    const real = await run(['solve', '-', '--digits', String(digits), '--json'], 'x^2 - 2');
    expect(real.err).toBe('');
    expect(real.code).toBe(0);
    const [c] = JSON.parse(real.out).components;
    expect(c.points.map((p: { approx: { x: string } }) => mantissa(p.approx.x))).toEqual([want, want]);

    const complex = await run(['solve', '-', '--digits', String(digits), '--complex', '--json'], 'x^2 + 2');
    expect(complex.err).toBe('');
    expect(complex.code).toBe(0);
    const points = JSON.parse(complex.out).components[0].points;
    expect(points.map((p: { im: { x: string } }) => mantissa(p.im.x))).toEqual([want, want]);
    // The bound says the decimals are good to the digits asked: below 10^−digits·√2.
    for (const p of points) expect(p.log2ErrorBound * Math.log10(2)).toBeLessThan(-digits);

    // A component of degree 18 > BASIS_DEGREE_LIMIT: y = u(T)/q′(T) for a separating form T.
    const quotient = await run(['solve', '-', '--digits', String(digits), '--complex', '--json'], 'y^2 + 2, x^9 - 3');
    expect(quotient.err).toBe('');
    expect(quotient.code).toBe(0);
    const [q] = JSON.parse(quotient.out).components;
    expect(q.exact.denominator).not.toBe('1');
    const ys = q.points.filter((p: { real: boolean }) => !p.real).map((p: { im: { y: string } }) => mantissa(p.im.y));
    expect(ys.length).toBe(18);
    expect(new Set(ys)).toEqual(new Set([want]));
  });
});
