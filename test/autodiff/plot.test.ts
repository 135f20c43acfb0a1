// The SVG plotter: panel layout, non-finite points dropped, text escaped.
import { renderSvg, sampleCurve } from '../../src/autodiff/plot';

describe('renderSvg', () => {
  test('two panels side by side, one path per line series, markers for point series', () => {
    const svg = renderSvg([
      { title: 'a < b', series: [{ name: 'f', points: sampleCurve((x) => x * x, -1, 1, 10) }] },
      { title: 'pts', series: [{ name: 'p', points: [[0, 1], [1, NaN], [2, 3]], style: 'points' }] },
    ]);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="920" height="320"')).toBe(true);
    expect(svg.match(/<path /g)).toHaveLength(1);
    expect(svg.match(/<circle /g)).toHaveLength(2);
    expect(svg).toContain('a &lt; b');
    expect(svg).not.toMatch(/NaN|Infinity/);
  });
  test('sampleCurve samples n + 1 points including both ends', () => {
    const pts = sampleCurve(Math.sin, 0, Math.PI, 4);
    expect(pts).toHaveLength(5);
    expect(pts[0]).toEqual([0, 0]);
    expect(pts[4][0]).toBeCloseTo(Math.PI, 15);
  });
});
