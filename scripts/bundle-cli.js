#!/usr/bin/env node
'use strict';
/**
 * The command thread as one file, and V8's code cache for it (see src/cli/code-cache.ts), written
 * after tsc and scripts/esm.js.
 *
 * esbuild concatenates dist/src/cli/command-worker.js and every project module it imports into
 * dist/src/cli/command-worker.bundle.js, with the two npm packages every command loads
 * (`BUNDLED_PACKAGES`); the others stay `require`s. The few modules that locate
 * their own worker scripts with `__dirname` get their original directory back: each `__dirname`
 * becomes `__polycritDirname("solve")` (the module's folder relative to dist/src), resolved
 * against the bundle's place.
 *
 * The helper threads' scripts (solve/image-thread-main.js, groebner/basis-thread-main.js) are
 * bundled the same way, each beside its original as *.bundle.js, which the thread starters prefer:
 * one file to read and compile instead of about a hundred modules.
 *
 * Then the bundle is loaded here, with the command's V8 flags, a few small commands are run
 * through it silently (so that the functions they use are compiled), and the compiled code is
 * written as dist/src/cli/command-worker.bundle.cache. Runs with a cache start about 100 ms
 * sooner. A Node version that rejects the cache just compiles from source and writes its own.
 */
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

const dist = path.join(__dirname, '..', 'dist', 'src');
const bundle = path.join(dist, 'cli', 'command-worker.bundle.js');

/** esbuild plugin: each module's `__dirname` as the folder it was compiled into. */
const ownDirname = {
  name: 'own-dirname',
  setup(build) {
    build.onLoad({ filter: /\.js$/ }, (args) => {
      const text = fs.readFileSync(args.path, 'utf8');
      if (!args.path.startsWith(dist) || !/\b__dirname\b/.test(text)) return undefined;
      const folder = JSON.stringify(path.relative(dist, path.dirname(args.path)).split(path.sep).join('/'));
      return { contents: text.replace(/\b__dirname\b/g, `__polycritDirname(${folder})`), loader: 'js' };
    });
  },
};

/** Small commands whose code the cache should hold: a network, a finite system, a basis. */
const WARM_UP = [
  ['critical', '--preset', 'xor-blog', '--threads', '1'],
  ['critical', '--preset', 'deep-linear:1,2,1', '--threads', '1'],
  ['solve', 'katsura:4', '--threads', '1'],
  ['groebner', 'cyclic:5'],
];

/**
 * Rewrites `file` in ASCII. esbuild escapes the code's own non-ASCII characters but keeps the
 * comments as written, and one '−' in a comment makes node read the whole file as a two-byte
 * string, through the UTF-8 decoder: 15-20 ms more to start. Each character left becomes its
 * \\u escape, which means the same in a comment, and in a string or a regular expression.
 */
function inAscii(file) {
  const text = fs.readFileSync(file, 'utf8');
  const ascii = text.replace(/[^\x00-\x7f]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
  if (ascii !== text) fs.writeFileSync(file, ascii);
}

/** esbuild's settings for one bundle: a CommonJS file for node, npm packages left as requires. */
const BUNDLE = { bundle: true, platform: 'node', format: 'cjs', target: 'node18', packages: 'external', logLevel: 'warning' };

/**
 * The npm packages every command loads (commander parses the command line, big.js writes decimals)
 * go into the command's bundle, so that the code cache covers them too: loaded by Node from
 * node_modules they took 15–25 ms of each run (resolution, reading, compiling without a cache).
 * The others stay `require`s, loaded when used. commander requires child_process at its top
 * (which brings net and dgram, about 6 ms) for executable subcommands, which polycrit has none of:
 * there it is a lazy stand-in that requires child_process on first use.
 */
const BUNDLED_PACKAGES = ['commander', 'big.js'];
const commandPackages = {
  name: 'command-packages',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path === 'node:child_process' && /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer)) return { path: 'child_process', namespace: 'lazy-builtin' };
      const name = args.path.startsWith('@') ? args.path.split('/').slice(0, 2).join('/') : args.path.split('/')[0];
      if (BUNDLED_PACKAGES.includes(name) || args.path.startsWith('node:') || args.namespace === 'lazy-builtin') return undefined;
      return { path: args.path, external: true };
    });
    build.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (args) => ({
      contents: `module.exports = new Proxy({}, { get: (_, key) => require(${JSON.stringify(args.path)})[key] });`,
      loader: 'js',
    }));
  },
};

async function run() {
  const { packages, ...settings } = BUNDLE;
  await esbuild.build({
    ...settings,
    entryPoints: [path.join(dist, 'cli', 'command-worker.js')],
    outfile: bundle,
    banner: { js: 'const __polycritDirname = (folder) => require("path").join(__dirname, "..", folder);' },
    plugins: [ownDirname, commandPackages],
  });
  const helpers = [['solve', 'image-thread-main'], ['groebner', 'basis-thread-main']].map((helper) => path.join(dist, ...helper));
  for (const helper of helpers) {
    await esbuild.build({ ...BUNDLE, entryPoints: [helper + '.js'], outfile: helper + '.bundle.js' });
  }
  for (const file of [bundle, ...helpers.map((helper) => helper + '.bundle.js')]) inAscii(file);
  require(path.join(dist, 'cli', 'v8-flags.js')).applyV8Flags();
  const { loadBundle, cacheFileOf } = require(path.join(dist, 'cli', 'code-cache.js'));
  fs.rmSync(cacheFileOf(bundle), { force: true });
  const loaded = loadBundle(bundle);
  const silent = { stdout: () => undefined, stderr: () => undefined, readStdin: () => '', isTTY: false };
  for (const argv of WARM_UP) {
    const code = await loaded.exports.main(argv, silent);
    if (code !== 0) throw new Error(`bundle-cli: 'polycrit ${argv.join(' ')}' exited with ${code}`);
  }
  if (!loaded.writeCache()) throw new Error(`bundle-cli: could not write ${cacheFileOf(bundle)}`);
}

run().catch((error) => {
  console.error(error);
  process.exit(1);
});
