// A bidi StreamProcess call seen from the client side: records every
// response and the final status, and waits for conditions with a bound.
import type { ClientDuplexStream, ServiceError, StatusObject } from "@grpc/grpc-js";
import type {
  ProcessedSegment,
  Segment,
  StreamConfig,
  StreamProcessRequest,
  StreamProcessResponse,
  TranscriptServiceClient,
} from "../../src/gen/lipi/v1/transcript.js";
import { segment, streamConfig } from "../../src/client/lipi-client.js";

export class StreamProbe {
  readonly call: ClientDuplexStream<StreamProcessRequest, StreamProcessResponse>;
  readonly responses: StreamProcessResponse[] = [];
  status: StatusObject | undefined;
  error: ServiceError | undefined;
  private readonly ended: Promise<void>;
  private listeners: Array<() => void> = [];

  constructor(client: TranscriptServiceClient) {
    this.call = client.streamProcess();
    this.call.on("data", (r: StreamProcessResponse) => {
      this.responses.push(r);
      this.notify();
    });
    this.ended = new Promise((resolve) => {
      this.call.on("status", (s: StatusObject) => {
        this.status = s;
        this.notify();
        resolve();
      });
    });
    this.call.on("error", (e: ServiceError) => {
      this.error = e;
    });
  }

  private notify(): void {
    for (const l of this.listeners.splice(0)) l();
  }

  send(request: StreamProcessRequest["request"]): boolean {
    return this.call.write({ request });
  }

  config(config: Partial<StreamConfig> = {}): boolean {
    return this.send({ $case: "config", value: streamConfig(config) });
  }

  segment(draft: Partial<Segment>): boolean {
    return this.send({ $case: "segment", value: segment(draft) });
  }

  get segments(): ProcessedSegment[] {
    return this.responses.flatMap((r) => (r.response?.$case === "segment" ? [r.response.value] : []));
  }

  async waitFor(predicate: () => boolean, timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
      if (this.status) throw new Error(`stream ended (${this.status.code}: ${this.status.details}) before the condition held`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`condition not met within ${timeoutMs} ms (${this.responses.length} responses)`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 200));
        this.listeners.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Half-closes and resolves with the final status. */
  async finish(timeoutMs = 20_000): Promise<StatusObject> {
    this.call.end();
    return this.closed(timeoutMs);
  }

  async closed(timeoutMs = 20_000): Promise<StatusObject> {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      this.ended,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`stream did not end within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    clearTimeout(timer);
    return this.status!;
  }
}
