/**
 * Mean microseconds one synchronous call takes, after 200 calls of warm-up so the JIT has
 * compiled it: for the benchmarks of pure gateway steps (answer check, contract versions).
 */
export function microsPerRun(action: () => void, runs: number): number {
  for (let i = 0; i < 200; i++) action();
  const started = performance.now();
  for (let i = 0; i < runs; i++) action();
  return ((performance.now() - started) / runs) * 1000;
}
