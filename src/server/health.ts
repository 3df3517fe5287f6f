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
export type Dependency = (typeof DEPENDENCIES)[number];

export class HealthReporter {
  readonly implementation = new HealthImplementation({ "": "NOT_SERVING" });

  constructor() {
    for (const name of SERVED_SERVICES) this.implementation.setStatus(name, "NOT_SERVING");
    for (const name of DEPENDENCIES) this.implementation.setStatus(name, "SERVING");
  }

  /** The serving state of the process and every service it serves. */
  setAll(status: ServingStatus): void {
    this.implementation.setStatus("", status);
    for (const name of SERVED_SERVICES) this.implementation.setStatus(name, status);
  }

  setDependency(name: Dependency, status: ServingStatus): void {
    this.implementation.setStatus(name, status);
  }

  private published = new Map<string, ServingStatus>();

  /**
   * Pushes what changed since the last report (Watch streams see changes
   * only). A "warn" dependency (down but not required) is NOT_SERVING on its
   * own entry while the overall status stays SERVING.
   */
  publish(report: ReadinessReport): void {
    const next = new Map<string, ServingStatus>();
    const overall: ServingStatus = report.ready ? "SERVING" : "NOT_SERVING";
    next.set("", overall);
    for (const name of SERVED_SERVICES) next.set(name, overall);
    const store = report.checks["store"];
    if (store) next.set("lipi.store", store.status === "pass" ? "SERVING" : "NOT_SERVING");
    const pool = report.checks["pool"];
    if (pool) next.set("lipi.pool", pool.status === "pass" ? "SERVING" : "NOT_SERVING");
    for (const [name, status] of next) {
      if (this.published.get(name) === status) continue;
      this.published.set(name, status);
      this.implementation.setStatus(name, status);
    }
  }
}
