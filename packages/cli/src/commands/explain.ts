/**
 * `fitgate explain`: a definition in plain words, with every attribute's bins and points.
 */
import type { IcpDefinition } from '@fitgate/core';
import { onePositional, parseCommandArgs } from '../args.js';
import type { Command } from '../context.js';
import { loadDefinition } from '../load-definition.js';
import { summaryText, textTable } from '../summary-text.js';

const usage = `usage: fitgate explain ICP.json [--json]

Prints what the definition says: where won deals concentrate, each attribute's bins with their
win rate, weight of evidence and points, what was left out and why, and the warnings.`;

const options = { json: { type: 'boolean' } } as const;

function binTables(icp: IcpDefinition): string {
  return icp.attributes
    .map((a) => {
      const rows = a.bins.map((b) => [
        b.label,
        String(Math.round(b.nEvent)),
        String(Math.round(b.nNonevent)),
        `${(100 * b.eventRate).toFixed(1)}%`,
        b.woe.toFixed(3),
        b.points.toFixed(2),
      ]);
      const header = ['bin', 'won', 'lost', 'win rate', 'WoE', 'points'];
      const title = `${a.name} (${a.role}, ${a.type}, IV ${a.iv.toFixed(3)}, `;
      return `${title}unseen: ${a.neutralPoints.toFixed(2)} points)\n${textTable(header, rows)}`;
    })
    .join('\n\n');
}

export const explainCommand: Command = {
  name: 'explain',
  summary: 'describe an ICP definition in plain words, with its bins and points',
  usage,
  async run(args, ctx) {
    const { values, positionals } = parseCommandArgs(args, options, usage);
    const icp = await loadDefinition(onePositional(positionals, 'ICP definition', usage));
    if (values.json) {
      const { version, description, attributes, excluded, cutoffs, metrics, diagnostics } = icp;
      const doc = {
        version,
        description,
        attributes,
        excluded,
        cutoffs,
        metrics,
        warnings: diagnostics.warnings,
      };
      ctx.stdout(`${JSON.stringify(doc, null, 2)}\n`);
      return 0;
    }
    ctx.stdout(`${summaryText(icp)}\n\nBins and points:\n\n${binTables(icp)}\n`);
    return 0;
  },
};
