// Percentiles and the ghz-style report. Field names follow ghz's JSON
// output so people who know ghz can read ours, with two deliberate
// differences, both written into the report itself (`unit`, `countUnit`):
//   - durations are milliseconds (ghz writes Go nanoseconds);
//   - the unit of `count`/`rps` is one *segment* (one request message on a
//     bidi stream), not one RPC, because a stream carries many segments.

export interface LatencyPercentile {
  percentage: number;
  /** Milliseconds. */
  latency: number;
}

export interface HistogramBucket {
  /** Upper edge of the bucket, milliseconds. */
  mark: number;
  count: number;
  frequency: number;
}

export interface GhzStyleReport {
  name: string;
  date: string;
  unit: "ms";
  countUnit: "segment";
  /** Segments sent (attempted). */
  count: number;
  /** Wall time of the measured run, from the first stream opening to the last one closing. */
  total: number;
  average: number;
  fastest: number;
  slowest: number;
  /** Answered segments per second of `total`: the main throughput figure. */
  rps: number;
  latencyDistribution: LatencyPercentile[];
  histogram: HistogramBucket[];
  /** Per segment: "OK" when answered, else the gRPC code that stopped it. Sums to `count`. */
  statusCodeDistribution: Record<string, number>;
  /** Per segment: error message → segments it affected. */
  errorDistribution: Record<string, number>;
}

export const PERCENTAGES = [10, 25, 50, 75, 90, 95, 99] as const;

/** Nearest-rank percentile (what ghz reports) over an ascending array. */
export function percentile(sortedAscending: readonly number[], percentage: number): number {
  if (sortedAscending.length === 0) return 0;
  const rank = Math.ceil((percentage / 100) * sortedAscending.length);
  const index = Math.min(sortedAscending.length - 1, Math.max(0, rank - 1));
  return sortedAscending[index] as number;
}

export interface SummarizeInput {
  name: string;
  date: Date;
  /** Latencies of answered segments, milliseconds, any order. */
  latenciesMs: readonly number[];
  sent: number;
  totalMs: number;
  statusCodeDistribution: Record<string, number>;
  errorDistribution: Record<string, number>;
}

export function summarize(input: SummarizeInput): GhzStyleReport {
  const sorted = Float64Array.from(input.latenciesMs).sort();
  const values = Array.from(sorted);
  const n = values.length;
  const sum = values.reduce((a, b) => a + b, 0);
  return {
    name: input.name,
    date: input.date.toISOString(),
    unit: "ms",
    countUnit: "segment",
    count: input.sent,
    total: round(input.totalMs),
    average: round(n === 0 ? 0 : sum / n),
    fastest: round(n === 0 ? 0 : (values[0] as number)),
    slowest: round(n === 0 ? 0 : (values[n - 1] as number)),
    rps: round(input.totalMs > 0 ? n / (input.totalMs / 1000) : 0),
    latencyDistribution: PERCENTAGES.map((percentage) => ({
      percentage,
      latency: round(percentile(values, percentage)),
    })),
    histogram: histogram(values, 10),
    statusCodeDistribution: input.statusCodeDistribution,
    errorDistribution: input.errorDistribution,
  };
}

/** Equal-width buckets between fastest and slowest, like ghz's summary histogram. */
export function histogram(sortedAscending: readonly number[], buckets: number): HistogramBucket[] {
  const n = sortedAscending.length;
  if (n === 0) return [];
  const min = sortedAscending[0] as number;
  const max = sortedAscending[n - 1] as number;
  const width = (max - min) / buckets || 1;
  const out: HistogramBucket[] = [];
  let i = 0;
  for (let b = 1; b <= buckets; b++) {
    const mark = b === buckets ? max : min + width * b;
    let count = 0;
    while (i < n && (sortedAscending[i] as number) <= mark) {
      count++;
      i++;
    }
    out.push({ mark: round(mark), count, frequency: round(count / n, 4) });
  }
  return out;
}

export function latencyAt(report: GhzStyleReport, percentage: number): number {
  return report.latencyDistribution.find((p) => p.percentage === percentage)?.latency ?? 0;
}

export interface LipiVsEcho {
  /** lipi segments/s ÷ echo segments/s: the share of the transport ceiling lipi reaches (≤ 1 expected). */
  throughput: number;
  /** lipi p50 ÷ echo p50: how many times slower a segment comes back (≥ 1 expected). */
  p50: number;
  p99: number;
}

export function compareToEcho(lipi: GhzStyleReport, echo: GhzStyleReport): LipiVsEcho {
  const ratio = (a: number, b: number) => (b > 0 ? round(a / b, 3) : 0);
  return {
    throughput: ratio(lipi.rps, echo.rps),
    p50: ratio(latencyAt(lipi, 50), latencyAt(echo, 50)),
    p99: ratio(latencyAt(lipi, 99), latencyAt(echo, 99)),
  };
}

export function round(value: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
