#!/usr/bin/env node
'use strict';
/**
 * `npm run build:web`: the playground as a static site in dist/web — web/index.html and
 * web/style.css copied, web/src/main.ts (the page) and web/src/worker.ts (polycrit in a Web
 * Worker) bundled and minified by esbuild for the browser. Prints each file's size, minified
 * and gzipped.
 */
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const root = path.join(__dirname, '..');
const out = path.join(root, 'dist', 'web');

async function main() {
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  await esbuild.build({
    entryPoints: { main: path.join(root, 'web/src/main.ts'), worker: path.join(root, 'web/src/worker.ts') },
    outdir: out,
    bundle: true,
    minify: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    legalComments: 'linked',
    logLevel: 'warning',
  });
  for (const file of ['index.html', 'style.css']) fs.copyFileSync(path.join(root, 'web', file), path.join(out, file));
  for (const file of fs.readdirSync(out).sort()) {
    const bytes = fs.readFileSync(path.join(out, file));
    console.error(`dist/web/${file.padEnd(24)} ${(bytes.length / 1024).toFixed(1).padStart(7)} kB, gzipped ${(zlib.gzipSync(bytes, { level: 9 }).length / 1024).toFixed(1).padStart(6)} kB`);
  }
}

main().catch((e) => {
  console.error(e.message);
  process.exit(1);
});
