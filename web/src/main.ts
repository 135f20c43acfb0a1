/**
 * The playground page: a polynomial system or a network spec goes to the Web Worker, which
 * answers with progress lines and then the results (protocol.ts); the page draws the table, the
 * text as the command line prints it, and a picture (plot.ts; the orderings bench's bar chart is
 * the CLI's own SVG, cli/bench/svg.ts). Cancel terminates the worker — the
 * only way to stop a synchronous computation — and starts a fresh one.
 */
import type { NetworkSpec } from '../../src/networks/spec';
import { timeChartSvg } from '../../src/cli/bench/svg';
import { curvesPlot, slicePlot } from './plot';
import type { Reply, Request } from './protocol';

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

const EXAMPLES: Record<string, string> = {
  'circle and hyperbola': 'x^2 + y^2 - 4\nx*y - 1',
  'two cubics': 'x^3 - 3*x*y^2 - y\ny^3 - x + 1/2',
  'circle and line': 'x^2 + y^2 - 1, x - y',
  'a line of solutions': 'x*y - x, x^2 - x',
  'katsura:5': 'katsura:5',
  'cyclic:6 (long: try Cancel)': 'cyclic:6',
};

/** The worker; after a Cancel, none until the next run (so a cancelled run leaves the CPU idle). */
let worker: Worker | undefined;
/** The run under way: when it started, the phase its worker last reported, the status timer. */
let running: { started: number; phase: string; timer: number } | undefined;
let presets: Record<string, NetworkSpec> = {};
/** The status line of the last finished analysis, kept while its slice is drawn. */
let analysedText = '';

function setStatus(text: string, state: 'idle' | 'running' | 'done' | 'error' | 'cancelled'): void {
  const status = $('status');
  status.textContent = text;
  status.dataset.state = state;
}

/** The current worker's cancel flag (shared memory, when the page is cross-origin isolated). */
let cancelFlag: Int32Array | undefined;

function startWorker(): Worker {
  const w = new Worker('worker.js');
  cancelFlag = self.crossOriginIsolated ? new Int32Array(new SharedArrayBuffer(4)) : undefined;
  if (cancelFlag) w.postMessage({ kind: 'init', flag: cancelFlag } satisfies Request);
  w.onmessage = (e: MessageEvent<Reply>) => onReply(e.data);
  w.onerror = (e) => finish(`error in the worker: ${e.message}`, 'error');
  return w;
}

function send(request: Request, what: string): void {
  if (running) cancel();
  const started = performance.now();
  const show = () => running && setStatus(`${running.phase}… ${((performance.now() - started) / 1000).toFixed(1)} s`, 'running');
  running = { started, phase: what, timer: window.setInterval(show, 200) };
  $<HTMLButtonElement>('cancel').disabled = false;
  setStatus(`${what}…`, 'running');
  (worker ??= startWorker()).postMessage(request);
}

function finish(text: string, state: 'done' | 'error' | 'cancelled'): void {
  if (running) window.clearInterval(running.timer);
  running = undefined;
  $<HTMLButtonElement>('cancel').disabled = true;
  setStatus(text, state);
}

/**
 * Cancel: the flag stops the solver at its next deadline check, and the worker answers 'cancelled';
 * then (or after a second without an answer, or at once without shared memory) terminate() ends the
 * thread. terminate() alone is slow on a busy worker: Chromium forces it only after 2 s. The page
 * is free at once; the status line then says when the computation stopped.
 */
function cancel(): void {
  if (!running || !worker) return;
  const clicked = performance.now();
  const seconds = (clicked - running.started) / 1000;
  const old = worker;
  const flag = cancelFlag;
  worker = undefined;
  finish(`cancelled after ${seconds.toFixed(1)} s`, 'cancelled');
  const status = $('status');
  const shown = status.textContent;
  const end = (how: string): void => {
    old.terminate();
    window.clearTimeout(timer);
    if (status.textContent === shown) status.textContent = `${shown}; ${how} ${Math.round(performance.now() - clicked)} ms after Cancel`;
  };
  if (!flag) return end('terminated');
  Atomics.store(flag, 0, 1);
  const timer = window.setTimeout(() => end('terminated (no answer)'), 1000);
  old.onmessage = (e: MessageEvent<Reply>) => {
    if (e.data.kind !== 'progress') end('stopped');
  };
}

