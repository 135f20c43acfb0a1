/**
 * Whole-process measurements of a program: wall seconds, CPU seconds (user + system, all threads)
 * and peak resident memory, from the kernel's resource usage of the child. Node cannot read a
 * child's rusage, so the program runs under a few lines of python3 that spawn it, reap it with
 * `os.wait4` and print `RUSAGE wall cpu maxrss_kB exit` on stderr: the wall clock runs from the
 * spawn to the reaping (python's own start-up excluded), and ru_maxrss is the kernel's exact peak
 * (better than polling VmHWM, which misses runs under 25 ms). The time limit and the kill are
 * `runProcess`'s (the whole process group goes). Without python3 the program runs directly and
 * only wall time and the polled peak are known.
 */
import { ProcessResult, runProcess, which } from './process';

/** A finished run with the program's own figures. */
export interface MeasuredRun extends ProcessResult {
  /** Wall seconds of the program (spawn to exit). */
  seconds: number;
  /** CPU seconds (user + system) of the program, when python3 could measure them. */
  cpu?: number;
}

const WRAPPER = [
  'import os, subprocess, sys, time',
  't0 = time.perf_counter()',
  'p = subprocess.Popen(sys.argv[1:])',
  '_, status, ru = os.wait4(p.pid, 0)',
  'p.returncode = 0',
  'wall = time.perf_counter() - t0',
  'code = os.waitstatus_to_exitcode(status)',
  'sys.stderr.write("\\nRUSAGE %.6f %.6f %d %d\\n" % (wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss, code))',
  'sys.exit(code if code >= 0 else 128 - code)',
].join('\n');

/** Runs `cmd args` (stdin `input`, killed after `timeoutSeconds`) and measures the whole process. */
export async function runMeasured(cmd: string, args: string[], input: string, timeoutSeconds: number, cwd?: string): Promise<MeasuredRun> {
  const python = which('python3');
  if (!python) {
    const r = await runProcess(cmd, args, input, timeoutSeconds, cwd);
    return { ...r, seconds: r.wallSeconds };
  }
  const r = await runProcess(python, ['-c', WRAPPER, cmd, ...args], input, timeoutSeconds, cwd);
  const m = /RUSAGE (\S+) (\S+) (\d+) (-?\d+)\s*$/.exec(r.stderr);
  // No report (killed at the limit): the polled peak is the wrapper's, not the program's.
  if (!m) return { ...r, seconds: r.wallSeconds, peakMB: undefined };
  return { ...r, stderr: r.stderr.slice(0, m.index), code: Number(m[4]), seconds: Number(m[1]), cpu: Number(m[2]), peakMB: Number(m[3]) / 1024 };
}
