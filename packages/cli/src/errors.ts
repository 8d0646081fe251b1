/** Turning errors from any package into one readable line, and the CLI's own usage error. */

/** A mistake in the command line itself (unknown option, missing argument). Exit code 2. */
export class UsageError extends Error {
  readonly code = 'USAGE';
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** One line that says what went wrong, with the error's code when it has one. */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' && code !== 'USAGE'
      ? `${error.message} [${code}]`
      : error.message;
  }
  return String(error);
}
