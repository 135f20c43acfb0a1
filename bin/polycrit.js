#!/usr/bin/env node
'use strict';
// The installed command: run the compiled CLI (built by `npm ci` through the prepare script).
// A closed pipe (polycrit ... | head) is not an error.
process.stdout.on('error', (e) => { if (e.code === 'EPIPE') process.exit(0); throw e; });
// V8 settings first (see src/cli/v8-flags.ts), then the CLI, which runs the command on a worker
// thread so that --timeout and Ctrl-C can stop it in any phase (see src/cli/supervisor.ts).
require('../dist/src/cli/v8-flags.js').applyV8Flags();
const { runInWorker } = require('../dist/src/cli/supervisor.js');
runInWorker(process.argv.slice(2)).then((code) => {
  // Once the output is written, exit without waiting for the command's threads to be torn down:
  // a stopped bench's pool threads took a second to go.
  process.exitCode = code;
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
});
