// Issue 16 item 1: polycrit as users install it. `npm pack`'s tarball is installed into a fresh
// folder (from npm's cache; the registry only for what the cache lacks) and used from CommonJS,
// from ESM, and from TypeScript under node16, nodenext and bundler resolution (strict,
// skipLibCheck off), with a polycrit/testing arbitrary inside fast-check's fc.property — the
// TS2345 "separate declarations of a private property" of the issue. The README's ```ts blocks
// are compiled in each TypeScript project and run; a line `expr;  // [json]` must print that value.
// `npm pack` builds (prepack), so the suite needs no build first; the install must print no warning.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const root = path.join(__dirname, '../..');
const tsc = path.join(root, 'node_modules/typescript/bin/tsc');

/** Runs a command; its stdout and stderr, or an error with both when it fails. */
function runBoth(command: string, args: string[], cwd: string): { stdout: string; stderr: string } {
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 180_000 });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} (in ${cwd}) failed (${r.error?.message ?? `exit ${r.status}`}):\n${r.stdout}${r.stderr}`);
  return { stdout: r.stdout, stderr: r.stderr };
}

const run = (command: string, args: string[], cwd: string): string => runBoth(command, args, cwd).stdout;

/** The README's TypeScript blocks as one module; `expr;  // [...]` lines become checks of the value. */
function readmeModule(): string {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((m) => m[1]);
  const body = blocks.join('\n').replace(/^(\S.*?);\s+\/\/ (\[.*\])$/gm, (_, expr: string, expected: string) => `check(${expr}, ${JSON.stringify(JSON.parse(expected.replace(/'/g, '"')))});`);
  const check = `function check(actual: unknown, expected: unknown): void {\n  if (JSON.stringify(actual) !== JSON.stringify(expected)) throw new Error(\`README: got \${JSON.stringify(actual)}, expected \${JSON.stringify(expected)}\`);\n}\n`;
  const imports = body.match(/^import .*$/gm) ?? [];
  return `${imports.join('\n')}\n${check}${body.replace(/^import .*$/gm, '')}\nconsole.log('README examples ran');\n`;
}

/** The default export (the namespace): imported in an ES module, by import() in a CommonJS one. */
const DEFAULT_IMPORT = {
  esm: `import polycrit from 'polycrit';
import testing from 'polycrit/testing';
console.log('default', polycrit.Polynomial === Polynomial, polycrit.solve === solve, testing.plantedSystem === plantedSystem);
`,
  // import() in a CommonJS file gets the ES module's declarations, distinct types for the same objects.
  cjs: `void Promise.all([import('polycrit'), import('polycrit/testing')]).then(([p, t]) => console.log('default', (p.default.Polynomial as unknown) === Polynomial, (p.default.solve as unknown) === solve, (t.default.plantedSystem as unknown) === plantedSystem));
`,
};

const USE_TESTING = (fcImport: string, ext: string, defaultImport: string) => `${fcImport}
import { parsePolynomials, solve, Polynomial, PolynomialRing, QQ, networkLoss, preset, criticalPoints } from 'polycrit';
import { plantedSystem, checkSolution } from 'polycrit/testing';
import { dataFileReader } from 'polycrit/node';
const P: Polynomial[] = parsePolynomials('x^2 + y^2 - 1, x - y').polynomials;
const R: PolynomialRing = new PolynomialRing(QQ, ['x']);
fc.assert(fc.property(plantedSystem(), (S) => checkSolution(S, solve(S.polynomials)).ok), { numRuns: 2 });
const analysis = criticalPoints(networkLoss(preset('xor-blog')));
const points = analysis.components.flatMap((c) => c.points ?? []).filter((p) => p.real);
console.log('${ext}', P.length, R.vars.length, points.length >= 0, typeof dataFileReader);
${defaultImport}`;

