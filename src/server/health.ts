// grpc.health.v1 with one status per service plus the overall "" entry.
// Load balancers (Envoy, Kubernetes gRPC probes) watch these; they go
// NOT_SERVING first when the process starts draining.
import { HealthImplementation, type ServingStatus } from "grpc-health-check";

export const SERVED_SERVICES = ["lipi.v1.TranscriptService"] as const;

export class HealthReporter {
  readonly implementation = new HealthImplementation({ "": "NOT_SERVING" });

  constructor() {
    for (const name of SERVED_SERVICES) this.implementation.setStatus(name, "NOT_SERVING");
  }

  setAll(status: ServingStatus): void {
    this.implementation.setStatus("", status);
    for (const name of SERVED_SERVICES) this.implementation.setStatus(name, status);
  }
}
