/** The registry of subcommands, in the order `fitgate --help` lists them. */
import type { Command } from '../context.js';
import { deriveCommand } from './derive.js';
import { explainCommand } from './explain.js';
import { qualifyCommand } from './qualify.js';

export const commands: Command[] = [deriveCommand, qualifyCommand, explainCommand];
