#!/usr/bin/env node
'use strict';
// The installed command: run the compiled CLI (built by `npm ci` through the prepare script).
// A closed pipe (polycrit ... | head) is not an error.
process.stdout.on('error', (e) => { if (e.code === 'EPIPE') process.exit(0); throw e; });
const { main } = require('../dist/src/cli/main.js');
main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
