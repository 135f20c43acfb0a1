/**
 * A regularized deep linear network 1 → 2 → 1 with a distinct L2 weight per parameter: its
 * critical set is finite, and every critical point is listed exactly with its loss value and
 * its type (minimum, saddle, …) from the exact inertia of the Hessian.
 *
 * Run: npm run build && node dist/examples/deep-linear.js
 */
import { criticalPoints } from '../src/networks/critical';
import { networkLoss } from '../src/networks/loss';
import { preset } from '../src/networks/presets';
import { formatCritical } from '../src/cli/commands/critical';

const spec = preset('deep-linear:1,2,1');
const analysis = criticalPoints(networkLoss(spec), { digits: 12 });
console.log(formatCritical(spec.name ?? 'deep-linear', analysis));
for (const [k, c] of analysis.components.entries()) {
  const points = (c.points ?? []) as { real: boolean; approx: Record<string, string> }[];
  for (const p of points.filter((q) => q.real)) console.log(`  component ${k + 1}: ${Object.entries(p.approx).map(([v, x]) => `${v} = ${x}`).join(', ')}`);
}
