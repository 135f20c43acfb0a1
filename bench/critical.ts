/**
 * Bench of the main job on the network ladder: `polycrit critical` end to end (a fresh Node
 * process per run, start-up included, as a user runs it) on the XOR presets and the next
 * networks up (biases on every node, a wider linear network, a cubic activation), against
 * Singular's `minAssGTZ` (primdec.lib) on the same gradient system — the decomposition alone,
 * timed inside Singular, which is what Singular offers. Runs are interleaved network by network
 * (polycrit, the optional baseline, Singular), so both sides see the same machine load; the
 * table gives the minimum and the median of the runs. Each side's components are listed as
 * dimension/degree, so the answers can be compared too.
 *
 * Positive-dimensional input files in any format polycrit reads (`--files`, e.g. msolve's
 * `input_files/groebner-g2.ms`: 19 variables, dimension 16) get a second table: `polycrit solve
 * FILE --json --timeout T` as a whole process (what it reports by then: the dimension, whether it
 * finished) against Singular's `dim(std(I))` on the file's Singular export, timed inside Singular.
 *
 * Run: npm run bench:critical [-- --runs 3 --timeout 120 --networks xor-blog,bias-2221
 *      --baseline /path/to/other/bin/polycrit.js --files groebner-g2.ms --file-timeout 5]
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { readSystemText } from '../src/io/formats';
import { singularDeclarations } from '../src/io/formats/singular';
import { lossGradient, networkLoss } from '../src/networks/loss';
import { preset } from '../src/networks/presets';
import { NetworkSpec } from '../src/networks/spec';
import { runProcess, which, machineFacts, polycritRevision, versionOf } from './peers/process';
import { markdownTable, option, writeText } from './peers/report';

const XOR: NetworkSpec['data'] = [
  [0, 0, 0],
  [0, 1, 1],
  [1, 0, 1],
  [1, 1, 0],
];

/** The ladder: name, what it is, spec. */
const LADDER: { name: string; description: string; spec: NetworkSpec }[] = [
  { name: 'xor-blog', description: 'xor-blog (2-2-2-1 linear)', spec: preset('xor-blog') },
  { name: 'xor-bias', description: 'xor-bias (2-2-1, biases)', spec: preset('xor-bias') },
  { name: 'bias-2221', description: '2-2-2-1, biases on every node', spec: { inputs: ['x', 'y'], layers: [{ width: 2, bias: true }, { width: 2, bias: true }, { width: 1, bias: true }], data: XOR, loss: 'sum' } },
  { name: 'linear-2331', description: '2-3-3-1 linear', spec: { inputs: ['x', 'y'], layers: [{ width: 3 }, { width: 3 }, { width: 1 }], data: XOR, loss: 'sum' } },
  { name: 'cubic-221', description: '2-2-1, activation z + z³/3', spec: { inputs: ['x', 'y'], layers: [{ width: 2, activation: 'z + z^3/3' }, { width: 1 }], data: XOR, loss: 'sum' } },
  { name: 'square-bias-221', description: '2-2-1, biases, activation z², loss mean', spec: { inputs: ['x', 'y'], layers: [{ width: 2, bias: true, activation: 'z^2' }, { width: 1, bias: true }], data: XOR, loss: 'mean' } },
  { name: 'square-bias-231', description: '2-3-1, biases, activation z², loss mean', spec: { inputs: ['x', 'y'], layers: [{ width: 3, bias: true, activation: 'z^2' }, { width: 1, bias: true }], data: XOR, loss: 'mean' } },
  { name: 'linear-bias-reg-231', description: '2-3-1 linear, biases, one λ = 1/100', spec: { inputs: ['x', 'y'], layers: [{ width: 3, bias: true }, { width: 1, bias: true }], data: XOR, loss: 'sum', regularization: '1/100' } },
  { name: 'bias-reg-2221', description: '2-2-2-1, biases on every node, one λ = 1/100', spec: { inputs: ['x', 'y'], layers: [{ width: 2, bias: true }, { width: 2, bias: true }, { width: 1, bias: true }], data: XOR, loss: 'sum', regularization: '1/100' } },
  { name: 'square-reg-221', description: '2-2-1, activation z², one λ = 1/100 (finite, not radical)', spec: { inputs: ['x', 'y'], layers: [{ width: 2, activation: 'z^2' }, { width: 1 }], data: XOR, loss: 'sum', regularization: '1/100' } },
  { name: 'square-reg-2211', description: '2-2-1-1, activation z², loss mean, one λ = 1/100 (finite: 2,053 points in 295 sign orbits)', spec: { inputs: ['x', 'y'], layers: [{ width: 2, activation: 'z^2' }, { width: 1, bias: true }, { width: 1 }], data: XOR, loss: 'mean', regularization: '1/100' } },
  { name: 'linear-bias-reg-2321', description: '2-3-2-1 linear, biases, one λ = 1/100', spec: { inputs: ['x', 'y'], layers: [{ width: 3, bias: true }, { width: 2, bias: true }, { width: 1, bias: true }], data: XOR, loss: 'sum', regularization: '1/100' } },
];

