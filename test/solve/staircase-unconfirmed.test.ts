// A finite set's count is said from the staircase's first prime (marked dimensionModulo) only
// until the staircase is decided: a first prime that no second prime confirms (unlucky, or the set
// is not finite) must not leave its count in an answer cut short later. The staircase is made to
// confirm nothing here (as after two primes that disagree), so solve goes to the basis over Q.
import { TimeoutError } from '../../src/errors';
import { SolveResult, solve } from '../../src/solve/solve';
import { namedSystem } from '../../src/systems';
import { DeadlineWhen } from '../countdown-deadline';

jest.mock('../../src/groebner/staircase', () => {
  const actual = jest.requireActual('../../src/groebner/staircase');
  return {
    ...actual,
    modularStaircase: (...args: Parameters<typeof actual.modularStaircase>) => {
      const { learned } = actual.modularStaircase(...args);
      return { learned };
    },
  };
});

test("an unconfirmed first prime's count is withdrawn: a limit in the basis over Q then knows nothing", () => {
  const polys = namedSystem('katsura:4').polynomials;
  const partials: SolveResult[] = [];
  let overQ = false;
  // Stops at the first check once the driver over Q has taken a prime.
  const deadline = new DeadlineWhen(() => overQ);
  const run = (): SolveResult =>
    solve(polys, {
      deadline,
      onPartial: (p) => partials.push(p),
      onProgress: (info) => {
        if (info.kind === 'modular-prime') overQ = true;
      },
    });
  expect(run).toThrow(TimeoutError);
  // The first prime's report was made, then withdrawn.
  expect(partials[0]).toMatchObject({ dimension: 0, solutions: 16 });
  expect(partials[0].dimensionModulo).toBeGreaterThan(2 ** 20);
  // Unlimited, the same route gives the answer over Q.
  overQ = false;
  const full = solve(polys);
  expect(full).toMatchObject({ complete: true, dimension: 0, solutions: 16 });
});
