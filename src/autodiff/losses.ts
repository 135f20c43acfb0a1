/**
 * Loss functions, each a composition of ops.ts (so their gradients and Hessians come for free).
 * Conventions: predictions and targets have the same shape (targets are constants); every loss
 * is a mean over all elements (over rows for cross-entropy), returning a scalar Var.
 * Reference: Goodfellow, Bengio & Courville, "Deep Learning" (2016), §6.2.
 */
import { InputError } from '../errors';
import { add, log, logSoftmax, mean, mul, neg, softplus, sub, sum, take, reshape } from './ops';
import { Tensor } from './tensor';
import { Var, constant } from './tape';

function sameShapes(what: string, a: Var, b: Var): void {
  if (a.shape.length !== b.shape.length || a.shape.some((d, i) => d !== b.shape[i])) {
    throw new InputError(`${what}: prediction shape [${a.shape.join(', ')}] differs from target shape [${b.shape.join(', ')}]`);
  }
}

/** Mean squared error mean((p − y)²). */
export function mse(pred: Var, target: Var): Var {
  sameShapes('mse', pred, target);
  const d = sub(pred, target);
  return mean(mul(d, d));
}

/** Mean binary cross-entropy −mean(y log p + (1 − y) log(1 − p)) of probabilities p. */
export function binaryCrossEntropy(prob: Var, target: Var): Var {
  sameShapes('binaryCrossEntropy', prob, target);
  return neg(mean(add(mul(target, log(prob)), mul(sub(1, target), log(sub(1, prob))))));
}

/** Binary cross-entropy of logits z (p = σ(z)), stable: mean(softplus(z) − y z). */
export function binaryCrossEntropyWithLogits(logits: Var, target: Var): Var {
  sameShapes('binaryCrossEntropyWithLogits', logits, target);
  return mean(sub(softplus(logits), mul(target, logits)));
}

/**
 * Softmax cross-entropy of logits [rows, classes] against integer class labels, averaged over
 * the rows whose weight is non-zero (weights default to 1; use 0 to mask padding).
 */
export function softmaxCrossEntropy(logits: Var, labels: readonly number[], weights?: readonly number[]): Var {
  if (logits.shape.length !== 2 || logits.shape[0] !== labels.length) {
    throw new InputError(`softmaxCrossEntropy needs logits [${labels.length}, classes], got [${logits.shape.join(', ')}]`);
  }
  const [rows, classes] = logits.shape;
  const lp = reshape(logSoftmax(logits, 1), [rows * classes, 1]);
  const picked = reshape(take(lp, labels.map((c, r) => {
    if (!Number.isInteger(c) || c < 0 || c >= classes) throw new InputError(`label ${c} out of range 0..${classes - 1}`);
    return r * classes + c;
  })), [rows]);
  const w = weights ?? labels.map(() => 1);
  const total = w.reduce((s, x) => s + x, 0);
  if (total <= 0) throw new InputError('softmaxCrossEntropy: all row weights are zero');
  const weighted = sum(mul(picked, constant(new Tensor(Float64Array.from(w), [rows]))));
  return neg(mul(weighted, 1 / total));
}
