// Issue 19 item 4: a network whose loss cannot be built is refused up front with its estimated
// size (exit 1, how to raise the limit), instead of dying out of memory past --timeout. The
// estimate is checked as an upper bound in loss.prop.test.ts; here the refusals and the limits.
import { ResourceLimitError } from '../../src/errors';
import { networkLoss } from '../../src/networks/loss';
import { estimateLossTerms } from '../../src/networks/loss-size';
import { preset } from '../../src/networks/presets';
import { NetworkSpec } from '../../src/networks/spec';
import { runCli } from '../cli/run-cli';

const wide: NetworkSpec = { inputs: 64, layers: [{ width: 64 }, { width: 64 }, { width: 1 }], data: [Array.from({ length: 65 }, (_, i) => i % 5)] };
const deepSquare: NetworkSpec = { inputs: 1, layers: [1, 2, 3].map(() => ({ width: 3, bias: true, activation: 'z^2' })).concat([{ width: 1, bias: false, activation: 'z' }]), data: [[1, 1], [2, 3], [3, 1]] };
const highDegree: NetworkSpec = { inputs: 2, layers: [{ width: 2, activation: 'z^1000' }, { width: 1 }], data: [[1, 2, 3], [2, 3, 1]] };

describe('the loss size is checked before the loss is built', () => {
  test('the issue’s networks: 64-64-64-1 linear, 1-3-3-3-1 z² with biases, z^1000', () => {
    expect(estimateLossTerms(wide)).toBe(34360139841);
    for (const spec of [wide, deepSquare, highDegree]) {
      expect(() => networkLoss(spec)).toThrow(ResourceLimitError);
      expect(() => networkLoss(spec)).toThrow(/^the loss of this network may have up to [\d,]+ terms \(an upper bound from its widths and activations, before building it\), past the limit of 1,000,000: .*raise the limit with --max-terms/);
    }
  });

  test('the memory of the terms counts too: 1-32-32-1 (half a million terms of 1,088 weights)', () => {
    const spec: NetworkSpec = { inputs: 1, layers: [{ width: 32 }, { width: 32 }, { width: 1 }], data: [[1, 2]] };
    expect(() => networkLoss(spec)).toThrow(/^the loss of this network may take about [\d.]+ GB \(up to 526,913 terms of 1,088 weights each\), more than half the heap .*--max-memory/);
  });

  test('maxTerms: a lower limit refuses xor-blog, the default builds it', () => {
    expect(() => networkLoss(preset('xor-blog'), undefined, { maxTerms: 10 })).toThrow(/past the limit of 10:/);
    expect(networkLoss(preset('xor-blog')).loss.length).toBeGreaterThan(10);
  });

  test('through the CLI: exit 1 with the estimate, before any building; --max-terms sets the limit', async () => {
    const refused = await runCli(['critical', '--preset', 'xor-blog', '--max-terms', '10', '--timeout', '5']);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/^polycrit: the loss of this network may have up to 55 terms .*past the limit of 10: .*--max-terms/);
    const bad = await runCli(['critical', '--preset', 'xor-blog', '--max-terms', '0']);
    expect(bad.code).toBe(2);
  });
});
