// Issue 16 item 1: the main entry is platform-free. esbuild bundles it for the browser with no
// stubs (it fails on any import of fs, path, v8, worker_threads …), nerdamer stays out of it, zod
// is only the part of zod/mini the spec's schema uses, and the bundle runs in a context that has no process, require or Buffer (a browser's globals).
import * as esbuild from 'esbuild';
import * as path from 'path';
import * as vm from 'vm';

const root = path.join(__dirname, '../..');

describe('the main entry in a browser', () => {
  let bundle: esbuild.BuildResult & { metafile: esbuild.Metafile; outputFiles: esbuild.OutputFile[] };
  beforeAll(async () => {
    bundle = await esbuild.build({
      entryPoints: [path.join(root, 'src/index.ts')],
      bundle: true,
      platform: 'browser',
      format: 'iife',
      globalName: 'polycrit',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
  });

  test('bundles for platform=browser without stubs, and without nerdamer', () => {
    expect(bundle.errors).toEqual([]);
    const inputs = Object.keys(bundle.metafile.inputs);
    expect(inputs.filter((f) => /node_modules\/nerdamer\//.test(f))).toEqual([]);
    expect(inputs.filter((f) => /^(node:)?(fs|path|v8|os|worker_threads|child_process)$/.test(f))).toEqual([]);
  });

  test("zod is there as zod/mini, tree-shaken: no classic API, no locale but English", () => {
    // The files that put bytes into the bundle (the metafile's inputs also list what tree-shaking dropped).
    const kept = Object.entries(Object.values(bundle.metafile.outputs)[0].inputs).filter(([, v]) => v.bytesInOutput > 0);
    const zod = kept.map(([f]) => f).filter((f) => /node_modules\/zod\//.test(f));
    expect(zod.length).toBeGreaterThan(0);
    expect(zod.filter((f) => /\/v4\/classic\/|\.cjs$/.test(f))).toEqual([]);
    expect(zod.filter((f) => /\/locales\/(?!en\.js$|index\.js$)/.test(f))).toEqual([]);
  });

  test('runs without process, require or Buffer: a system solved, the XOR network analysed', () => {
    const context = vm.createContext({ WebAssembly, performance, console, TextEncoder, TextDecoder });
    vm.runInContext(bundle.outputFiles[0].text, context);
    const result = vm.runInContext(
      `(() => {
        const { parsePolynomials, solve, networkLoss, preset, criticalPoints } = polycrit;
        const components = solve(parsePolynomials('x^2 + y^2 - 1, x - y').polynomials).components;
        const analysis = criticalPoints(networkLoss(preset('xor-blog')));
        return JSON.stringify({ kinds: components.map((c) => c.kind), values: analysis.criticalValues.map(String), process: typeof process });
      })()`,
      context,
    ) as string;
    expect(JSON.parse(result)).toEqual({ kinds: ['points'], values: ['4/3', '2'], process: 'undefined' });
  });
});
