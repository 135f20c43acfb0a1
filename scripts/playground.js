#!/usr/bin/env node
'use strict';
/**
 * `npm run playground`: serves the built playground (dist/web) on http://127.0.0.1:PORT (PORT from
 * the environment or `--port N`, default 8080; 0 picks a free one). Static files only, no
 * framework; the browser test starts it through `serve()`.
 */
const http = require('http');
const fs = require('fs');
const path = require('path');

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.txt': 'text/plain; charset=utf-8', '.svg': 'image/svg+xml' };

/** Starts the server on 127.0.0.1:port; resolves to it once listening. */
function serve(dir, port) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url || '/', 'http://localhost');
    const name = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname.slice(1));
    const file = path.join(dir, name);
    if (!file.startsWith(dir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    // Cross-origin isolation gives the page SharedArrayBuffer, which Cancel uses to stop the worker's
    // computation at once (web/src/worker.ts).
    res.writeHead(200, {
      'content-type': TYPES[path.extname(file)] || 'application/octet-stream',
      'cache-control': 'no-store',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-embedder-policy': 'require-corp',
    });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

module.exports = { serve };

if (require.main === module) {
  const dir = path.join(__dirname, '..', 'dist', 'web');
  if (!fs.existsSync(path.join(dir, 'index.html'))) {
    console.error('playground: dist/web is not built; run `npm run build:web` first');
    process.exit(2);
  }
  const flag = process.argv.indexOf('--port');
  const port = Number(flag >= 0 ? process.argv[flag + 1] : process.env.PORT ?? 8080);
  serve(dir, port).then((server) => console.error(`polycrit playground: http://127.0.0.1:${server.address().port}/ (Ctrl-C stops it)`));
}
