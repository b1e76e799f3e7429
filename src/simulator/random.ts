/**
 * The simulated contact centre's one source of chance. Every random choice it makes is drawn, in order,
 * from one seeded generator, so that a seed and a clock repeat a run event for event.
 */

/** A small, fast, seedable PRNG (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A duration in ms: a number, or [min, max] drawn from the seeded generator. */
export type Duration = number | readonly [number, number];

/** A value drawn from a duration (ms); a fixed number draws nothing. */
export function draw(random: () => number, duration: Duration): number {
  return typeof duration === 'number' ? duration : duration[0] + random() * (duration[1] - duration[0]);
}

/** The wait before the next arrival of a Poisson process of `perMinute` arrivals a minute (ms). */
export function poissonWait(random: () => number, perMinute: number): number {
  return (-Math.log(1 - random()) * 60_000) / perMinute;
}
