/**
 * fitgate's command line as a library: run it in-process (tests, wrappers) with your own context.
 */
export { main } from './main.js';
export { commands } from './commands/index.js';
export type { CliContext, Command } from './context.js';
export { UsageError } from './errors.js';
