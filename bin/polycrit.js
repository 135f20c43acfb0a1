#!/usr/bin/env node
'use strict';
// The installed command: run the compiled CLI (built by `npm ci` through the prepare script).
const { main } = require('../dist/src/cli/main.js');
main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
