/**
 * The human-readable report of a definition, printed by `derive` and `explain`: the plain-language
 * description, then tables of attributes, exclusions, validation figures and warnings.
 */
import type { IcpDefinition } from '@fitgate/core';

/** Left-aligned text table with a header row. */
export function textTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => cell.padEnd(widths[c]))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

function fixed(x: number | null | undefined, digits: number): string {
  return x === null || x === undefined ? '-' : x.toFixed(digits);
}

function attributeRows(icp: IcpDefinition): string[][] {
  return icp.attributes.map((a) => {
    const points = a.bins.map((b) => b.points);
    return [
      a.name,
      a.role,
      a.type,
      fixed(a.iv, 3),
      String(a.bins.length),
      `${fixed(Math.min(...points), 1)} to ${fixed(Math.max(...points), 1)}`,
      fixed(a.coefficient, 3),
      a.key ? 'yes' : '',
    ];
  });
}

/** The short report `derive` prints: description, validation, lines and warnings. */
export function briefText(icp: IcpDefinition): string {
  const v = icp.metrics.validation;
  const interval = v.aucInterval
    ? ` [${fixed(v.aucInterval[0], 3)}, ${fixed(v.aucInterval[1], 3)}]`
    : '';
  const parts = [
    `ICP ${icp.version}: ${icp.attributes.length} attributes, ${icp.excluded.length} left out`,
    '',
    icp.description ?? '',
    '',
    `Validation (${v.method}, ${v.nValidation} deals): AUC ${fixed(v.auc, 3)}${interval}, ` +
      `KS ${fixed(v.ks, 3)}, Brier ${fixed(v.brier, 4)}`,
  ];
  for (const w of icp.diagnostics.warnings) parts.push(`warning ${w.code}: ${w.message}`);
  return parts.join('\n');
}

/** The report: description, attributes, exclusions, validation, warnings. */
export function summaryText(icp: IcpDefinition): string {
  const v = icp.metrics.validation;
  const parts = [`ICP ${icp.version}`, '', icp.description ?? '', ''];

  // Attributes in the fit, then the ones left out.
  parts.push(
    'Attributes:',
    textTable(
      ['attribute', 'side', 'type', 'IV', 'bins', 'points', 'coef', 'key'],
      attributeRows(icp),
    ),
    '',
  );
  if (icp.excluded.length > 0) {
    const rows = icp.excluded.map((e) => [e.attribute, e.code, e.reason]);
    parts.push('Left out:', textTable(['attribute', 'code', 'reason'], rows), '');
  }

  // Validation figures and the lines.
  const interval = v.aucInterval
    ? ` [${fixed(v.aucInterval[0], 3)}, ${fixed(v.aucInterval[1], 3)}]`
    : '';
  parts.push(
    `Validation (${v.method}, ${v.nValidation} deals; fit on ${v.nTrain}): ` +
      `AUC ${fixed(v.auc, 3)}${interval}, KS ${fixed(v.ks, 3)}, Brier ${fixed(v.brier, 4)}`,
    `SQL (on ${icp.cutoffs.sql.on}): ${icp.cutoffs.sql.reason}`,
    `MQL (fit floor): ${icp.cutoffs.mql.reason}`,
  );
  if (icp.cutoffs.intent) parts.push(`Intent line: ${icp.cutoffs.intent.reason}`);
  for (const q of icp.metrics.quadrants ?? []) {
    parts.push(
      `  ${q.quadrant}: ${q.n} validation deals, win rate ${(100 * q.winRate).toFixed(1)}%`,
    );
  }

  // Warnings last, where they are seen.
  if (icp.diagnostics.warnings.length > 0) {
    parts.push('', 'Warnings:');
    for (const w of icp.diagnostics.warnings) parts.push(`  ${w.code}: ${w.message}`);
  }
  return parts.join('\n');
}
