/**
 * The playground's Web Worker: it parses, solves and analyses with polycrit, and posts plain data
 * back (protocol.ts). Everything exact happens here; for the pictures the polynomials are also
 * evaluated in doubles on grids (a two-variable system's equations, a loss on a 2-D slice), which
 * the page turns into curves and a heat map.
 */
import { readSystemText, namedSystem, parseSystemSpec, solve, networkLoss, criticalPoints, preset, PRESET_NAMES, Deadline, TimeoutError } from '../../src/index';
import type { Polynomial, CriticalAnalysis, Rational } from '../../src/index';
import { formatSolveResult } from '../../src/cli/text/solve';
import { equationsText, formatCritical, symmetryLines, valueText } from '../../src/cli/text/critical';
import { formatRows, verdict } from '../../src/cli/bench/orderings';
import { BenchEnvironment, BenchJob, BenchProblem, BenchRow, problemVars, runJob } from '../../src/orderings/jobs';
import { chooseOrders, factorial, summarize } from '../../src/orderings/orders';
import type { Grid, Reply, Request, SlicePoint } from './protocol';

const scope = self as unknown as { postMessage(message: Reply): void; onmessage: ((e: MessageEvent<Request>) => void) | null };
const post = (message: Reply): void => scope.postMessage(message);

/** A polynomial over Q as a function of doubles in its ring's variables. */
function numeric(p: Polynomial): (x: readonly number[]) => number {
  const terms = p.monomials.map((m, k) => ({ c: Number(p.coefficients[k].num) / Number(p.coefficients[k].den), e: Array.from(m).slice(1) }));
  return (x) => {
    let sum = 0;
    for (const { c, e } of terms) {
      let t = c;
      for (let i = 0; i < e.length; i++) if (e[i] !== 0) t *= x[i] ** e[i];
      sum += t;
    }
    return sum;
  };
}

function grid(f: (s: number, t: number) => number, x0: number, x1: number, y0: number, y1: number, n: number): Grid {
  const values = Array.from({ length: n }, (_, j) => Array.from({ length: n }, (_, i) => f(x0 + ((x1 - x0) * i) / (n - 1), y0 + ((y1 - y0) * j) / (n - 1))));
  return { x0, x1, y0, y1, values };
}

/**
 * Cancel, cooperatively: the page sets flag[0] (shared memory) and the solver's next deadline check
 * throws. Chromium's Worker.terminate() alone waits up to 2 s before it interrupts a busy worker;
 * this stops it at the solver's next check, usually within milliseconds. Without cross-origin
 * isolation (a host that does not send COOP/COEP) there is no shared memory, and terminate() is all.
 */
let cancelFlag: Int32Array | undefined;

class CancellableDeadline extends Deadline {
  override check(): void {
    if (this.expired) throw new TimeoutError('cancelled');
  }
  override get expired(): boolean {
    return cancelFlag !== undefined && Atomics.load(cancelFlag, 0) !== 0;
  }
}

let started = 0;
const progress = (message: string): void => post({ kind: 'progress', message, seconds: (performance.now() - started) / 1000 });

/** The polynomials of the system box: a named system (katsura:5) or polynomials in any of the file formats. */
function readSystem(text: string): Polynomial<Rational>[] {
  return parseSystemSpec(text.trim()) ? namedSystem(text.trim()).polynomials : readSystemText<Rational>(text).polynomials;
}

function runSolve(text: string): void {
  const polynomials = readSystem(text);
  progress('solving');
  const result = solve(polynomials, { onProgress: (i) => progress(i.message), deadline: new CancellableDeadline() });
  const reply: Extract<Reply, { kind: 'solved' }> = { kind: 'solved', seconds: (performance.now() - started) / 1000, text: formatSolveResult(result), vars: result.vars };
  if (result.vars.length === 2 && polynomials.length > 0) {
    const real: { x: number; y: number }[] = [];
    for (const c of result.components) {
      const points = c.kind === 'variety' ? c.samplePoints : c.points;
      for (const p of points) if (p.real) real.push({ x: Number(p.approx[result.vars[0]]), y: Number(p.approx[result.vars[1]]) });
    }
    const finite = real.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
    const xs = finite.map((p) => p.x);
    const ys = finite.map((p) => p.y);
    const cx = finite.length ? (Math.min(...xs) + Math.max(...xs)) / 2 : 0;
    const cy = finite.length ? (Math.min(...ys) + Math.max(...ys)) / 2 : 0;
    const half = finite.length ? Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys), 1) * 0.75 + 0.5 : 3;
    // The ring's variables may be ordered differently from result.vars: evaluate by name.
    const curves = polynomials.map((p) => {
      const f = numeric(p);
      const ix = p.ring.vars.indexOf(result.vars[0]);
      const iy = p.ring.vars.indexOf(result.vars[1]);
      const x = new Array<number>(p.ring.vars.length).fill(0);
      return grid((s, t) => ((x[ix] = s), (x[iy] = t), f(x)), cx - half, cx + half, cy - half, cy + half, 161);
    });
    reply.plot = { curves, points: finite, equations: polynomials.map(String) };
  }
  post(reply);
}

