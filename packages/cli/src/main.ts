/**
 * Entry point of the `fitgate` command: dispatches to a subcommand and turns thrown errors into
 * one clear line on stderr and a non-zero exit code.
 */
import { pathToFileURL } from 'node:url';
import { commands } from './commands/index.js';
import { processContext, type CliContext } from './context.js';
import { describeError, UsageError } from './errors.js';

function helpText(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return ['usage: fitgate <command> [options]', '', 'commands:', ...lines, ''].join('\n') + '\n';
}

/** Run the command line with `args` (without the node and script paths); returns the exit code. */
export async function main(args: string[], ctx: CliContext = processContext()): Promise<number> {
  const [name, ...rest] = args;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    ctx.stdout(helpText());
    return name === undefined ? 1 : 0;
  }
  const command = commands.find((c) => c.name === name);
  if (command === undefined) {
    ctx.stderr(`fitgate: unknown command "${name}"\n\n${helpText()}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    ctx.stdout(`${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest, ctx);
  } catch (error) {
    ctx.stderr(`fitgate ${name}: ${describeError(error)}\n`);
    return error instanceof UsageError ? 2 : 1;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await main(process.argv.slice(2));
}
