#!/usr/bin/env node
'use strict';
// The installed command: run the compiled CLI (built by `npm ci` through the prepare script).
// A closed pipe (polycrit ... | head) is not an error.
process.stdout.on('error', (e) => { if (e.code === 'EPIPE') process.exit(0); throw e; });
// V8 settings first (see src/cli/v8-flags.ts), then the CLI, which runs the command where
// --timeout and Ctrl-C can stop it in any phase: on this thread under V8's watchdog when the
// command allows it, else on a worker thread (see src/cli/launch.ts).
require('../dist/src/cli/v8-flags.js').applyV8Flags();
const { runCommand } = require('../dist/src/cli/launch.js');
runCommand(process.argv.slice(2)).then((code) => {
  // Once the output is written, exit without waiting for the command's threads to be torn down:
  // a stopped bench's pool threads took a second to go.
  process.exitCode = code;
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
});