/** The last analysis, kept for slices. */
let last: { loss: (x: readonly number[]) => number; vars: readonly string[]; points: { x: number[]; label: string }[] } | undefined;

function realPointsOf(analysis: CriticalAnalysis, vars: readonly string[]): { x: number[]; label: string; component: number }[] {
  const out: { x: number[]; label: string; component: number }[] = [];
  const minimum = new Set(analysis.globalMinimum?.components ?? []);
  analysis.components.forEach((c, k) => {
    const points = [...(c.points ?? []), ...(c.samplePoints ?? [])].filter((p) => p.real).slice(0, 4);
    points.forEach((p, j) => {
      const x = vars.map((v) => Number(p.approx[v]));
      if (!x.every(Number.isFinite)) return;
      const where = vars.length <= 4 ? vars.map((v, i) => `${v} = ${x[i].toPrecision(4)}`).join(', ') : `point ${j + 1}`;
      out.push({ x, component: k + 1, label: `component ${k + 1} (${c.type}, loss ${valueText(c.criticalValue)})${minimum.has(k + 1) ? ' — global minimum' : ''}: ${where}` });
    });
  });
  // The global minimum first: the page slices through it by default.
  return out.sort((a, b) => Number(minimum.has(b.component)) - Number(minimum.has(a.component)));
}

function runCritical(name: string, spec: Parameters<typeof networkLoss>[0]): void {
  progress('building the loss');
  const deadline = new CancellableDeadline();
  const net = networkLoss(spec, undefined, { deadline });
  const analysis = criticalPoints(net, { onProgress: (i) => progress(i.message), deadline });
  const vars = net.ring.vars;
  const points = realPointsOf(analysis, vars);
  last = { loss: numeric(net.loss), vars, points };
  const m = analysis.globalMinimum;
  post({
    kind: 'analysed',
    seconds: (performance.now() - started) / 1000,
    text: formatCritical(name, analysis),
    summary: [
      `weights (${analysis.weights.length}): ${analysis.weights.join(', ')}`,
      `critical set: ${analysis.components.length} irreducible component(s) over Q, of dimension up to ${analysis.dimension}${analysis.complete ? '' : ' — INCOMPLETE'}`,
      `critical values: ${analysis.criticalValues.map(valueText).join('; ')}`,
      ...(analysis.symmetries ? symmetryLines(analysis) : []),
    ],
    rows: analysis.components.map((c, i) => ({
      index: i + 1,
      dimension: c.dimension,
      degree: c.degree,
      loss: valueText(c.criticalValue),
      type: c.type,
      inertia: c.inertia && c.inertia.length > 0 ? `(${c.inertia[0].positive}, ${c.inertia[0].negative}, ${c.inertia[0].zero})` : '-',
      orbit: c.orbit ? String(c.orbit.orbit) : '-',
      equations: equationsText(c),
    })),
    globalMinimum: m ? `loss ${typeof m.value === 'string' ? `= ${m.value}` : `≈ ${m.approx}`} on component(s) ${m.components.join(', ')} (${m.note})` : undefined,
    points: points.map((p, i): SlicePoint => ({ component: i, label: p.label })),
  });
}

/** Seeded directions: two orthonormal vectors (Gram–Schmidt on a fixed pseudo-random pair). */
function directions(n: number): [number[], number[]] {
  let seed = 12345;
  const rand = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 2 - 1;
  const unit = (v: number[]) => v.map((x) => x / Math.hypot(...v));
  const d1 = unit(Array.from({ length: n }, rand));
  const r = Array.from({ length: n }, rand);
  const dot = r.reduce((s, x, i) => s + x * d1[i], 0);
  const d2 = n > 1 ? unit(r.map((x, i) => x - dot * d1[i])) : d1.map(() => 0);
  return [d1, d2];
}

