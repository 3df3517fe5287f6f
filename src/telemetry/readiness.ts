// Whether this instance should get new traffic, and why not. One evaluation
// feeds /readyz (HTTP, for Kubernetes), the grpc.health.v1 statuses (for
// Envoy and gRPC probes) and the lipi_ready / lipi_health_check_status
// metrics, so the three never disagree.
//
// States (README "Observability" explains them for operators):
//   ready      every check passes.
//   degraded   ready, but a dependency that is not required is down: the
//              database is unreachable, rows wait in the bounded persistence
//              buffer and are retried, processing goes on.
//   not_ready  starting, draining (SIGTERM received), the worker pool has
//              more queued work than metrics.readiness.maxPoolQueuedTasks,
//              or a dependency listed in requiredDependencies is down.
// Liveness (/healthz) is separate: it only says the event loop answers.
import type { LipiConfig } from "../config/schema.js";

export type CheckStatus = "pass" | "warn" | "fail";

export interface CheckResult {
  status: CheckStatus;
  detail?: string;
  [extra: string]: unknown;
}

export interface ReadinessReport {
  status: "ready" | "degraded" | "not_ready";
  ready: boolean;
  checks: Record<string, CheckResult>;
}

/** What readiness reads from the running instance; attached once everything has started. */
export interface ReadinessProbes {
  draining(): boolean;
  poolQueuedTasks(): number;
  store(): { ok: true } | { ok: false; since: Date; lastError: string };
}

export type ReadinessSettings = LipiConfig["metrics"]["readiness"];

export class Readiness {
  private probes: ReadinessProbes | undefined;

  constructor(private readonly settings: ReadinessSettings) {}

  /** Until probes are attached the instance reports not_ready (starting). */
  attach(probes: ReadinessProbes): void {
    this.probes = probes;
  }

  evaluate(): ReadinessReport {
    const probes = this.probes;
    if (!probes) return summarise({ startup: { status: "fail", detail: "starting: store, pool or server not up yet" } });
    const checks: Record<string, CheckResult> = {};

    checks["draining"] = probes.draining()
      ? { status: "fail", detail: "shutting down: open streams may finish, new calls are refused" }
      : { status: "pass" };

    const queued = probes.poolQueuedTasks();
    const threshold = this.settings.maxPoolQueuedTasks;
    checks["pool"] =
      queued > threshold
        ? { status: "fail", detail: `worker pool saturated: ${queued} tasks queued (limit ${threshold})`, queuedTasks: queued, threshold }
        : { status: "pass", queuedTasks: queued, threshold };

    const store = probes.store();
    const required = this.settings.requiredDependencies.includes("store");
    checks["store"] = store.ok
      ? { status: "pass", required }
      : {
          status: required ? "fail" : "warn",
          required,
          detail: required
            ? `database unreachable: ${store.lastError}`
            : `database unreachable, persistence retrying; processing continues: ${store.lastError}`,
          since: store.since.toISOString(),
        };
    return summarise(checks);
  }
}

function summarise(checks: Record<string, CheckResult>): ReadinessReport {
  const results = Object.values(checks);
  if (results.some((c) => c.status === "fail")) return { status: "not_ready", ready: false, checks };
  if (results.some((c) => c.status === "warn")) return { status: "degraded", ready: true, checks };
  return { status: "ready", ready: true, checks };
}
