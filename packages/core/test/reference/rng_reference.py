"""Reference draws for packages/core/test/rng.test.ts: an independent Python implementation of the
generator documented in src/rng.ts (SFC32 seeded through a SplitMix32-style stream of the
MurmurHash3 finaliser, 12 outputs discarded), printing the first draws for a few seeds.

Run:  /usr/bin/python3 rng_reference.py
"""
import json

MASK = 0xFFFFFFFF


def mix32(z):
    z &= MASK
    z = ((z ^ (z >> 16)) * 0x85EBCA6B) & MASK
    z = ((z ^ (z >> 13)) * 0xC2B2AE35) & MASK
    return (z ^ (z >> 16)) & MASK


def create(seed):
    low = seed & MASK
    high = (seed // 2**32) & MASK  # floor division, like Math.floor(seed / 2^32)
    state = (low ^ mix32(high)) & MASK
    words = []
    for _ in range(4):
        state = (state + 0x9E3779B9) & MASK
        words.append(mix32(state))
    a, b, c, counter = words

    def draw():
        nonlocal a, b, c, counter
        t = (a + b + counter) & MASK
        counter = (counter + 1) & MASK
        a = b ^ (b >> 9)
        b = (c + (c << 3)) & MASK
        c = ((c << 21) | (c >> 11)) & MASK
        c = (c + t) & MASK
        return t / 2**32

    for _ in range(12):
        draw()
    return draw


result = {}
for seed in [0, 1, 42, -1, 2**40 + 3]:
    draw = create(seed)
    result[str(seed)] = [draw() for _ in range(5)]
print(json.dumps(result, indent=2))
