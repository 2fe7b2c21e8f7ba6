import type { Metric } from 'prom-client';

/** One sample as a prom-client registry formats it. */
interface Sample {
  metricName: string;
  labels: Record<string, string | number>;
  value: number;
}

interface Tally {
  labels: { method: string; route: string; status_code: string };
  /** Observations per bucket, not cumulative (doubles: exact counts to 2^53); past the last bound they count only in `count`. */
  buckets: Float64Array;
  sum: number;
  count: number;
}

/**
 * A histogram of request durations by method, route pattern and status code, exposed exactly as
 * prom-client's Histogram would be. Every request adds to it: prom-client's labelled child checks
 * and hashes its labels and keys buckets by their bound as a string on each observation, which
 * cost more than the rest of the metrics hook. Here a tally is found by three Map lookups.
 */
export class RequestDurations {
  readonly type = 'histogram';
  readonly aggregator = 'sum';
  readonly #tallies = new Map<string, Map<string, Map<number, Tally>>>(); // route → method → status
  /** The same tallies in the order they began, which is prom-client's order of series. */
  #inOrder: Tally[] = [];

  constructor(
    readonly name: string,
    readonly help: string,
    private readonly bounds: readonly number[],
  ) {}

  observe(method: string, route: string, statusCode: number, seconds: number): void {
    let byMethod = this.#tallies.get(route);
    if (!byMethod) this.#tallies.set(route, (byMethod = new Map()));
    let byStatus = byMethod.get(method);
    if (!byStatus) byMethod.set(method, (byStatus = new Map()));
    let tally = byStatus.get(statusCode);
    if (!tally) {
      tally = { labels: { method, route, status_code: String(statusCode) }, buckets: new Float64Array(this.bounds.length), sum: 0, count: 0 };
      byStatus.set(statusCode, tally);
      this.#inOrder.push(tally);
    }
    let bucket = 0;
    while (bucket < this.bounds.length && seconds > this.bounds[bucket]!) bucket++;
    if (bucket < this.bounds.length) tally.buckets[bucket]!++;
    tally.sum += seconds;
    tally.count++;
  }

  /** What a prom-client registry reads at each scrape, in the shape and order of its Histogram's. */
  async get() {
    const values: Sample[] = [];
    for (const { labels, buckets, sum, count } of this.#inOrder) {
      let cumulative = 0;
      this.bounds.forEach((le, i) => {
        cumulative += buckets[i]!;
        values.push({ metricName: `${this.name}_bucket`, labels: { le, ...labels }, value: cumulative });
      });
      values.push({ metricName: `${this.name}_bucket`, labels: { le: '+Inf', ...labels }, value: count });
      values.push({ metricName: `${this.name}_sum`, labels: { ...labels }, value: sum });
      values.push({ metricName: `${this.name}_count`, labels: { ...labels }, value: count });
    }
    return { name: this.name, help: this.help, type: this.type, aggregator: this.aggregator, values };
  }

  reset(): void {
    this.#tallies.clear();
    this.#inOrder = [];
  }

  /** For Registry.registerMetric, whose type names prom-client's own classes; a registry reads name, help, type, aggregator, get() and reset(). */
  asMetric(): Metric {
    return this as unknown as Metric;
  }
}
