/**
 * The messages between the playground's page (main.ts) and its Web Worker (worker.ts). The worker
 * owns polycrit and every computation; the page only draws what it is sent, so the page stays
 * responsive and Cancel is `worker.terminate()` — a computation that never yields still stops.
 */
import type { NetworkSpec } from '../../src/networks/spec';
import type { BenchRow } from '../../src/orderings/jobs';
import type { BenchSummary } from '../../src/orderings/orders';

/** A request from the page. */
export type Request =
  /** Sent first when the page is cross-origin isolated: Cancel sets flag[0] to 1 (see worker.ts). */
  | { kind: 'init'; flag: Int32Array }
  | { kind: 'solve'; text: string }
  | { kind: 'critical'; name: string; spec: NetworkSpec }
  /** The loss on the plane through the real critical point `point` of the last analysis. */
  | { kind: 'slice'; point: number }
  /** The orderings bench: a task timed once per variable order (all orders, or `orders` of them). */
  | { kind: 'orderings'; task: 'groebner' | 'solve'; text: string; orders: number }
  | { kind: 'orderings'; task: 'critical'; name: string; spec: NetworkSpec; orders: number };

/** A grid of values over [x0, x1] × [y0, y1]: values[j][i] at (x0 + i·dx, y0 + j·dy). */
export interface Grid {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  values: number[][];
}

/** A real critical point offered for a slice. */
export interface SlicePoint {
  component: number;
  label: string;
}

export interface ComponentRow {
  index: number;
  dimension: number;
  degree: number;
  loss: string;
  type: string;
  inertia: string;
  orbit: string;
  equations: string;
}

/** An answer from the worker. */
export type Reply =
  | { kind: 'ready'; presets: Record<string, NetworkSpec> }
  | { kind: 'progress'; message: string; seconds: number }
  | { kind: 'error'; message: string }
  | {
      kind: 'solved';
      seconds: number;
      text: string;
      vars: string[];
      /** For two variables: each equation on a grid, and the real points. */
      plot?: { curves: Grid[]; points: { x: number; y: number }[]; equations: string[] };
    }
  | {
      kind: 'analysed';
      seconds: number;
      text: string;
      summary: string[];
      rows: ComponentRow[];
      globalMinimum?: string;
      points: SlicePoint[];
    }
  | { kind: 'sliced'; seconds: number; point: number; label: string; grid: Grid; axes: [string, string]; marks: { x: number; y: number; label: string }[] }
  /** One row per order (in the order run), their summary, the verdict lines and the CLI's text. */
  | { kind: 'benched'; seconds: number; title: string; rows: BenchRow[]; summary: BenchSummary; lines: string[]; text: string };
