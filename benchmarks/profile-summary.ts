/**
 * Summarises a V8 CPU profile (`node --cpu-prof`): the functions with the most self time and the
 * most inclusive time (self plus callees), with their share of the sampled time. Given several
 * files (Node writes one per thread, and the tsx loader has its own), it summarises the busiest.
 *
 * Usage: `pnpm exec tsx benchmarks/profile-summary.ts [--top N] FILE.cpuprofile...`
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** A readable name for a frame: function, file and line. */
function frameName(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const file = url === '' ? '' : ` ${basename(url)}:${lineNumber + 1}`;
  return `${functionName || '(anonymous)'}${file}`;
}

/** Self and inclusive microseconds per frame name (recursion counted once per sample). */
export function summariseProfile(profile: Profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let total = 0;

  // Each sample's time goes to its leaf (self) and once to every distinct frame above it.
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    total += dt;
    const leaf = frameName(byId.get(id) as ProfileNode);
    self.set(leaf, (self.get(leaf) ?? 0) + dt);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const name = frameName(byId.get(at) as ProfileNode);
      if (!seen.has(name)) inclusive.set(name, (inclusive.get(name) ?? 0) + dt);
      seen.add(name);
    }
  });
  return { total, self, inclusive };
}

function top(map: Map<string, number>, total: number, count: number): string {
  return [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(
      ([name, us]) =>
        `${((100 * us) / total).toFixed(1).padStart(5)}%  ` +
        `${(us / 1000).toFixed(0).padStart(7)} ms  ${name}`,
    )
    .join('\n');
}

/** Sampled time outside the idle and program pseudo-frames. */
function busyTime(summary: ReturnType<typeof summariseProfile>): number {
  return summary.total - (summary.self.get('(idle)') ?? 0) - (summary.self.get('(program)') ?? 0);
}

const { values, positionals } = parseArgs({
  options: { top: { type: 'string', default: '25' } },
  allowPositionals: true,
});
const summaries = await Promise.all(
  positionals.map(async (path) => ({
    path,
    summary: summariseProfile(JSON.parse(await readFile(path, 'utf8')) as Profile),
  })),
);
summaries.sort((a, b) => busyTime(b.summary) - busyTime(a.summary));
if (summaries.length > 0) {
  const { path, summary } = summaries[0];
  const n = Number(values.top);
  const out = [
    `${basename(path)}: sampled ${(summary.total / 1000).toFixed(0)} ms`,
    '',
    'self time:',
    top(summary.self, summary.total, n),
    '',
    'inclusive time:',
    top(summary.inclusive, summary.total, n),
    '',
  ];
  process.stdout.write(out.join('\n'));
}
