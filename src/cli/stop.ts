/**
 * How a run that did not finish is reported, the same way whether it stopped by itself (the
 * library's cooperative deadline threw a TimeoutError) or the main thread ended its worker (time
 * limit passed, Ctrl-C, SIGTERM, memory limit): one line on stderr naming the phase reached,
 * e.g. `polycrit: stopped after the time limit of 5 s (phase: F4 round 12: …)`; under `--json`,
 * when nothing was printed yet, a JSON object on stdout — the last partial result, if any, with
 * `complete: false`, `stopped` (`time limit`, `SIGINT`, `SIGTERM` or `memory`), the message and
 * the phase; and the exit code: 1 for a limit, 128 + the signal
 * number for a signal (130 for Ctrl-C, 143 for SIGTERM), the shell's convention.
 */

/** How long a run may overrun its time limit, or a clean stop may take, before it is ended. */
export const GRACE_SECONDS = 0.5;

/** Why a run stopped early. */
export type StopReason =
  | { kind: 'time limit'; seconds: number }
  | { kind: 'signal'; signal: 'SIGINT' | 'SIGTERM' }
  | { kind: 'memory'; megabytes: number };

/** The exit code of a run stopped for `reason`. */
export function stopExitCode(reason: StopReason): number {
  if (reason.kind !== 'signal') return 1;
  return reason.signal === 'SIGINT' ? 130 : 143;
}

/** What happened, without the phase: `stopped after the time limit of 5 s`. */
function describe(reason: StopReason): string {
  switch (reason.kind) {
    case 'time limit':
      return `stopped after the time limit of ${reason.seconds} s`;
    case 'signal':
      return reason.signal === 'SIGINT' ? 'interrupted' : 'terminated (SIGTERM)';
    case 'memory':
      return `stopped: out of memory (the limit is ${reason.megabytes} MB; raise it with --max-memory MB)`;
  }
}

/** The stderr line, with a newline. */
export function stopMessage(reason: StopReason, phase: string): string {
  return `polycrit: ${describe(reason)} (phase: ${phase})\n`;
}

/** The JSON object printed under `--json`: the partial result with `complete: false`. */
export function stopJSON(reason: StopReason, phase: string, partial: object | undefined): object {
  return { ...partial, complete: false, stopped: reason.kind === 'signal' ? reason.signal : reason.kind, message: describe(reason), phase };
}

/** Writes the report of a stopped run and returns its exit code. */
export function reportStop(
  out: { stdout: (text: string) => void; stderr: (text: string) => void },
  reason: StopReason,
  run: { phase: string; partial?: object; json: boolean; printed: boolean },
): number {
  if (run.json && !run.printed) out.stdout(JSON.stringify(stopJSON(reason, run.phase, run.partial), null, 2) + '\n');
  out.stderr(stopMessage(reason, run.phase));
  return stopExitCode(reason);
}