function clear(): void {
  $('results').replaceChildren();
  $('plot').replaceChildren();
  $('cli').textContent = '';
  $('slice-choice').hidden = true;
}

function table(header: string[], rows: string[][], id: string): HTMLTableElement {
  const t = document.createElement('table');
  t.id = id;
  const head = t.createTHead().insertRow();
  for (const h of header) head.append(Object.assign(document.createElement('th'), { textContent: h }));
  const body = t.createTBody();
  for (const r of rows) {
    const tr = body.insertRow();
    for (const cell of r) tr.insertCell().textContent = cell;
  }
  return t;
}

function onReply(reply: Reply): void {
  switch (reply.kind) {
    case 'ready':
      // A worker started after a Cancel says so too: the presets are there, a run may be under way.
      if (Object.keys(presets).length > 0) return;
      presets = reply.presets;
      fillPresets();
      if (!running) setStatus('ready', 'idle');
      return;
    case 'progress':
      if (running) running.phase = reply.message;
      return;
    case 'error':
      finish(`error: ${reply.message}`, 'error');
      return;
    case 'solved': {
      finish(`solved in ${reply.seconds.toFixed(2)} s`, 'done');
      clear();
      $('results').append(Object.assign(document.createElement('pre'), { id: 'solution', textContent: reply.text }));
      if (reply.plot) $('plot').append(curvesPlot(reply.plot.curves, reply.plot.points, reply.plot.equations, [reply.vars[0], reply.vars[1]]));
      else $('plot').append(Object.assign(document.createElement('p'), { textContent: 'A picture is drawn for systems in two variables.' }));
      return;
    }
    case 'analysed': {
      analysedText = `analysed in ${reply.seconds.toFixed(2)} s`;
      finish(analysedText, 'done');
      clear();
      const results = $('results');
      for (const line of reply.summary) results.append(Object.assign(document.createElement('p'), { textContent: line, className: 'summary' }));
      results.append(
        table(
          ['#', 'dim', 'degree', 'loss', 'type', 'inertia (+,−,0)', 'orbit', 'equations or points'],
          reply.rows.map((r) => [String(r.index), String(r.dimension), String(r.degree), r.loss, r.type, r.inertia, r.orbit, r.equations]),
          'components',
        ),
      );
      if (reply.globalMinimum) results.append(Object.assign(document.createElement('p'), { id: 'global-minimum', textContent: `global minimum: ${reply.globalMinimum}` }));
      $('cli').textContent = reply.text;
      const choice = $<HTMLSelectElement>('slice-point');
      choice.replaceChildren(...reply.points.map((p, i) => new Option(p.label, String(i))));
      $('slice-choice').hidden = reply.points.length === 0;
      if (reply.points.length > 0) send({ kind: 'slice', point: 0 }, 'slicing the loss');
      else $('plot').append(Object.assign(document.createElement('p'), { textContent: 'No real critical point to slice through.' }));
      return;
    }
    case 'benched': {
      finish(`${reply.rows.length} variable order(s) timed in ${reply.seconds.toFixed(2)} s`, 'done');
      clear();
      const s = reply.summary;
      const verdict = Object.assign(document.createElement('p'), {
        id: 'orderings-verdict',
        textContent: s.agree
          ? `Every order gave the same answer${s.answers[0] ? ` (fingerprint ${s.answers[0].fingerprint})` : ' (none finished)'}${s.failed > 0 ? `; ${s.failed} order(s) failed` : ''}.`
          : `ANSWERS DIFFER between variable orders: ${s.answers.map((a) => `${a.fingerprint} ×${a.rows}`).join(', ')}. This is a bug in polycrit: please report it.`,
      });
      verdict.dataset.agree = String(s.agree);
      $('results').append(verdict, ...reply.lines.filter((l) => !/^(answers|!!!)/.test(l)).map((line) => Object.assign(document.createElement('p'), { textContent: line, className: 'summary' })));
      // The chart the CLI writes with --svg, drawn from the same rows.
      const svg = new DOMParser().parseFromString(timeChartSvg(reply.title, reply.rows, (r) => r.vars.join(','), s.answers[0]?.fingerprint, 'seconds per order (wall clock, one order after another in the Web Worker)'), 'image/svg+xml').documentElement;
      svg.setAttribute('class', 'plot');
      svg.setAttribute('data-plot', 'orderings');
      $('plot').append(document.importNode(svg, true));
      $('cli').textContent = reply.text;
      return;
    }
    case 'sliced':
      finish(`${analysedText}; slice drawn in ${reply.seconds.toFixed(2)} s`, 'done');
      $('plot').replaceChildren(
        Object.assign(document.createElement('p'), { textContent: `The loss on a plane through ${reply.label}.` }),
        slicePlot(reply.grid, reply.axes, reply.marks),
      );
      return;
  }
}

