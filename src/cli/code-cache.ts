/**
 * Start-up of the installed command from one bundled file and V8's code cache.
 *
 * Loading the CLI as ~200 CommonJS modules costs the command thread 130–145 ms before any work
 * (module resolution, file reads, compiling each wrapper), and the first run of every function
 * compiles its bytecode again. The build (`scripts/bundle-cli.js`) writes the command thread's
 * modules as one file, `command-worker.bundle.js`, and the code V8 compiled while running a few
 * representative commands as `command-worker.bundle.cache` beside it. Here the bundle is compiled
 * with that cache (`vm.Script`'s `cachedData`), so those functions start from V8's serialized
 * bytecode instead of source.
 *
 * Invariants: the cache is only ever an accelerator. It starts with the SHA-256 of the source it
 * was made from (V8's own check compares only the source's length, so an edited bundle of the
 * same length would otherwise run the old bytecode); V8 checks its version and flag set, and
 * rejects the cache otherwise (`cachedDataRejected`). A rejected cache costs nothing but the
 * time it would have saved: the bundle compiles from source, and a fresh cache is written at the
 * end of the run when the directory is writable (a new file renamed over the old one, so
 * concurrent runs never read half a file). The bundle itself is used only when it is at least as new as the last TypeScript build
 * (`dist/.tsbuildinfo`, absent in the published package): a `tsc` run without the bundling step
 * falls back to the separate modules instead of running stale code. The V8 flags must be set
 * before anything is compiled (`v8-flags.ts`), here and in the build, or every cache is rejected.
 */
import { isAscii } from 'buffer';
import * as fs from 'fs';
import Module from 'module';
import * as path from 'path';
import * as vm from 'vm';

/** A bundle loaded by `loadBundle`: its exports, and how to refresh its cache when useful. */
export interface LoadedBundle {
  exports: Record<string, unknown>;
  /** 'used' (the cache was accepted), 'rejected' (stale: compiled from source) or 'none'. */
  cache: 'used' | 'rejected' | 'none';
  /** Writes the code compiled so far as the bundle's cache; false when it could not. */
  writeCache: () => boolean;
}

/** The bundled command thread, written by the build next to this file (`scripts/bundle-cli.js`). */
export const COMMAND_BUNDLE = path.join(__dirname, 'command-worker.bundle.js');

/**
 * The command's bundle, loaded with its cache (`files` as read before, else read here) when it is
 * current (`bundleIsCurrent` against the last TypeScript build); undefined otherwise, and the
 * caller requires the separate modules (`command-worker.ts`). The worker thread
 * (`worker-entry.ts`) and the main thread (`main-thread.ts`) start the command this way.
 */
export function loadCommandBundle(files?: BundleFiles): LoadedBundle | undefined {
  return bundleIsCurrent(COMMAND_BUNDLE, path.join(__dirname, '..', '..', '.tsbuildinfo')) ? loadBundle(COMMAND_BUNDLE, files) : undefined;
}

/** The cache file of a bundle. */
export function cacheFileOf(bundle: string): string {
  return bundle.replace(/\.js$/, '.cache');
}

/** True when `bundle` exists and no TypeScript build (`dist/.tsbuildinfo`) is newer than it. */
export function bundleIsCurrent(bundle: string, buildInfo: string): boolean {
  let bundleTime: number;
  try {
    bundleTime = fs.statSync(bundle).mtimeMs;
  } catch {
    return false;
  }
  try {
    return fs.statSync(buildInfo).mtimeMs <= bundleTime;
  } catch {
    return true; // no build info: a published package, built once
  }
}

/** A bundle's source, its SHA-256 and its cache file's bytes (undefined when there is none). */
export interface BundleFiles {
  source: string;
  /** The SHA-256 of `source` (the cache is used only when it starts with it). */
  digest: Uint8Array;
  stored?: Uint8Array;
}

/**
 * Reads a bundle and its cache (`loadBundle`'s first step). The supervisor does it while the
 * command's thread boots and hands the result over (`supervisor.ts`): about 25 ms of reading and
 * hashing off the thread's start-up.
 */
export function readBundleFiles(bundle: string): BundleFiles {
  // Required here: loading crypto takes ~6 ms, which the command's thread saves when handed the files.
  const { createHash } = require('crypto') as typeof import('crypto');
  const bytes = fs.readFileSync(bundle);
  // The build writes the bundle in ASCII: decoded as Latin-1 it becomes a one-byte string in about
  // 0.1 ms, where the UTF-8 decoder takes 12-15 ms over its 1.2 MB (and a two-byte string, when
  // a character is not ASCII, doubles the hashing and compiling after it).
  const source = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
  const digest = createHash('sha256').update(bytes).digest();
  try {
    return { source, digest, stored: fs.readFileSync(cacheFileOf(bundle)) };
  } catch {
    return { source, digest };
  }
}

/**
 * Compiles and runs the CommonJS file `bundle` as a module (with its cache when there is one),
 * and returns its exports. Its `require` resolves from the bundle's directory, like Node's own.
 * `files`: the bundle and its cache as `readBundleFiles` read them (read here when not given).
 */
export function loadBundle(bundle: string, files: BundleFiles = readBundleFiles(bundle)): LoadedBundle {
  const cacheFile = cacheFileOf(bundle);
  const source = files.source;
  const digest = Buffer.from(files.digest);
  const stored = files.stored && Buffer.from(files.stored.buffer, files.stored.byteOffset, files.stored.byteLength);
  const ours = stored !== undefined && stored.length > digest.length && stored.subarray(0, digest.length).equals(digest);
  const cachedData = ours ? stored!.subarray(digest.length) : undefined;
  const script = new vm.Script(Module.wrap(source), { filename: bundle, cachedData });
  const cache = stored === undefined ? 'none' : !ours || script.cachedDataRejected ? 'rejected' : 'used';
  const mod = new Module(bundle, module);
  mod.filename = bundle;
  mod.paths = (Module as unknown as { _nodeModulePaths: (dir: string) => string[] })._nodeModulePaths(path.dirname(bundle));
  const requireFromBundle = Object.assign((id: string) => mod.require(id), {
    resolve: (id: string) => require.resolve(id, { paths: [path.dirname(bundle)] }),
  });
  const wrapper = script.runInThisContext() as (e: object, r: unknown, m: Module, f: string, d: string) => void;
  wrapper.call(mod.exports, mod.exports, requireFromBundle, mod, bundle, path.dirname(bundle));
  mod.loaded = true;
  const writeCache = () => {
    try {
      fs.accessSync(path.dirname(cacheFile), fs.constants.W_OK);
    } catch {
      return false; // a read-only installation: compile from source each time
    }
    const temporary = `${cacheFile}.${process.pid}.${Date.now()}`;
    try {
      fs.writeFileSync(temporary, Buffer.concat([digest, script.createCachedData()]));
      fs.renameSync(temporary, cacheFile);
      return true;
    } catch {
      try {
        fs.unlinkSync(temporary);
      } catch {
        // nothing was written
      }
      return false;
    }
  };
  return { exports: mod.exports as Record<string, unknown>, cache, writeCache };
}
