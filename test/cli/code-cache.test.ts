/**
 * The command's start-up from a bundle and V8's code cache (src/cli/code-cache.ts): the cache is
 * written, accepted on the next load, and a damaged or foreign cache is rejected without changing
 * what the code does; a bundle older than the last TypeScript build is not used. And the bundle
 * the build wrote runs the same commands as the separate modules.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { MessageChannel, receiveMessageOnPort } from 'worker_threads';
import { BundleFiles, bundleIsCurrent, cacheFileOf, loadBundle, readBundleFiles } from '../../src/cli/code-cache';

const root = path.join(__dirname, '..', '..');

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'polycrit-cache-'));
}

/** A small CommonJS "bundle" with a function worth caching, and a require of a Node module. */
const SOURCE = `
const path = require('path');
function collatz(n) { let steps = 0; while (n !== 1) { n = n % 2 === 0 ? n / 2 : 3 * n + 1; steps++; } return steps; }
exports.steps = collatz(27);
exports.base = path.basename(__filename);
exports.dir = __dirname;
`;

describe('readBundleFiles', () => {
  it('reads ASCII as one-byte text and anything else as UTF-8, hashing the bytes either way', () => {
    const dir = tempDir();
    for (const text of ['exports.x = "plain";\n', 'exports.x = "x \u2212 y, \u{1d53d}";\n']) {
      const file = path.join(dir, 'b.js');
      fs.writeFileSync(file, text);
      const files = readBundleFiles(file);
      expect(files.source).toBe(text);
      expect(Buffer.from(files.digest).toString('hex')).toBe(require('crypto').createHash('sha256').update(Buffer.from(text, 'utf8')).digest('hex'));
      expect(loadBundle(file, files).exports).toEqual({ x: eval(text.slice(12, -2)) });
    }
  });

  it('the bundles the build wrote are ASCII (read without the UTF-8 decoder)', () => {
    const bundles = ['cli/command-worker', 'solve/image-thread-main', 'groebner/basis-thread-main'].map((b) => path.join(root, 'dist', 'src', `${b}.bundle.js`));
    for (const b of bundles) expect(require('buffer').isAscii(fs.readFileSync(b))).toBe(true);
  });
});

describe('loadBundle', () => {
  it('runs the bundle as a module, writes its cache, and uses it the next time', () => {
    const dir = tempDir();
    const file = path.join(dir, 'b.js');
    fs.writeFileSync(file, SOURCE);
    const first = loadBundle(file);
    expect(first.cache).toBe('none');
    expect(first.exports).toEqual({ steps: 111, base: 'b.js', dir });
    expect(first.writeCache()).toBe(true);
    expect(fs.statSync(cacheFileOf(file)).size).toBeGreaterThan(0);
    const second = loadBundle(file);
    expect(second.cache).toBe('used');
    expect(second.exports).toEqual(first.exports);
    // no temporary files left behind
    expect(fs.readdirSync(dir).sort()).toEqual(['b.cache', 'b.js']);
  });

  it('rejects a damaged cache or one of another source, and still runs the code', () => {
    const dir = tempDir();
    const file = path.join(dir, 'b.js');
    fs.writeFileSync(file, SOURCE);
    fs.writeFileSync(cacheFileOf(file), Buffer.from('not a code cache at all'));
    const damaged = loadBundle(file);
    expect(damaged.cache).toBe('rejected');
    expect(damaged.exports.steps).toBe(111);
    expect(damaged.writeCache()).toBe(true);
    fs.writeFileSync(file, SOURCE.replace('collatz(27)', 'collatz(97)'));
    const changed = loadBundle(file);
    expect(changed.cache).toBe('rejected');
    expect(changed.exports.steps).toBe(118);
  });

  it('takes the files read by another thread, passed as a message, as if it had read them', () => {
    const dir = tempDir();
    const file = path.join(dir, 'b.js');
    fs.writeFileSync(file, SOURCE);
    expect(loadBundle(file).writeCache()).toBe(true);
    // What the supervisor posts to the command's thread: a structured clone, the cache moved.
    const files = readBundleFiles(file);
    const { port1, port2 } = new MessageChannel();
    port1.postMessage(files, [files.stored!.buffer as ArrayBuffer]);
    const handed = receiveMessageOnPort(port2)?.message as BundleFiles;
    port1.close();
    const loaded = loadBundle(file, handed);
    expect(loaded.cache).toBe('used');
    expect(loaded.exports).toEqual({ steps: 111, base: 'b.js', dir });
    // The source changed since the cache was written: the cache is not used for the new code.
    fs.writeFileSync(file, SOURCE.replace('collatz(27)', 'collatz(97)'));
    const edited = loadBundle(file, readBundleFiles(file));
    expect(edited.cache).toBe('rejected');
    expect(edited.exports.steps).toBe(118);
  });

  it('uses a bundle only when no TypeScript build is newer', () => {
    const dir = tempDir();
    const file = path.join(dir, 'b.js');
    const info = path.join(dir, '.tsbuildinfo');
    expect(bundleIsCurrent(file, info)).toBe(false); // no bundle
    fs.writeFileSync(file, SOURCE);
    expect(bundleIsCurrent(file, info)).toBe(true); // no build info: a published package
    fs.writeFileSync(info, '{}');
    const now = Date.now() / 1000;
    fs.utimesSync(file, now - 10, now - 10);
    fs.utimesSync(info, now, now);
    expect(bundleIsCurrent(file, info)).toBe(false);
    fs.utimesSync(file, now + 1, now + 1);
    expect(bundleIsCurrent(file, info)).toBe(true);
  });
});