function fillPresets(): void {
  const select = $<HTMLSelectElement>('preset');
  select.replaceChildren(...Object.keys(presets).map((name) => new Option(name, name)));
  select.value = 'xor-blog';
  showPreset();
}

function showPreset(): void {
  const name = $<HTMLSelectElement>('preset').value;
  $<HTMLTextAreaElement>('spec').value = JSON.stringify(presets[name], null, 1).replace(/\[\n\s+([^[\]{}]*?)\n\s+\]/g, (_, inner: string) => `[${inner.replace(/\s*\n\s*/g, ' ')}]`);
}

/** The network spec box as an object, or undefined (with the parse error in the status line). */
function readSpec(): NetworkSpec | undefined {
  try {
    return JSON.parse($<HTMLTextAreaElement>('spec').value) as NetworkSpec;
  } catch (e) {
    setStatus(`the spec is not valid JSON: ${(e as Error).message}`, 'error');
    return undefined;
  }
}

function init(): void {
  const examples = $<HTMLSelectElement>('example');
  examples.replaceChildren(...Object.keys(EXAMPLES).map((name) => new Option(name, name)));
  examples.onchange = () => ($<HTMLTextAreaElement>('system').value = EXAMPLES[examples.value]);
  $<HTMLTextAreaElement>('system').value = EXAMPLES['circle and hyperbola'];
  $('preset').onchange = showPreset;
  $('solve').onclick = () => send({ kind: 'solve', text: $<HTMLTextAreaElement>('system').value }, 'solving');
  $('analyse').onclick = () => {
    const spec = readSpec();
    if (spec) send({ kind: 'critical', name: spec.name ?? $<HTMLSelectElement>('preset').value, spec }, 'analysing');
  };
  $('bench').onclick = () => {
    const task = $<HTMLSelectElement>('bench-task').value;
    const orders = Math.min(Math.max(Math.floor(Number($<HTMLInputElement>('bench-orders').value)) || 1, 1), 720);
    if (task === 'critical') {
      const spec = readSpec();
      if (spec) send({ kind: 'orderings', task, name: spec.name ?? $<HTMLSelectElement>('preset').value, spec, orders }, 'timing variable orders');
    } else send({ kind: 'orderings', task: task === 'solve' ? 'solve' : 'groebner', text: $<HTMLTextAreaElement>('system').value, orders }, 'timing variable orders');
  };
  $('slice-point').onchange = () => send({ kind: 'slice', point: Number($<HTMLSelectElement>('slice-point').value) }, 'slicing the loss');
  $('cancel').onclick = cancel;
  setStatus('loading polycrit…', 'running');
  worker = startWorker();
}

init();
