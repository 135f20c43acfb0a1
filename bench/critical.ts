/**
 * Bench of the main job: `polycrit critical --preset NAME` end to end (a fresh Node process
 * each run, start-up included, as a user runs it), for the XOR presets and a deep linear
 * network; side by side, Singular's `minAssGTZ` (primdec.lib) on the same gradient system when
 * Singular is installed — the decomposition alone, without loss values or classification, which
 * is what Singular offers. Prints a Markdown table and writes `bench/results/critical.md`.
 *
 * Run: npm run bench:critical [-- --runs 3 --presets xor-blog,xor-square]
 */
import * as path from 'path';
import { lossGradient, networkLoss } from '../src/networks/loss';
import { preset } from '../src/networks/presets';
import { runProcess, which, machineFacts, versionOf } from './peers/process';
import { markdownTable, option, writeText } from './peers/report';

interface Row {
  preset: string;
  weights: number;
  components: number | string;
  ours: number[];
  singular?: number;
  singularComponents?: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function main(): Promise<void> {
  const runs = Number(option('runs', '3'));
  const presets = option('presets', 'xor-blog,xor-bias,xor-square,deep-linear:1,2,1').split(/,(?=[a-z])/);
  const timeout = Number(option('timeout', '120'));
  const root = path.resolve(__dirname, '..', '..');
  const bin = path.join(root, 'bin', 'polycrit.js');
  const singular = which('Singular');
  const rows: Row[] = [];
  for (const name of presets) {
    const net = networkLoss(preset(name));
    const row: Row = { preset: name, weights: net.ring.nvars, components: '?', ours: [] };
    for (let r = 0; r < runs; r++) {
      const res = await runProcess(process.execPath, [bin, 'critical', '--preset', name, '--json', '--digits', '10'], '', timeout, root);
      if (res.timedOut || res.code !== 0) {
        row.components = res.timedOut ? `> ${timeout} s` : `error (exit ${res.code})`;
        break;
      }
      row.ours.push(res.wallSeconds);
      row.components = (JSON.parse(res.stdout) as { components: unknown[] }).components.length;
    }
    if (singular) {
      const grad = lossGradient(net);
      const script = [
        `ring r = 0, (${net.ring.vars.join(', ')}), dp;`,
        `ideal I = ${grad.map(String).join(',\n  ')};`,
        'LIB "primdec.lib";',
        'int t0 = rtimer;',
        'system("--ticks-per-sec", 1000);',
        'int t1 = rtimer;',
        'list L = minAssGTZ(I);',
        'int t2 = rtimer;',
        'print(size(L));',
        'print(t2 - t1);',
        'quit;',
      ].join('\n');
      const res = await runProcess(singular, ['-q'], script, timeout);
      const lines = res.stdout.trim().split(/\s+/);
      if (!res.timedOut && lines.length >= 2) {
        row.singularComponents = Number(lines[0]);
        row.singular = Number(lines[1]) / 1000;
      }
    }
    rows.push(row);
    console.error(`${name}: done`);
  }
  const facts = machineFacts();
  const head = ['network', 'weights', 'components', `polycrit end to end (median of ${runs}, s)`, 'Singular minAssGTZ (s, decomposition only)', 'Singular components'];
  const table = markdownTable(
    head,
    rows.map((r) => [
      r.preset,
      String(r.weights),
      String(r.components),
      r.ours.length ? median(r.ours).toFixed(2) : '-',
      r.singular !== undefined ? r.singular.toFixed(3) : singular ? 'failed' : 'not installed',
      r.singularComponents !== undefined ? String(r.singularComponents) : '-',
    ]),
  );
  const text = [
    '# polycrit critical, end to end',
    '',
    `${facts.date}; nproc ${facts.nproc}; load ${facts.load}; node ${process.version}; Singular ${singular ? versionOf(singular, ['-v'], /version\s+([\d-]+)/i) ?? '?' : 'not installed'}.`,
    'polycrit: a fresh `node bin/polycrit.js critical --preset NAME --json` per run (start-up, loss, decomposition, values, classification).',
    "Singular: minAssGTZ on the same gradient ideal, timed inside Singular (the decomposition only).",
    '',
    table,
    '',
  ].join('\n');
  console.log(text);
  writeText(path.join(root, 'bench', 'results'), 'critical.md', text);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
