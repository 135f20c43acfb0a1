// Issue 16 item 3: the playground in a real browser. `npm run test:browser` builds dist/web, serves
// it on 127.0.0.1 and drives Debian's headless Chromium (CHROMIUM_PATH, default /usr/bin/chromium)
// with puppeteer-core: a system is solved and its curves drawn, the XOR network is analysed (the
// table, the global minimum, the slice picture), the variable orders of a system and of XOR are
// timed (the bar chart, one bar per order, and the verdict), and a long computation is cancelled — the worker
// is gone and a new run answers at once. Timeouts are generous (CI shares two cores); the times
// measured are printed. Run by node's test runner under tsx (puppeteer-core is ESM-only, which
// jest's CommonJS runtime cannot load).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import * as fs from 'fs';
import type { Server } from 'http';
import * as path from 'path';
import puppeteer, { Browser, Page } from 'puppeteer-core';

import { createRequire } from 'module';

const { serve } = createRequire(__filename)('../../scripts/playground.js') as { serve: (dir: string, port: number) => Promise<Server> };

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SITE = path.join(__dirname, '../../dist/web');
const LONG = 60_000;

let server: Server;
let browser: Browser;
let page: Page;
const problems: string[] = [];

/** The status line once it is no longer 'running' (or fails naming what it said last). */
async function settled(timeout = LONG): Promise<{ state: string; text: string }> {
  try {
    await page.waitForFunction(() => document.getElementById('status')?.dataset.state !== 'running', { timeout, polling: 50 });
  } catch {
    throw new Error(`still running after ${timeout / 1000} s; status: ${await page.$eval('#status', (e) => e.textContent)}; page errors: ${problems.join(' | ') || 'none'}`);
  }
  return page.$eval('#status', (e) => ({ state: (e as HTMLElement).dataset.state ?? '', text: e.textContent ?? '' }));
}

