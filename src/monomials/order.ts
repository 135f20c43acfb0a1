/**
 * Monomial orders: `lex`, `deglex`, `degrevlex`, weighted degree orders and block (product)
 * orders, as a discriminated union turned into comparators.
 *
 * Conventions (Cox–Little–O'Shea, Ideals, Varieties, and Algorithms, §2.2): variables are ordered
 * x1 > x2 > … > xn by their position; a comparator returns a positive number when a > b.
 * Every order here is a total order compatible with multiplication with 1 the least, so it is a
 * monomial order (weights must be positive). A block order compares the first block's variables
 * by the first order, then the next block, …: with two blocks it eliminates the first block.
 */
import { Monomial } from './monomial';
import { InputError } from '../errors';

/** The three named orders, spelled the same everywhere. */
export type OrderName = 'lex' | 'deglex' | 'degrevlex';

export type MonomialOrder =
  | { readonly kind: 'lex' }
  | { readonly kind: 'deglex' }
  | { readonly kind: 'degrevlex' }
  /** Weighted degree Σ wᵢeᵢ first, ties broken by `tiebreak` (default degrevlex). */
  | { readonly kind: 'weighted'; readonly weights: readonly number[]; readonly tiebreak?: MonomialOrder }
  /** Product order: the variables are split into consecutive blocks of the given sizes. */
  | { readonly kind: 'block'; readonly blocks: readonly { readonly size: number; readonly order: MonomialOrder }[] };

export const lex: MonomialOrder = { kind: 'lex' };
export const deglex: MonomialOrder = { kind: 'deglex' };
export const degrevlex: MonomialOrder = { kind: 'degrevlex' };

export const ORDER_NAMES: readonly OrderName[] = ['lex', 'deglex', 'degrevlex'];

/** The order named by text; throws an InputError listing the valid names otherwise. */
export function orderByName(name: string): MonomialOrder {
  switch (name) {
    case 'lex':
      return lex;
    case 'deglex':
      return deglex;
    case 'degrevlex':
      return degrevlex;
    default:
      throw new InputError(`unknown monomial order '${name}' (expected one of: ${ORDER_NAMES.join(', ')})`);
  }
}

/**
 * The order `order` stands for: a MonomialOrder as it is, or one of the names `lex`, `deglex`,
 * `degrevlex` (the spelling used everywhere: `groebner(ps, { order: 'lex' })` is
 * `groebner(ps, { order: lex })`). Anything else, a weighted or block order with bad fields
 * included, is an InputError naming `where`.
 */
export function toMonomialOrder(order: unknown, where: string): MonomialOrder {
  if (typeof order === 'string') {
    try {
      return orderByName(order);
    } catch (e) {
      throw new InputError(`${where}: ${(e as Error).message}, or an order object such as lex, weighted([1, 2]) or block([2, lex], [1, degrevlex])`);
    }
  }
  const problem = orderProblem(order);
  if (problem) throw new InputError(`${where}: ${problem} (give lex, deglex, degrevlex — objects or names — weighted(…) or block(…))`);
  return order as MonomialOrder;
}

/** What is wrong with a value meant as a MonomialOrder object, or undefined when nothing is. */
function orderProblem(order: unknown): string | undefined {
  if (typeof order !== 'object' || order === null) return `the monomial order must be an order object or name, got ${order === null ? 'null' : typeof order}`;
  const o = order as { kind?: unknown; weights?: unknown; tiebreak?: unknown; blocks?: unknown };
  switch (o.kind) {
    case 'lex':
    case 'deglex':
    case 'degrevlex':
      return undefined;
    case 'weighted':
      if (!Array.isArray(o.weights) || o.weights.length === 0 || !o.weights.every((w) => Number.isInteger(w) && w > 0)) return 'a weighted order needs a non-empty list of positive integer weights';
      return o.tiebreak === undefined ? undefined : orderProblem(o.tiebreak);
    case 'block':
      if (!Array.isArray(o.blocks) || o.blocks.length === 0) return 'a block order needs a non-empty list of blocks';
      for (const b of o.blocks as { size?: unknown; order?: unknown }[]) {
        if (typeof b !== 'object' || b === null || !Number.isInteger(b.size) || (b.size as number) < 1) return 'every block of a block order needs a positive integer size';
        const inner = orderProblem(b.order);
        if (inner) return inner;
      }
      return undefined;
    default:
      return `unknown monomial order kind ${JSON.stringify(o.kind) ?? 'undefined'}`;
  }
}

/** Weighted order with positive integer weights, ties broken by `tiebreak`. */
export function weighted(weights: readonly number[], tiebreak: MonomialOrder = degrevlex): MonomialOrder {
  for (const w of weights) if (!(w > 0) || !Number.isInteger(w)) throw new InputError(`weights must be positive integers, got ${w}`);
  return { kind: 'weighted', weights: [...weights], tiebreak };
}

