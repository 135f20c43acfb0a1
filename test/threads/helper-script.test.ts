// Which compiled script a helper thread runs: the bundle unless its module was compiled later.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { helperScript } from '../../src/threads/synchronous-helper';

describe('helperScript', () => {
  const touch = (file: string, seconds: number) => {
    fs.writeFileSync(file, '');
    fs.utimesSync(file, seconds, seconds);
  };

  test('prefers the bundle, unless the module is newer (a TypeScript build without bundling); undefined when neither exists', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'polycrit-helper-'));
    expect(helperScript(dir, 'h')).toBeUndefined();
    touch(path.join(dir, 'h.js'), 1000);
    expect(helperScript(dir, 'h')).toBe(path.join(dir, 'h.js'));
    touch(path.join(dir, 'h.bundle.js'), 2000);
    expect(helperScript(dir, 'h')).toBe(path.join(dir, 'h.bundle.js'));
    touch(path.join(dir, 'h.js'), 3000);
    expect(helperScript(dir, 'h')).toBe(path.join(dir, 'h.js'));
    fs.rmSync(path.join(dir, 'h.js'));
    expect(helperScript(dir, 'h')).toBe(path.join(dir, 'h.bundle.js'));
    fs.rmSync(dir, { recursive: true });
  });
});
