/**
 * `polycrit/node`: what needs Node.js, kept out of the platform-free main entry — network specs
 * and their CSV data read from files (`readSpecFile`, `dataFileReader`), and helper threads for
 * the solver (`imageThreads(n)`, an `ImageWorkers` for the `imageWorkers` option of `solve` and
 * `criticalPoints`).
 *
 * @example
 * import { criticalPoints, networkLoss } from 'polycrit';
 * import { readSpecFile, imageThreads } from 'polycrit/node';
 * const { spec, readData } = readSpecFile('net.json');
 * criticalPoints(networkLoss(spec, readData), { imageWorkers: imageThreads(1) });
 */
export { MAX_CSV_BYTES, dataFileReader, readSpecFile } from './networks/spec-file';
export { imageThreads } from './solve/image-threads';
