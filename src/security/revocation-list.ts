// The revoked token ids as this instance knows them: a set in memory,
// re-read from the store every `refreshMs`, so checking a token costs a set
// lookup, never a round trip. A revocation made here applies at once; one
// made elsewhere (another instance, `lipi token revoke`) within refreshMs.
// When the store cannot be read the last list is kept and the failure logged.
import type { RevocationStore } from "../store/revocations.js";
import type { Logger } from "../telemetry/logger.js";

export class RevocationList {
  private revoked = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private refreshing: Promise<void> | undefined;

  constructor(
    private readonly store: RevocationStore,
    private readonly refreshMs: number,
    private readonly logger: Logger,
  ) {}

  /** Loads the list (failing the start if the store cannot be read), then keeps it fresh. */
  async start(): Promise<void> {
    this.revoked = new Set(await this.store.active());
    this.timer = setInterval(() => void this.refresh(), this.refreshMs);
    this.timer.unref();
  }

  has(jti: string): boolean {
    return this.revoked.has(jti);
  }

  get size(): number {
    return this.revoked.size;
  }

  async revoke(jti: string, expiresAt: Date): Promise<void> {
    await this.store.revoke(jti, expiresAt);
    this.revoked.add(jti);
  }

  refresh(): Promise<void> {
    this.refreshing ??= this.store
      .active()
      .then(
        (ids) => {
          this.revoked = new Set(ids);
        },
        (err: unknown) => this.logger.warn({ err }, "revoked token list not refreshed; keeping the last one"),
      )
      .finally(() => {
        this.refreshing = undefined;
      });
    return this.refreshing;
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