/** Block order: `block([2, degrevlex], [3, degrevlex])` eliminates the first two variables. */
export function block(...blocks: [number, MonomialOrder][]): MonomialOrder {
  return { kind: 'block', blocks: blocks.map(([size, order]) => ({ size, order })) };
}

/** The elimination order for the first k of n variables (degrevlex in each block). */
export function eliminationOrder(k: number, n: number): MonomialOrder {
  return block([k, degrevlex], [n - k, degrevlex]);
}

/** A short description: `degrevlex`, `weighted(1,2,1)`, `block(2:degrevlex,3:degrevlex)`. */
export function orderToString(order: MonomialOrder): string {
  switch (order.kind) {
    case 'lex':
    case 'deglex':
    case 'degrevlex':
      return order.kind;
    case 'weighted':
      return `weighted(${order.weights.join(',')}${order.tiebreak && order.tiebreak.kind !== 'degrevlex' ? ';' + orderToString(order.tiebreak) : ''})`;
    case 'block':
      return `block(${order.blocks.map((b) => `${b.size}:${orderToString(b.order)}`).join(',')})`;
  }
}

/**
 * Are the two orders the same order? The same object, or equal descriptions: rings built apart
 * (a ring over Z/p for each prime, a ring rebuilt with the same variables) carry equal orders that
 * are distinct objects, and treating them as different re-sorted every polynomial moved between
 * them.
 */
export function sameOrder(a: MonomialOrder, b: MonomialOrder): boolean {
  return a === b || orderToString(a) === orderToString(b);
}

/** Does the order compare total degree first (so `lm` has the largest total degree)? */
export function isDegreeCompatible(order: MonomialOrder): boolean {
  return order.kind === 'deglex' || order.kind === 'degrevlex';
}

export type Comparator = (a: Monomial, b: Monomial) => number;

/**
 * A comparator on monomials of `nvars` variables for the order, restricted to the exponent slots
 * [from, from + count) (used by block orders; the defaults cover all variables).
 */
export function comparator(order: MonomialOrder, nvars: number): Comparator {
  return sliceComparator(order, 1, nvars, true);
}

function sliceComparator(order: MonomialOrder, from: number, count: number, whole: boolean): Comparator {
  const to = from + count; // exclusive
  switch (order.kind) {
    case 'lex':
      return (a, b) => {
        for (let i = from; i < to; i++) if (a[i] !== b[i]) return a[i] - b[i];
        return 0;
      };
    case 'deglex':
      return (a, b) => {
        const da = whole ? a[0] : sumSlice(a, from, to);
        const db = whole ? b[0] : sumSlice(b, from, to);
        if (da !== db) return da - db;
        for (let i = from; i < to; i++) if (a[i] !== b[i]) return a[i] - b[i];
        return 0;
      };
    case 'degrevlex':
      return (a, b) => {
        const da = whole ? a[0] : sumSlice(a, from, to);
        const db = whole ? b[0] : sumSlice(b, from, to);
        if (da !== db) return da - db;
        for (let i = to - 1; i >= from; i--) if (a[i] !== b[i]) return b[i] - a[i];
        return 0;
      };
    case 'weighted': {
      const w = order.weights;
      if (w.length !== count) throw new InputError(`weighted order has ${w.length} weights for ${count} variables`);
      const tie = sliceComparator(order.tiebreak ?? { kind: 'degrevlex' }, from, count, whole);
      return (a, b) => {
        let wa = 0;
        let wb = 0;
        for (let i = 0; i < count; i++) {
          wa += w[i] * a[from + i];
          wb += w[i] * b[from + i];
        }
        return wa !== wb ? wa - wb : tie(a, b);
      };
    }
    case 'block': {
      const total = order.blocks.reduce((s, b) => s + b.size, 0);
      if (total !== count) throw new InputError(`block order covers ${total} variables, the ring has ${count}`);
      const parts: Comparator[] = [];
      let start = from;
      for (const b of order.blocks) {
        parts.push(sliceComparator(b.order, start, b.size, false));
        start += b.size;
      }
      return (a, b) => {
        for (const c of parts) {
          const r = c(a, b);
          if (r !== 0) return r;
        }
        return 0;
      };
    }
  }
}

function sumSlice(m: Monomial, from: number, to: number): number {
  let s = 0;
  for (let i = from; i < to; i++) s += m[i];
  return s;
}

/** The number of variables an order is built for, or undefined when it works for any number. */
export function orderArity(order: MonomialOrder): number | undefined {
  if (order.kind === 'weighted') return order.weights.length;
  if (order.kind === 'block') return order.blocks.reduce((s, b) => s + b.size, 0);
  return undefined;
}
