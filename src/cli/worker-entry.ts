/**
 * The script the supervisor starts the command thread with. When the build bundled the command
 * thread (`scripts/bundle-cli.js`) and the bundle is current, it runs from the bundle with V8's
 * code cache (`code-cache.ts`), and a missing or stale cache is written once the command is done;
 * otherwise it runs from the separate modules (`command-worker.ts`). Either way the command is
 * the same code: the bundle is those modules concatenated by esbuild.
 */
import { applyV8Flags } from './v8-flags';
applyV8Flags();
// Everything else loads after the flags are set (TypeScript keeps the statements in this order).
import { receiveMessageOnPort, workerData } from 'worker_threads';
import { type BundleFiles, loadCommandBundle } from './code-cache';
import type { CommandWorkerData } from './protocol';

// The bundle and its cache as the main thread read them while this thread booted, if they came.
const handed = receiveMessageOnPort((workerData as CommandWorkerData).bundleFiles)?.message as BundleFiles | undefined;
const bundle = loadCommandBundle(handed);
if (bundle === undefined) require('./command-worker');
else if (bundle.cache !== 'used') (bundle.exports.beforeExit as (hook: () => void) => void)(() => void bundle.writeCache());
