/**
 * Random polynomial equations of degree ≤ 2 for seed 001, with their character tokens.
 * Coefficients lie in [−5, 5] and are written as whole numbers ("3"), one-place decimals
 * ("2.5") or fractions ("3/4"); terms are joined as in "3*x*x-2.5*x+1/4".
 * Vocabulary (19 tokens, as in the seed): <pad> <bos> <eos>, the digits, + - * / . x.
 * Token types: sign (+ −), digit, structure (* / . x <eos>) — the seed's finding is that
 * positions and signs are learned but digit values are not.
 */
import { Rng } from '../random';

/** The 19 tokens. */
export const VOCAB = ['<pad>', '<bos>', '<eos>', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '+', '-', '*', '/', '.', 'x'] as const;
export const PAD = 0;
export const BOS = 1;
export const EOS = 2;

/** Kind of token, for the accuracy report. */
export type TokenType = 'sign' | 'digit' | 'structure';

/** Type of a token id. */
export function tokenType(id: number): TokenType {
  const t = VOCAB[id];
  if (t === '+' || t === '-') return 'sign';
  if (t >= '0' && t <= '9' && t.length === 1) return 'digit';
  return 'structure';
}

/** A random quadratic and its tokens. */
export interface Equation {
  text: string;
  /** Coefficients [a, b, c] of a x² + b x + c. */
  coefficients: [number, number, number];
  /** Token ids, ending with <eos>. */
  tokens: number[];
}

function coefficient(rng: Rng): { value: number; text: string } {
  const kind = rng.int(0, 2);
  for (;;) {
    if (kind === 0) {
      const v = rng.int(1, 5);
      return { value: v, text: String(v) };
    }
    if (kind === 1) {
      const tenths = rng.int(1, 49);
      if (tenths % 10 === 0) continue;
      return { value: tenths / 10, text: (tenths / 10).toFixed(1) };
    }
    const q = rng.int(2, 9);
    const p = rng.int(1, 5 * q);
    if (p % q === 0) continue;
    return { value: p / q, text: `${p}/${q}` };
  }
}

/** A random polynomial of degree ≤ 2: the x² term always, the others each with probability 0.8. */
export function randomEquation(rng: Rng): Equation {
  const coefficients: [number, number, number] = [0, 0, 0];
  const parts: string[] = [];
  (['*x*x', '*x', ''] as const).forEach((suffix, i) => {
    if (i > 0 && rng.next() < 0.2) return;
    const c = coefficient(rng);
    const negative = rng.next() < 0.5;
    coefficients[i] = negative ? -c.value : c.value;
    parts.push(`${negative ? '-' : parts.length > 0 ? '+' : ''}${c.text}${suffix}`);
  });
  const text = parts.join('');
  return { text, coefficients, tokens: [...text].map((ch) => VOCAB.indexOf(ch as (typeof VOCAB)[number])).concat(EOS) };
}

/** Evaluates a x² + b x + c. */
export function evaluateEquation(e: Equation, x: number): number {
  const [a, b, c] = e.coefficients;
  return a * x * x + b * x + c;
}

/** Token ids back to text (stops at <eos>). */
export function detokenize(ids: readonly number[]): string {
  const out: string[] = [];
  for (const id of ids) {
    if (id === EOS) break;
    out.push(id === PAD || id === BOS ? '?' : VOCAB[id]);
  }
  return out.join('');
}
