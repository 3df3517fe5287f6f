// grpc.health.v1 with one status per service plus the overall "" entry.
// Load balancers (Envoy, Kubernetes gRPC probes) watch "" and the services;
// they go NOT_SERVING first when the process starts draining.
//
// Dependencies that degrade without stopping processing get entries of
// their own: "lipi.store" is NOT_SERVING while database writes fail (rows
// are kept and retried; streams go on), so operators can see the degraded
// state without the load balancer taking the instance out. "lipi.pool" is
// NOT_SERVING while the worker pool is saturated.
//
// publish() applies a readiness report (src/telemetry/readiness.ts), so the
// overall status, /readyz and the lipi_ready metric always agree.
import { HealthImplementation, type ServingStatus } from "grpc-health-check";
import type { ReadinessReport } from "../telemetry/readiness.js";

export const SERVED_SERVICES = ["lipi.v1.TranscriptService"] as const;
export const DEPENDENCIES = ["lipi.store", "lipi.pool"] as const;

export class HealthReporter {
  readonly implementation = new HealthImplementation({ "": "NOT_SERVING" });
  /** What watchers were last told, per entry: every change goes through set(), so nothing is sent twice. */
  private readonly published = new Map<string, ServingStatus>([["", "NOT_SERVING"]]);

  constructor() {
    for (const name of SERVED_SERVICES) this.set(name, "NOT_SERVING");
    for (const name of DEPENDENCIES) this.set(name, "SERVING");
  }

  /** The serving state of the process and every service it serves (bind and shutdown). */
  setAll(status: ServingStatus): void {
    this.set("", status);
    for (const name of SERVED_SERVICES) this.set(name, status);
  }

  /**
   * Applies a readiness report. A "warn" dependency (down but not required)
   * is NOT_SERVING on its own entry while the overall status stays SERVING.
   */
  publish(report: ReadinessReport): void {
    this.setAll(report.ready ? "SERVING" : "NOT_SERVING");
    const store = report.checks["store"];
    if (store) this.set("lipi.store", store.status === "pass" ? "SERVING" : "NOT_SERVING");
    const pool = report.checks["pool"];
    if (pool) this.set("lipi.pool", pool.status === "pass" ? "SERVING" : "NOT_SERVING");
  }

  /** Watch streams see changes only. */
  private set(name: string, status: ServingStatus): void {
    if (this.published.get(name) === status) return;
    this.published.set(name, status);
    this.implementation.setStatus(name, status);
  }
}
