/**
 * `polycrit/node`: what needs Node.js, kept out of the platform-free main entry — network specs
 * and their CSV data read from files (`readSpecFile`, `dataFileReader`), and helper threads for
 * the solver (`imageThreads(n)`, an `ImageWorkers` for the `imageWorkers` option of `solve` and
 * `criticalPoints`) and for the multi-modular Gröbner driver (`basisThreads(n)`, a `BasisWorkers`
 * for the `basisWorkers` option of `computeGroebner` over Q, and of `solve` and `criticalPoints`
 * for their bases over Q).
 *
 * @example
 * import { computeGroebner, criticalPoints, networkLoss, parsePolynomials } from 'polycrit';
 * import { readSpecFile, imageThreads, basisThreads } from 'polycrit/node';
 * const { spec, readData } = readSpecFile('net.json');
 * criticalPoints(networkLoss(spec, readData), { imageWorkers: imageThreads(1), basisWorkers: basisThreads(1) });
 * computeGroebner(parsePolynomials('x^2 + y^2 - 1, x - y').polynomials, { basisWorkers: basisThreads(1) });
 */
export { MAX_CSV_BYTES, dataFileReader, readSpecFile } from './networks/spec-file';
export { imageThreads } from './solve/image-threads';
export { basisThreads } from './groebner/basis-threads';
