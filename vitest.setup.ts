/**
 * Property tests run with a fixed fast-check seed under CI (so a run is reproducible and a rare
 * counterexample cannot block a landing by chance) and with fresh seeds elsewhere, so developers
 * keep exploring. FC_SEED=N replays a seed anywhere.
 */
import fc from 'fast-check';

const seed = process.env.FC_SEED ?? (process.env.CI ? '20261204' : undefined);
if (seed !== undefined) fc.configureGlobal({ seed: Number(seed) });