describe('the npm tarball, installed into fresh projects', () => {
  let tmp: string;
  let project: string;
  let packed: { size: number; unpackedSize: number; entryCount: number; files: { path: string }[] };
  let installed: { stdout: string; stderr: string };
  const manifest = fs.readFileSync(path.join(root, 'package.json'), 'utf8');
  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'polycrit-pack-'));
    // As a user or `npm publish` packs: prepack builds and strips the scripts, postpack restores them.
    packed = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', tmp], root))[0];
    project = path.join(tmp, 'project');
    fs.mkdirSync(project);
    fs.writeFileSync(path.join(project, 'package.json'), '{ "name": "user", "private": true }\n');
    installed = runBoth('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', path.join(tmp, 'polycrit-0.1.0.tgz')], project);
    console.log(`tarball: ${(packed.size / 1024).toFixed(0)} kB packed, ${(packed.unpackedSize / 1024).toFixed(0)} kB unpacked, ${packed.entryCount} files`);
  }, 240_000);
  afterAll(() => {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  test('installing the tarball prints no warning: its package.json has no scripts (npm 11 warns about a prepare script); the repository keeps them', () => {
    expect(installed.stderr).toBe('');
    expect(installed.stdout).not.toMatch(/warn|script/i);
    expect(JSON.parse(fs.readFileSync(path.join(project, 'node_modules/polycrit/package.json'), 'utf8')).scripts).toBeUndefined();
    expect(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).toBe(manifest);
    expect(fs.existsSync(path.join(root, '.package.json.prepack'))).toBe(false);
  });

  test('the tarball holds the build, both halves, LICENSE; no source maps, benches or tsbuildinfo', () => {
    const files = packed.files.map((f) => f.path);
    for (const f of ['LICENSE', 'README.md', 'dist/src/index.js', 'dist/src/index.mjs', 'dist/src/index.d.mts', 'dist/src/testing/index.mjs', 'dist/src/node.js', 'dist/src/io/nerdamer.mjs']) expect(files).toContain(f);
    expect(files.filter((f) => /\.map$|tsbuildinfo|^dist\/(bench|examples)\//.test(f))).toEqual([]);
  });

  test('polycrit/node: the Gröbner driver\'s helper thread runs from the installed package and leaves the basis as it is', () => {
    fs.writeFileSync(
      path.join(project, 'threads.cjs'),
      `const { computeGroebner, namedSystem, polynomialToData } = require('polycrit');
const { basisThreads } = require('polycrit/node');
const P = namedSystem('cyclic:6').polynomials;
const alone = computeGroebner(P).basis.map(String).join(';');
const helped = computeGroebner(P, { basisWorkers: basisThreads(1) }).basis.map(String).join(';');
// The thread itself (cyclic-6 is too small for the driver to start one): the basis modulo 65521.
const R = P[0].ring;
const job = basisThreads(1).start({ vars: [...R.vars], order: R.order, generators: P.map(polynomialToData), linalg: 'auto' });
job.submit(65521);
const image = job.take(30000);
job.close();
console.log(typeof basisThreads, alone === helped, image && image.p, image && image.lengths && image.lengths.length);
`,
    );
    expect(run('node', ['threads.cjs'], project)).toBe('function true 65521 45\n');
  });

  test('CommonJS and ESM: every entry loads, one Polynomial class for both, a testing arbitrary in fc.property, each entry\'s namespace as its ESM default export', () => {
    const body = (tag: string) => `const P = parsePolynomials('x^2 + y^2 - 1, x - y').polynomials;
fc.assert(fc.property(plantedSystem(), (S) => checkSolution(S, solve(S.polynomials)).ok), { numRuns: 2 });
console.log('${tag}', solve(P).components.length, criticalPoints(networkLoss(preset('xor-blog'))).criticalValues.join(' '), typeof dataFileReader, typeof toNerdamer);
`;
    fs.writeFileSync(
      path.join(project, 'main.cjs'),
      `const fc = require('fast-check');
const { parsePolynomials, solve, networkLoss, preset, criticalPoints } = require('polycrit');
const { plantedSystem, checkSolution } = require('polycrit/testing');
const { dataFileReader } = require('polycrit/node');
const { toNerdamer } = require('polycrit/nerdamer');
${body('cjs')}import('polycrit').then((m) => console.log('default', m.default === require('polycrit')));
`,
    );
    expect(run('node', ['main.cjs'], project)).toBe('cjs 1 4/3 2 function function\ndefault true\n');
    fs.writeFileSync(
      path.join(project, 'main.mjs'),
      `import fc from 'fast-check';
import { createRequire } from 'module';
import { parsePolynomials, solve, networkLoss, preset, criticalPoints, Polynomial } from 'polycrit';
import { plantedSystem, checkSolution } from 'polycrit/testing';
import { dataFileReader } from 'polycrit/node';
import { toNerdamer } from 'polycrit/nerdamer';
import polycrit from 'polycrit';
import testing from 'polycrit/testing';
import node from 'polycrit/node';
import nerdamer from 'polycrit/nerdamer';
${body('esm')}console.log(Polynomial === createRequire(import.meta.url)('polycrit').Polynomial);
console.log('default', polycrit.Polynomial === Polynomial, polycrit.solve === solve, testing.plantedSystem === plantedSystem, node.dataFileReader === dataFileReader, nerdamer.toNerdamer === toNerdamer);
`,
    );
    expect(run('node', ['main.mjs'], project)).toBe('esm 1 4/3 2 function function\ntrue\ndefault true true true true true\n');
  });

  const tsconfig = (module: string, resolution: string, files: string[], outDir?: string) =>
    JSON.stringify({ compilerOptions: { module, moduleResolution: resolution, target: 'ES2022', strict: true, skipLibCheck: false, types: [], ...(outDir ? { outDir } : { noEmit: true }) }, files });

  test('TypeScript, node16 and nodenext: ESM (.mts) and CommonJS (.cts) files type-check; the README examples compile and run', () => {
    fs.writeFileSync(path.join(project, 'user.mts'), USE_TESTING("import fc from 'fast-check';", 'mts', DEFAULT_IMPORT.esm));
    fs.writeFileSync(path.join(project, 'user.cts'), USE_TESTING("import fc = require('fast-check');", 'cts', DEFAULT_IMPORT.cjs));
    fs.writeFileSync(path.join(project, 'readme.mts'), readmeModule());
    fs.writeFileSync(path.join(project, 'tsconfig.node16.json'), tsconfig('node16', 'node16', ['user.mts', 'user.cts', 'readme.mts'], 'out'));
    fs.writeFileSync(path.join(project, 'tsconfig.nodenext.json'), tsconfig('nodenext', 'nodenext', ['user.mts', 'user.cts', 'readme.mts']));
    run('node', [tsc, '-p', 'tsconfig.node16.json'], project);
    run('node', [tsc, '-p', 'tsconfig.nodenext.json'], project);
    expect(run('node', ['out/user.mjs'], project)).toMatch(/^mts 2 1 true function\ndefault true true true\n$/);
    expect(run('node', ['out/user.cjs'], project)).toMatch(/^cts 2 1 true function\ndefault true true true\n$/);
    expect(run('node', ['out/readme.mjs'], project)).toMatch(/README examples ran/);
  });

  test('TypeScript, bundler resolution: the same user file and the README examples type-check', () => {
    fs.writeFileSync(path.join(project, 'user-bundler.ts'), USE_TESTING("import fc from 'fast-check';", 'ts', DEFAULT_IMPORT.esm));
    fs.writeFileSync(path.join(project, 'readme-bundler.ts'), readmeModule());
    fs.writeFileSync(path.join(project, 'tsconfig.bundler.json'), tsconfig('esnext', 'bundler', ['user-bundler.ts', 'readme-bundler.ts']));
    run('node', [tsc, '-p', 'tsconfig.bundler.json'], project);
  });
});
