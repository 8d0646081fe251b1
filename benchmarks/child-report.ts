/**
 * How a benchmark child process reports: one JSON line on stdout with its figures, plus the peak
 * resident memory the process itself saw (a fallback when `/usr/bin/time` is not installed).
 */
import { performance } from 'node:perf_hooks';

/** Seconds since `start` (a `performance.now()` reading). */
export function secondsSince(start: number): number {
  return (performance.now() - start) / 1000;
}

/** Prints the figures and the process's peak RSS in MB as one JSON line. */
export function reportFigures(figures: Record<string, unknown>): void {
  const selfMaxRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ ...figures, selfMaxRssMb })}\n`);
}
