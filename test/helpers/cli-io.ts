import type { CliIo } from '../../main/cli/io';

/** A CliIo that keeps what a command printed, so tests read what a user would see. */
export function captureIo(env: NodeJS.ProcessEnv = {}): { io: CliIo; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    io: { stdout: (t) => (out += t), stderr: (t) => (err += t), isTTY: false, env, cwd: process.cwd() },
    out: () => out,
    err: () => err,
  };
}
