import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../src/backoff-delay.js';

// Expected values by hand: full = min(cap, base x 2^retry); delay = full/2 + random x full/2.
describe('backoffDelay', () => {
  it('doubles from the base, with equal jitter between half and all of it', () => {
    expect(backoffDelay(0, {}, () => 0)).toBe(250); // 500 / 2
    expect(backoffDelay(0, {}, () => 1)).toBe(500);
    expect(backoffDelay(1, {}, () => 0.5)).toBe(750); // 1000/2 + 0.5 x 500
    expect(backoffDelay(3, { backoffMs: 100 }, () => 0)).toBe(400); // 800 / 2
  });

  it('stops doubling at the cap', () => {
    expect(backoffDelay(10, {}, () => 1)).toBe(8000);
    expect(backoffDelay(10, { maxBackoffMs: 1000 }, () => 0)).toBe(500);
  });

  it('honours Retry-After when it asks for longer, up to the cap', () => {
    expect(backoffDelay(0, {}, () => 0, 3000)).toBe(3000);
    expect(backoffDelay(0, {}, () => 0, 100)).toBe(250); // the backoff is longer
    expect(backoffDelay(0, {}, () => 0, 60_000)).toBe(8000); // capped
  });
});