/** One side's runs on one network. */
interface Side {
  seconds: number[];
  /** CPU seconds of the same runs (polycrit: user + system of the whole process). */
  cpu: number[];
  /** "> T" or an error, when a run did not finish (no further runs then). */
  failed?: string;
  /** Components as dimension/degree, from the last run. */
  components?: string;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** "min / median" of the runs (CPU seconds in brackets when known), or the failure. */
function cell(side: Side | undefined): string {
  if (!side) return '–';
  if (side.seconds.length === 0) return side.failed ?? '–';
  const cpu = side.cpu.length > 0 ? ` (${Math.min(...side.cpu).toFixed(2)} / ${median(side.cpu).toFixed(2)})` : '';
  const text = `${Math.min(...side.seconds).toFixed(2)} / ${median(side.seconds).toFixed(2)}${cpu}`;
  return side.failed ? `${text}, then ${side.failed}` : text;
}

/** A preload that prints the process's CPU seconds on stderr when it exits. */
const CPU_AT_EXIT = "process.on('exit', () => { const u = process.cpuUsage(); process.stderr.write(`\\nCPU ${(u.user + u.system) / 1e6}\\n`); });\n";

/** Components of a `critical --json` answer as "dim/degree, …", larger first. */
function ourComponents(stdout: string): string {
  const r = JSON.parse(stdout) as { components: { dimension: number; degree: number }[] };
  return r.components.map((c) => `${c.dimension}/${c.degree}`).join(', ');
}

async function runPolycrit(bin: string, specFile: string, preload: string, timeout: number, side: Side, root: string): Promise<void> {
  if (side.failed) return;
  const res = await runProcess(process.execPath, ['--require', preload, bin, 'critical', specFile, '--json', '--digits', '10'], '', timeout, root);
  if (res.timedOut || res.code !== 0) {
    side.failed = res.timedOut ? `> ${timeout}` : `error (exit ${res.code})`;
    return;
  }
  side.seconds.push(res.wallSeconds);
  const cpu = /\nCPU ([\d.]+)/.exec(res.stderr);
  if (cpu) side.cpu.push(Number(cpu[1]));
  side.components = ourComponents(res.stdout);
}

/** Singular: minAssGTZ on the gradient (denominators are fine over Q), timed by its own clock. */
function singularScript(spec: NetworkSpec): string {
  const net = networkLoss(spec);
  return [
    singularDeclarations(net.ring.vars, 0, 'degrevlex', lossGradient(net).map(String)),
    'LIB "primdec.lib";',
    'system("--ticks-per-sec", 1000);',
    'int t1 = rtimer;',
    'list L = minAssGTZ(I);',
    'int t2 = rtimer;',
    'int i; ideal P; string s = "";',
    'for (i = 1; i <= size(L); i++) { P = std(L[i]); s = s + string(dim(P)) + "/" + string(mult(P)) + " "; }',
    'print(s);',
    'print(t2 - t1);',
    'quit;',
  ].join('\n');
}

async function runSingular(singular: string, script: string, timeout: number, side: Side): Promise<void> {
  if (side.failed) return;
  const res = await runProcess(singular, ['-q'], script, timeout);
  const lines = res.stdout.trim().split('\n').filter((l) => !l.startsWith('//'));
  if (res.timedOut || lines.length < 2) {
    side.failed = res.timedOut ? `> ${timeout}` : 'error';
    return;
  }
  side.seconds.push(Number(lines[lines.length - 1]) / 1000);
  const comps = lines[lines.length - 2].trim().split(/\s+/);
  comps.sort((a, b) => Number(b.split('/')[0]) - Number(a.split('/')[0]) || Number(a.split('/')[1]) - Number(b.split('/')[1]));
  side.components = comps.join(', ');
}

/** A solved input file: polycrit's wall seconds and what it reported, Singular's std seconds and dimension. */
interface FileRow {
  file: string;
  vars: number;
  ours: Side & { dimension?: string };
  singular?: Side & { dimension?: string };
}

async function runFile(bin: string, row: FileRow, timeout: number, singular: string | undefined, root: string): Promise<void> {
  const res = await runProcess(process.execPath, [bin, 'solve', row.file, '--json', '--timeout', String(timeout)], '', timeout + 10, root);
  row.ours.seconds.push(res.wallSeconds);
  try {
    const j = JSON.parse(res.stdout) as { dimension?: number; dimensionModulo?: number; complete?: boolean };
    const how = j.dimensionModulo !== undefined ? ` (mod ${j.dimensionModulo})` : '';
    row.ours.dimension = `${j.dimension === undefined ? 'dimension unknown' : `dimension ${j.dimension}`}${how}${j.complete ? '' : ', stopped'}`;
  } catch {
    row.ours.dimension = `error (exit ${res.code})`;
  }
  if (!singular || !row.singular) return;
  const sys = readSystemText(readFileSync(row.file, 'utf8'), { fileName: row.file });
  const script = [singularDeclarations(sys.ring.vars, sys.ring.field.characteristic, 'degrevlex', sys.polynomials.map(String)), 'system("--ticks-per-sec", 1000);', 'int t1 = rtimer;', 'ideal G = std(I);', 'int t2 = rtimer;', 'print(dim(G));', 'print(t2 - t1);', 'quit;'].join('\n');
  const out = await runProcess(singular, ['-q'], script, timeout * 10);
  const lines = out.stdout.trim().split('\n');
  if (out.timedOut || lines.length < 2) row.singular.failed = out.timedOut ? `> ${timeout * 10}` : 'error';
  else {
    row.singular.seconds.push(Number(lines[lines.length - 1]) / 1000);
    row.singular.dimension = lines[lines.length - 2].trim();
  }
}

/** The table of the input files (empty without `--files`). */
async function fileTable(bin: string, runs: number, singular: string | undefined, root: string): Promise<string[]> {
  const files = option('files', '').split(',').filter((f) => f !== '');
  if (files.length === 0) return [];
  const timeout = Number(option('file-timeout', '5'));
  const rows: FileRow[] = files.map((file) => ({ file: path.resolve(file), vars: readSystemText(readFileSync(file, 'utf8'), { fileName: file }).ring.nvars, ours: { seconds: [], cpu: [] }, singular: singular ? { seconds: [], cpu: [] } : undefined }));
  for (let r = 0; r < runs; r++) for (const row of rows) await runFile(bin, row, timeout, singular, root);
  const table = markdownTable(
    ['file', 'variables', `polycrit solve --timeout ${timeout}: wall s, min / median`, 'polycrit reported', 'Singular std s', 'Singular dim'],
    rows.map((r) => [path.basename(r.file), String(r.vars), cell(r.ours), r.ours.dimension ?? '–', r.singular ? cell(r.singular) : 'not installed', r.singular?.dimension ?? '–']),
  );
  return ['', `Input files: \`polycrit solve FILE --json --timeout ${timeout}\` as a whole process (the dimension it reported; "mod p": read modulo one prime, probable), against Singular \`std\` (degrevlex, timed inside Singular) and \`dim\`.`, '', table, ''];
}

async function main(): Promise<void> {
  const runs = Number(option('runs', '3'));
  const timeout = Number(option('timeout', '120'));
  const wanted = option('networks', LADDER.map((n) => n.name).join(',')).split(',');
  const baseline = option('baseline', '');
  const root = path.resolve(__dirname, '..', '..');
  const bin = path.join(root, 'bin', 'polycrit.js');
  const singular = which('Singular');
  const dir = mkdtempSync(path.join(tmpdir(), 'polycrit-critical-'));
  const preload = path.join(dir, 'cpu-at-exit.js');
  writeFileSync(preload, CPU_AT_EXIT);
  const ladder = LADDER.filter((n) => wanted.includes(n.name));
  const results = ladder.map((n) => {
    const file = path.join(dir, `${n.name}.json`);
    writeFileSync(file, JSON.stringify(n.spec));
    return { ...n, file, weights: networkLoss(n.spec).ring.nvars, ours: { seconds: [], cpu: [] } as Side, base: baseline ? ({ seconds: [], cpu: [] } as Side) : undefined, singular: singular ? ({ seconds: [], cpu: [] } as Side) : undefined };
  });
  for (let r = 0; r < runs; r++) {
    for (const row of results) {
      await runPolycrit(bin, row.file, preload, timeout, row.ours, root);
      if (row.base) await runPolycrit(path.resolve(baseline), row.file, preload, timeout, row.base, root);
      if (row.singular && singular) await runSingular(singular, singularScript(row.spec), timeout, row.singular);
      console.error(`run ${r + 1}/${runs} ${row.name}: polycrit ${cell(row.ours)}${row.base ? `, baseline ${cell(row.base)}` : ''}${row.singular ? `, Singular ${cell(row.singular)}` : ''}`);
    }
  }
  const facts = machineFacts();
  const head = ['network', 'weights', 'polycrit components (dim/degree)', 'polycrit s: wall (CPU), min / median', ...(baseline ? ['baseline s: wall (CPU)'] : []), 'Singular minAssGTZ s', 'Singular components'];
  const table = markdownTable(
    head,
    results.map((r) => [
      r.description,
      String(r.weights),
      r.ours.components ?? '–',
      cell(r.ours),
      ...(baseline ? [cell(r.base)] : []),
      singular ? cell(r.singular) : 'not installed',
      r.singular?.components ?? '–',
    ]),
  );
  const text = [
    '# polycrit critical on the network ladder, end to end',
    '',
    `${facts.date}; nproc ${facts.nproc}; load ${facts.load}; node ${process.version}; polycrit ${polycritRevision()}; Singular ${singular ? versionOf(singular, ["-v"], /version\s+([\d.-]+)/i) ?? '?' : 'not installed'}; ${runs} runs, interleaved, ${timeout} s limit.`,
    'polycrit: a fresh `node bin/polycrit.js critical SPEC --json` per run (start-up, loss, decomposition, values, classification): wall seconds, and in brackets the CPU seconds of the process (user + system), the fairer figure on a loaded machine.',
    ...(baseline ? [`baseline: the same command with ${baseline}.`] : []),
    'Singular: minAssGTZ on the same gradient ideal, timed inside Singular (the decomposition only).',
    '',
    table,
    '',
    ...(await fileTable(bin, runs, singular, root)),
  ].join('\n');
  console.log(text);
  writeText(path.resolve(root, option('out', path.join('bench', 'results'))), 'critical.md', text);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
