// The CLI in-process: main(argv, io) with captured stdout and stderr, for tests.
import { main } from '../../src/cli/main';
import { CliIO } from '../../src/cli/context';

/** Runs `polycrit argv…` with `stdin` as standard input; the exit code and what it printed. */
export async function runCli(argv: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = { stdout: (t) => void (out += t), stderr: (t) => void (err += t), readStdin: () => stdin, isTTY: false };
  const code = await main(argv, io);
  return { code, out, err };
}
