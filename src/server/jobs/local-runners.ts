/**
 * What this process knows about its own job runners: who to wake after a local commit enqueued a
 * job (so it runs now rather than at the next poll), and counters for the metrics endpoint.
 */
const runners = new Set<{ poke(): void }>();

/** Totals since the process started, across its runners: Prometheus counters. */
export const jobCounters = { succeeded: 0, failedAttempts: 0, dead: 0 };

export function registerLocalRunner(runner: { poke(): void }): () => void {
  runners.add(runner);
  return () => void runners.delete(runner);
}

/** Wakes every runner of this process; call after the transaction that enqueued a job commits. */
export function pokeLocalRunners(): void {
  for (const runner of runners) runner.poke();
}