before(async () => {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: install it (apt-get install -y chromium) or set CHROMIUM_PATH`);
  if (!fs.existsSync(path.join(SITE, 'index.html'))) throw new Error('dist/web is not built: run `npm run build:web` (npm run test:browser does)');
  server = await serve(SITE, 0);
  browser = await puppeteer.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'], protocolTimeout: 120_000 });
  page = await browser.newPage();
  page.on('pageerror', (e) => problems.push(`pageerror: ${(e as Error).message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.setDefaultTimeout(LONG);
  const address = server.address() as { port: number };
  await page.goto(`http://127.0.0.1:${address.port}/`);
  assert.deepEqual(await settled(), { state: 'idle', text: 'ready' });
});

after(async () => {
  await browser?.close();
  server?.close();
});

test('solves a two-variable system: the CLI text, the curves and the four real points', async () => {
  await page.$eval('#system', (e) => ((e as HTMLTextAreaElement).value = 'x^2 + y^2 - 4\nx*y - 1'));
  await page.click('#solve');
  const solved = await settled();
  assert.equal(solved.state, 'done', solved.text);
  assert.match(solved.text, /^solved in/);
  assert.match((await page.$eval('#solution', (e) => e.textContent)) ?? '', /component 1: 4 point\(s\), T = y where T\^4 - 4\*T\^2 \+ 1 = 0/);
  const plot = await page.$$eval('svg[data-plot="curves"] path.curve', (paths) => paths.map((p) => (p.getAttribute('d') ?? '').length));
  assert.equal(plot.length, 2, 'two curves');
  assert.ok(Math.min(...plot) > 1000, `curve paths of ${plot} characters`);
  assert.equal(await page.$$eval('svg[data-plot="curves"] circle.solution', (c) => c.length), 4);
});

test('analyses the XOR network: the table, the global minimum and the slice through it', async () => {
  await page.select('#preset', 'xor-blog');
  const start = Date.now();
  await page.click('#analyse');
  await page.waitForFunction(() => /^analysed in/.test(document.getElementById('status')?.textContent ?? '') || document.getElementById('status')?.dataset.state === 'error', { timeout: LONG, polling: 20 });
  const wall = Date.now() - start;
  const status = await settled();
  assert.equal(status.state, 'done', status.text);
  const rows = await page.$$eval('#components tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].slice(0, 5).map((td) => td.textContent)));
  assert.deepEqual(rows, [
    ['1', '8', '9', '4/3', 'minimum'],
    ['2', '6', '1', '2', 'saddle'],
    ['3', '6', '3', '2', 'saddle'],
    ['4', '6', '3', '2', 'saddle'],
  ]);
  assert.match((await page.$eval('#global-minimum', (e) => e.textContent)) ?? '', /^global minimum: loss = 4\/3 on component\(s\) 1/);
  assert.match((await page.$eval('#cli', (e) => e.textContent)) ?? '', /^Critical points of the loss of xor-blog/);
  await page.waitForSelector('svg[data-plot="slice"] circle.critical-point', { timeout: LONG });
  assert.ok((await page.$$eval('svg[data-plot="slice"] rect', (r) => r.length)) > 81 * 81, 'the heat map has its cells');
  assert.ok((await page.$$eval('svg[data-plot="slice"] path.contour', (p) => p.filter((x) => (x.getAttribute('d') ?? '').length > 0).length)) > 3, 'contour lines drawn');
  const worker = Number(/analysed in ([\d.]+) s/.exec(status.text)?.[1]);
  console.log(`XOR in Chromium: ${worker.toFixed(2)} s in the worker, ${wall} ms from the click to the table (status: ${status.text})`);
  assert.ok(wall < 20_000, `XOR took ${wall} ms`); // the target is 1 s; this bound only catches a hang on a loaded machine
});

test('times every variable order: one bar per order, every order the same answer; the bench cancels like the rest', async () => {
  await page.$eval('#system', (e) => ((e as HTMLTextAreaElement).value = 'x^2 + y^2 + z^2 - 3\nx - y*z\ny + z - 2'));
  await page.select('#bench-task', 'groebner');
  await page.$eval('#bench-orders', (e) => ((e as HTMLInputElement).value = '24'));
  let start = Date.now();
  await page.click('#bench');
  const status = await settled();
  const wall = Date.now() - start;
  assert.equal(status.state, 'done', status.text);
  assert.match(status.text, /^6 variable order\(s\) timed in/);
  const bars = await page.$$eval('svg[data-plot="orderings"] rect.bar', (r) => r.map((x) => Number(x.getAttribute('width'))));
  assert.equal(bars.length, 6, 'one bar per order of x, y, z');
  assert.ok(bars.every((w) => w >= 1), `bar widths ${bars}`);
  assert.equal(await page.$eval('#orderings-verdict', (e) => (e as HTMLElement).dataset.agree), 'true');
  assert.match((await page.$eval('#orderings-verdict', (e) => e.textContent)) ?? '', /^Every order gave the same answer \(fingerprint [0-9a-f]{16}\)\.$/);
  assert.match((await page.$eval('#cli', (e) => e.textContent)) ?? '', /^the system: groebner for 6 variable order\(s\)[\s\S]*answers: every order gave the same answer/);
  console.log(`Orderings bench in Chromium: Gröbner basis of a 3-variable system in its 6 orders, ${status.text}, ${wall} ms from the click to the chart`);

  // The network: the critical points of XOR in 3 of its 24 orders (the natural one and 2 seeded).
  await page.select('#preset', 'xor-blog');
  await page.select('#bench-task', 'critical');
  await page.$eval('#bench-orders', (e) => ((e as HTMLInputElement).value = '3'));
  start = Date.now();
  await page.click('#bench');
  const xor = await settled();
  assert.equal(xor.state, 'done', xor.text);
  assert.equal(await page.$$eval('svg[data-plot="orderings"] rect.bar', (r) => r.length), 3);
  assert.equal(await page.$eval('#orderings-verdict', (e) => (e as HTMLElement).dataset.agree), 'true');
  console.log(`Orderings bench in Chromium: XOR's critical points in 3 orders, ${xor.text}, ${Date.now() - start} ms from the click to the chart`);

  // Cancel during the bench: katsura:5 solved in 24 orders runs for seconds.
  await page.$eval('#system', (e) => ((e as HTMLTextAreaElement).value = 'katsura:5'));
  await page.select('#bench-task', 'solve');
  await page.$eval('#bench-orders', (e) => ((e as HTMLInputElement).value = '24'));
  await page.click('#bench');
  // Any order from the second on (a fast machine can pass order 2 between two polls; CI once waited
  // for it until the bench had finished), but not the last, so that there is still work to cancel.
  await page.waitForFunction(() => /order (?:[2-9]|1\d|2[0-3]) of 24/.test(document.getElementById('status')?.textContent ?? ''), { timeout: LONG, polling: 20 });
  await page.click('#cancel');
  assert.equal((await settled(10_000)).state, 'cancelled');
  await page.waitForFunction(() => /ms after Cancel$/.test(document.getElementById('status')?.textContent ?? ''), { timeout: 10_000, polling: 20 });
  const said = (await page.$eval('#status', (e) => e.textContent)) ?? '';
  const stoppedAt = Number(/; stopped (\d+) ms after Cancel$/.exec(said)?.[1] ?? Infinity);
  console.log(`Orderings bench cancelled in Chromium: ${said}`);
  assert.ok(stoppedAt <= 1000, `the bench did not stop within a second of Cancel: ${said}`);
  assert.deepEqual(problems, []);
});

/** CPU seconds used so far by Chromium's renderer processes (the page and its worker). */
async function rendererCpu(): Promise<number> {
  const session = await browser.target().createCDPSession();
  const { processInfo } = (await session.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; cpuTime: number }[] };
  await session.detach();
  return processInfo.filter((p) => p.type === 'renderer').reduce((sum, p) => sum + p.cpuTime, 0);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('Cancel stops a long computation within a second: the worker answers the flag, its thread goes, a new run answers', async () => {
  // The renderers' rate while the page is idle (a drawn slice, no computation) …
  const i0 = await rendererCpu();
  await sleep(1000);
  const idle = (await rendererCpu()) - i0;
  await page.$eval('#system', (e) => ((e as HTMLTextAreaElement).value = 'cyclic:7'));
  await page.click('#solve');
  await sleep(1000);
  assert.equal(await page.$eval('#status', (e) => (e as HTMLElement).dataset.state), 'running', 'cyclic:7 is still running after 1 s');
  assert.equal(page.workers().length, 1);
  const old = page.workers()[0];
  // … and while the worker computes (less than one core on a loaded machine).
  const c0 = await rendererCpu();
  await sleep(1000);
  const busy = (await rendererCpu()) - c0;
  const start = Date.now();
  await page.click('#cancel');
  const status = await settled(10_000);
  assert.equal(status.state, 'cancelled', status.text);
  assert.match(status.text, /^cancelled after/);
  // The page says when the computation stopped: the worker's answer to the cancel flag.
  await page.waitForFunction(() => /ms after Cancel$/.test(document.getElementById('status')?.textContent ?? ''), { timeout: 10_000, polling: 20 });
  const said = (await page.$eval('#status', (e) => e.textContent)) ?? '';
  const stoppedAt = Number(/; stopped (\d+) ms after Cancel$/.exec(said)?.[1] ?? Infinity);
  // CPU samples until 3.5 s after the click: the renderers are idle from the first sample after
  // which their rate is below a third of the way from idle to busy (the worker is not restarted
  // until the next run, so nothing else computes).
  const samples: { t: number; cpu: number }[] = [];
  while (Date.now() - start < 3500) {
    samples.push({ t: Date.now() - start, cpu: await rendererCpu() });
    await sleep(100);
  }
  const end = samples[samples.length - 1];
  const idleFrom = samples.find((s) => (end.cpu - s.cpu) / ((end.t - s.t) / 1000 || 1) < idle + Math.max((busy - idle) / 3, 0.02));
  const idleAt = idleFrom && idleFrom !== end ? `${idleFrom.t} ms` : 'not within 3.5 s';
  while (page.workers().includes(old) && Date.now() - start < 10_000) await sleep(20);
  const gone = Date.now() - start;
  assert.ok(!page.workers().includes(old), 'the cancelled worker is still there after 10 s');
  await page.$eval('#system', (e) => ((e as HTMLTextAreaElement).value = 'x^2 - 2, y - x'));
  const again = Date.now();
  await page.click('#solve');
  assert.equal((await settled(30_000)).state, 'done');
  console.log(`Cancel in Chromium: CPU rate idle ${idle.toFixed(2)}, busy ${busy.toFixed(2)} CPU s/s; the computation stopped ${stoppedAt} ms after the click (${said}), the renderers' CPU idle: ${idleAt}, the worker's target closed after ${gone} ms; the next solve, with a new worker, answered in ${Date.now() - again} ms`);
  assert.ok(busy > idle + 0.1, `the long run used ${busy} CPU seconds in a second (idle: ${idle}): it was not computing`);
  assert.ok(stoppedAt <= 1000, `the computation did not stop within a second of Cancel: ${said}`);
  // The renderers' CPU falls back to idle only when Chromium has torn the old worker down (2.5 s
  // or more after Cancel here, its forced-termination delay, although the worker answered at once):
  // reported, not asserted — the worker's answer above is what says the computation stopped.
  assert.deepEqual(problems, []);
});
