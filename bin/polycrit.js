#!/usr/bin/env node
'use strict';
// The installed command: run the compiled CLI (built by `npm ci` through the prepare script).
// A closed pipe (polycrit ... | head) is not an error.
process.stdout.on('error', (e) => { if (e.code === 'EPIPE') process.exit(0); throw e; });
// V8 settings first (see src/cli/v8-flags.ts), then the CLI.
require('../dist/src/cli/v8-flags.js').applyV8Flags();
const { main } = require('../dist/src/cli/main.js');
main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
