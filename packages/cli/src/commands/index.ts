/** The registry of subcommands, in the order `fitgate --help` lists them. */
import type { Command } from '../context.js';
import { auditCommand } from './audit.js';
import { cutoffsCommand } from './cutoffs.js';
import { enrichCommand } from './enrich.js';
import { deriveCommand } from './derive.js';
import { explainCommand } from './explain.js';
import { qualifyCommand } from './qualify.js';
import { routeCommand } from './route.js';
import { suggestMappingsCommand } from './suggest-mappings.js';

export const commands: Command[] = [
  deriveCommand,
  qualifyCommand,
  explainCommand,
  cutoffsCommand,
  auditCommand,
  routeCommand,
  enrichCommand,
  suggestMappingsCommand,
];