function runSlice(index: number): void {
  if (!last || !last.points[index]) throw new Error('no analysis with that real critical point');
  const { loss, points } = last;
  const center = points[index].x;
  const [d1, d2] = directions(center.length);
  const R = 1.5;
  const x = center.slice();
  const g = grid(
    (s, t) => {
      for (let i = 0; i < x.length; i++) x[i] = center[i] + s * d1[i] + t * d2[i];
      return loss(x);
    },
    -R, R, -R, R, 81,
  );
  // Other critical points that lie on this plane (within rounding) are marked too.
  const marks = points.flatMap((p, k) => {
    const v = p.x.map((xi, i) => xi - center[i]);
    const s = v.reduce((a, vi, i) => a + vi * d1[i], 0);
    const t = v.reduce((a, vi, i) => a + vi * d2[i], 0);
    const off = Math.hypot(...v.map((vi, i) => vi - s * d1[i] - t * d2[i]));
    return off < 1e-6 && Math.abs(s) <= R && Math.abs(t) <= R ? [{ x: s, y: t, label: k === index ? 'this point' : `component ${p.label.split(' ')[1]}` }] : [];
  });
  post({ kind: 'sliced', seconds: (performance.now() - started) / 1000, point: index, label: points[index].label, grid: g, axes: ['s (random unit direction 1)', 't (random unit direction 2, orthogonal)'], marks });
}

/**
 * The orderings bench, as `polycrit bench orderings` runs it but in this one thread: an untimed
 * warm-up of the first order (the JIT would otherwise charge the first row), then each order in
 * turn, with a progress line per order. Cancel stops it at the solver's next deadline check.
 */
function runOrderings(request: Extract<Request, { kind: 'orderings' }>): void {
  const env: BenchEnvironment = { deadline: new CancellableDeadline() };
  let problem: BenchProblem;
  if (request.task === 'critical') problem = { kind: 'network', name: request.name, spec: request.spec };
  else {
    const polynomials = readSystem(request.text);
    if (polynomials.length === 0) throw new Error('the system has no polynomials');
    const name = parseSystemSpec(request.text.trim()) ? request.text.trim() : 'the system';
    problem = { kind: 'polynomials', name, vars: [...polynomials[0].ring.vars], polynomials: polynomials.map(String) };
  }
  progress('reading the problem');
  const vars = problemVars(problem, env);
  if (vars.length === 0) throw new Error('the system has no variables to order');
  const orders = chooseOrders(vars, Math.min(request.orders, factorial(vars.length)));
  const jobs: BenchJob[] = orders.map((v, index) => ({ index, problem, task: request.task, vars: v, route: 'degrevlex', timeout: Infinity, digits: 20 }));
  progress(`warming up: ${request.task} in the natural order, untimed`);
  runJob({ ...jobs[0], index: -1 }, env);
  const rows: BenchRow[] = [];
  for (const job of jobs) {
    progress(`order ${job.index + 1} of ${jobs.length} (${job.vars.join(',')})`);
    rows.push(runJob(job, env));
  }
  const summary = summarize(rows);
  const lines = verdict(summary);
  const label = (r: BenchRow) => r.vars.join(',');
  const text = `${problem.name}: ${request.task} for ${rows.length} variable order(s) (${vars.length} variables: ${vars.join(', ')})\n\n${formatRows(rows, label)}\n\n${lines.join('\n')}`;
  post({ kind: 'benched', seconds: (performance.now() - started) / 1000, title: `${problem.name}: ${request.task}, seconds per variable order`, rows, summary, lines, text });
}

scope.onmessage = (e) => {
  started = performance.now();
  try {
    const request = e.data;
    if (request.kind === 'init') cancelFlag = request.flag;
    else if (request.kind === 'solve') runSolve(request.text);
    else if (request.kind === 'critical') runCritical(request.name, request.spec);
    else if (request.kind === 'orderings') runOrderings(request);
    else runSlice(request.point);
  } catch (error) {
    post({ kind: 'error', message: (error as Error).message });
  }
};

const presets: Record<string, ReturnType<typeof preset>> = {};
for (const name of [...PRESET_NAMES.filter((n) => n !== 'deep-linear'), 'deep-linear:1,2,2,1', 'deep-linear:2,2,2']) presets[name] = preset(name);
post({ kind: 'ready', presets: JSON.parse(JSON.stringify(presets)) });
