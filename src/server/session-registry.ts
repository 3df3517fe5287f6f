// The open streams of this process, so shutdown can tell them to drain and
// cut the ones still open at the deadline.
import { status as GrpcStatus } from "@grpc/grpc-js";
import type { StreamSession } from "./stream-session.js";

export class SessionRegistry {
  private readonly open = new Set<StreamSession>();
  private drainingSince: number | undefined;

  get draining(): boolean {
    return this.drainingSince !== undefined;
  }

  get size(): number {
    return this.open.size;
  }

  /** The open sessions (for introspection: metrics, tests). */
  list(): StreamSession[] {
    return [...this.open];
  }

  add(session: StreamSession): void {
    this.open.add(session);
    session.onEnded(() => this.open.delete(session));
  }

  /** Tells every open stream to finish; resolves when all have ended or the deadline passes. */
  async drain(deadlineMs: number): Promise<{ cut: number }> {
    this.drainingSince = Date.now();
    for (const session of this.open) session.notifyDraining(deadlineMs);
    const allEnded = Promise.all([...this.open].map((s) => new Promise<void>((resolve) => s.onEnded(resolve))));
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<"deadline">((resolve) => {
      timer = setTimeout(() => resolve("deadline"), deadlineMs);
    });
    const outcome = await Promise.race([allEnded.then(() => "ended" as const), deadline]);
    clearTimeout(timer);
    if (outcome === "ended") return { cut: 0 };
    const remaining = [...this.open];
    for (const session of remaining) session.abort(GrpcStatus.UNAVAILABLE, "server shut down before the stream finished");
    return { cut: remaining.length };
  }
}
