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
import * as path from 'path';
import { bundleIsCurrent, loadBundle } from './code-cache';

/** The bundled command thread, written by the build next to this file. */
export const COMMAND_BUNDLE = path.join(__dirname, 'command-worker.bundle.js');

if (bundleIsCurrent(COMMAND_BUNDLE, path.join(__dirname, '..', '..', '.tsbuildinfo'))) {
  const bundle = loadBundle(COMMAND_BUNDLE);
  if (bundle.cache !== 'used') (bundle.exports.beforeExit as (hook: () => void) => void)(() => void bundle.writeCache());
} else {
  require('./command-worker');
}