describe('the built command bundle', () => {
  const bundle = path.join(root, 'dist', 'src', 'cli', 'command-worker.bundle.js');
  const bin = path.join(root, 'bin', 'polycrit.js');

  it('is current after the build and answers like the separate modules', () => {
    expect(bundleIsCurrent(bundle, path.join(root, 'dist', '.tsbuildinfo'))).toBe(true);
    // The same command through the bundle (bin) and through the modules' own entry (main.js).
    const args = ['solve', 'katsura:3', '--json', '--threads', '1'];
    const viaBundle = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
    const script = `require(${JSON.stringify(path.join(root, 'dist', 'src', 'cli', 'main.js'))}).main(${JSON.stringify(args)}).then((c) => { process.exitCode = c; })`;
    const viaModules = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    expect(viaBundle.status).toBe(0);
    expect(viaModules.status).toBe(0);
    const strip = (text: string) => JSON.stringify(JSON.parse(text), (k, v) => (k === 'stats' || k === 'seconds' ? undefined : v));
    expect(strip(viaBundle.stdout)).toEqual(strip(viaModules.stdout));
    expect(JSON.parse(viaBundle.stdout).components.length).toBeGreaterThan(0);
  });

  it('carries the packages every command loads, and loading it neither requires them nor child_process', () => {
    // commander and big.js inside the bundle (its code cache covers them); commander's
    // child_process only on first use (polycrit has no executable subcommands).
    const text = fs.readFileSync(bundle, 'utf8');
    expect(text).not.toMatch(/require\("(commander|big\.js)"\)/);
    const script = `
      const has = (m) => process.moduleLoadList.includes('NativeModule ' + m);
      const loaded = [];
      const Module = require('module');
      const load = Module._load;
      Module._load = function (id, ...rest) { loaded.push(id); return load.call(this, id, ...rest); };
      const { loadBundle } = require(${JSON.stringify(path.join(root, 'dist', 'src', 'cli', 'code-cache.js'))});
      const { exports } = loadBundle(${JSON.stringify(bundle)});
      const silent = { stdout: () => undefined, stderr: () => undefined, readStdin: () => '', isTTY: false };
      exports.main(['solve', 'katsura:2', '--threads', '1'], silent).then((code) => {
        console.log(JSON.stringify({ code, packages: loaded.filter((id) => /^(commander|big\.js)$/.test(id)), childProcess: has('child_process') }));
      });`;
    const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ code: 0, packages: [], childProcess: false });
  });

  it("keeps each module's own directory, so that helper threads find their scripts", () => {
    // Every `__dirname` of a bundled module became __polycritDirname("<its folder>"); the worker
    // scripts it locates (image threads, basis threads, the bench pool) must exist there.
    const text = fs.readFileSync(bundle, 'utf8');
    const uses = [
      ...[...text.matchAll(/path\.join\(__polycritDirname\("([^"]*)"\), "([^"]+\.js)"\)/g)].map((m) => path.join(root, 'dist', 'src', m[1], m[2])),
      // Helper threads: helperScript(folder, name) loads name.bundle.js, else name.js; both are built.
      ...[...text.matchAll(/helperScript\)?\(__polycritDirname\("([^"]*)"\), "([\w-]+)"\)/g)].flatMap((m) => [`${m[2]}.js`, `${m[2]}.bundle.js`].map((f) => path.join(root, 'dist', 'src', m[1], f))),
    ];
    expect(uses.map((f) => path.basename(f)).sort()).toEqual(expect.arrayContaining(['basis-thread-main.bundle.js', 'basis-thread-main.js', 'image-thread-main.bundle.js', 'image-thread-main.js', 'worker.js']));
    for (const file of uses) expect(fs.existsSync(file)).toBe(true);
    expect(text).not.toMatch(/path\.join\(__dirname, "[\w-]+\.js"\)/);
    expect(text).not.toMatch(/helperScript\)?\(__dirname/);
  });
});
