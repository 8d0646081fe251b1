/** Internal: runs at most `n` tasks at a time, the others waiting their turn in order. */

/** A function that runs `task` when a slot is free. */
export type Limiter = <T>(task: () => Promise<T>) => Promise<T>;

export function createLimiter(n: number): Limiter {
  let running = 0;
  const waiting: Array<() => void> = [];

  return async (task) => {
    // Wait for a slot; a finishing task hands its slot to the next in line.
    if (running >= n) await new Promise<void>((resolve) => waiting.push(resolve));
    else running++;
    try {
      return await task();
    } finally {
      if (waiting.length > 0) waiting.shift()?.();
      else running--;
    }
  };
}
