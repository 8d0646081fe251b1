/**
 * What a command may touch: its output streams, the working directory, the environment and the
 * clock. Tests pass their own context to capture output.
 */

export interface CliContext {
  /** Write to standard output (results, `--json` documents). */
  stdout: (text: string) => void;
  /** Write to standard error (progress, warnings, errors). */
  stderr: (text: string) => void;
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  /** The clock, read only by the CLI (the library never reads it). */
  now: () => Date;
}

/** One subcommand of `fitgate`. `run` returns the process exit code. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  run: (args: string[], ctx: CliContext) => Promise<number>;
}

/** The context of a real process. */
export function processContext(): CliContext {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
    now: () => new Date(),
  };
}
