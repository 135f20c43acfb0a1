/**
 * Network specs from files, on Node: a JSON spec file, and the CSV data files it names (relative
 * to the spec's folder). Node-only (fs, path), so the platform-free `spec.ts` and the main entry
 * never import it; the CLI does, and `polycrit/node` exports it.
 *
 * Files are read with a cap: a CSV file past `MAX_CSV_BYTES` (or an endless one such as
 * /dev/zero) is refused without being read whole.
 */
import * as fs from 'fs';
import * as path from 'path';
import { InputError } from '../errors';
import { DataReader, NetworkSpec, validateSpec } from './spec';

/** The largest CSV data file read (bytes): MAX_ROWS rows of a few hundred characters. */
export const MAX_CSV_BYTES = 64 * 1024 * 1024;

/** A file's text, refusing files past `max` bytes (and endless ones such as /dev/zero) without reading them whole. */
function readCapped(file: string, max: number, what: string): string {
  const fd = fs.openSync(file, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.alloc(1 << 20);
      const n = fs.readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      total += n;
      if (total > max) throw new InputError(`${what} is longer than ${max} bytes`);
      chunks.push(chunk.subarray(0, n));
    }
    return Buffer.concat(chunks).toString('utf8');
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * The reader of CSV data files named relative to `baseDir` (default: the working directory).
 *
 * @example
 * networkLoss({ inputs: 1, layers: [{ width: 1 }], data: { csv: 'rows.csv' } }, dataFileReader('specs'));
 */
export function dataFileReader(baseDir = process.cwd()): DataReader {
  return (name) => {
    const file = path.resolve(baseDir, name);
    try {
      return readCapped(file, MAX_CSV_BYTES, `the data file '${name}'`);
    } catch (e) {
      if (e instanceof InputError) throw e;
      throw new InputError(`cannot read the data file '${name}' (resolved to ${file})`);
    }
  };
}

/** Parses and checks a JSON spec file; `readData` reads its CSV data relative to the file's folder. */
export function readSpecFile(file: string): { spec: NetworkSpec; baseDir: string; readData: DataReader } {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new InputError(`cannot read the network spec '${file}'`);
  }
  let spec: NetworkSpec;
  try {
    spec = JSON.parse(text) as NetworkSpec;
  } catch (e) {
    throw new InputError(`'${file}' is not valid JSON: ${(e as Error).message}`);
  }
  const baseDir = path.dirname(path.resolve(file));
  const readData = dataFileReader(baseDir);
  validateSpec(spec, readData);
  return { spec, baseDir, readData };
}
