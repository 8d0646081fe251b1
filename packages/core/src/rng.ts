/**
 * A seeded pseudo-random generator for everything in core that draws at random (splits,
 * bootstrap resamples). Core never touches `Math.random`: the same seed gives the same numbers on
 * every platform, so a definition can be reproduced exactly.
 */
import { FitgateError } from './errors.js';

/** 2^32, to turn a 32-bit unsigned integer into a number in [0, 1). */
const TWO_POW_32 = 4294967296;

/**
 * Outputs discarded after seeding so the first draws do not echo the seed. The SFC authors
 * discard 12 outputs after seeding; we do the same.
 */
const WARM_UP_ROUNDS = 12;

/**
 * A uniform generator on [0, 1), fully determined by `seed`.
 *
 * The generator is SFC32 (Chris Doty-Humphrey's "small fast counting" generator from PractRand:
 * 128 bits of state, a period of at least 2^32, passes PractRand and BigCrush). The state is
 * filled from the seed by a SplitMix32-style integer mixer. Each draw carries 32 random bits, which
 * is ample for picking rows in tables of millions.
 *
 * @param seed - any safe integer. Seeds from 0 to 2^32 - 1 give distinct streams; larger seeds are
 *   folded into 32 bits first, so two of them can (rarely) share a stream.
 * @returns a function that returns the next number in [0, 1) on each call.
 * @throws FitgateError `BAD_OPTION` when `seed` is not a safe integer.
 *
 * @example
 * const rng = createRng(42);
 * rng() === createRng(42)(); // => true
 */
export function createRng(seed: number): () => number {
  if (!Number.isSafeInteger(seed)) {
    throw new FitgateError('BAD_OPTION', `seed must be a safe integer; got ${seed}`, {
      value: seed,
    });
  }

  // Split the seed into its low and high 32 bits (negative seeds wrap like two's complement).
  const low = seed >>> 0;
  const high = Math.floor(seed / TWO_POW_32) >>> 0;

  // Fill the four state words from a mixed counter so nearby seeds start far apart.
  const mixer = splitMix32(low ^ mix32(high));
  let a = mixer();
  let b = mixer();
  let c = mixer();
  let counter = mixer();

  const next = (): number => {
    const t = (((a + b) | 0) + counter) | 0;
    counter = (counter + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / TWO_POW_32;
  };

  // Discard the first outputs.
  for (let i = 0; i < WARM_UP_ROUNDS; i++) next();
  return next;
}

/** A SplitMix32-style stream of well-mixed 32-bit integers from a 32-bit start value. */
function splitMix32(start: number): () => number {
  // 0x9e3779b9 is 2^32 divided by the golden ratio, the usual Weyl increment.
  let state = start | 0;
  return () => {
    state = (state + 0x9e3779b9) | 0;
    return mix32(state);
  };
}

/** Mixes the bits of a 32-bit integer (the finaliser of MurmurHash3, constants from there). */
function mix32(value: number): number {
  let z = value | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) | 0;
}
