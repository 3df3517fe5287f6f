// grpc.health.v1 with one status per service plus the overall "" entry.
// Load balancers (Envoy, Kubernetes gRPC probes) watch "" and the services;
// they go NOT_SERVING first when the process starts draining.
//
// Dependencies that degrade without stopping processing get entries of
// their own: "lipi.store" is NOT_SERVING while database writes fail (rows
// are kept and retried; streams go on), so operators can see the degraded
// state without the load balancer taking the instance out.
import { HealthImplementation, type ServingStatus } from "grpc-health-check";

export const SERVED_SERVICES = ["lipi.v1.TranscriptService"] as const;
export const DEPENDENCIES = ["lipi.store"] as const;
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
}
