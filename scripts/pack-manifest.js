#!/usr/bin/env node
'use strict';
/**
 * The package.json that goes into npm pack's tarball has no `scripts`. npm 11 warns on every
 * install of a tarball (or any non-registry source) whose package.json has a `prepare` script
 * ("install scripts not yet covered by allowScripts"), and none of the scripts can run from the
 * tarball anyway (no sources, no tsconfig). The repository keeps them: `prepare` is what makes
 * `npm ci` on a fresh clone build dist/.
 *
 *   node scripts/pack-manifest.js strip     (prepack: after the build) writes package.json
 *                                           without `scripts`, keeping the original beside it
 *   node scripts/pack-manifest.js restore   (postpack) puts the original back
 *
 * npm reads the tarball's package.json from disk between the two, and since the stripped file
 * has no `prepare`, npm does not run it again while packing. A pack that fails between the two
 * leaves the original in .package.json.prepack; the next strip or restore puts it back first.
 */
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const manifest = path.join(root, 'package.json');
const backup = path.join(root, '.package.json.prepack');

function restore() {
  if (fs.existsSync(backup)) fs.renameSync(backup, manifest);
}

const command = process.argv[2];
if (command === 'strip') {
  restore();
  const text = fs.readFileSync(manifest, 'utf8');
  const { scripts: _scripts, ...packed } = JSON.parse(text);
  fs.writeFileSync(backup, text);
  fs.writeFileSync(manifest, `${JSON.stringify(packed, null, 2)}\n`);
} else if (command === 'restore') {
  restore();
} else {
  console.error('usage: node scripts/pack-manifest.js strip|restore');
  process.exit(2);
}
