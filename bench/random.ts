// Seedable randomness for the benches and evals: the same seed gives the same
// corpus, variants and recitations on every run and machine.

/** mulberry32: small and fast; statistical quality is irrelevant here, repeatability is not. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
