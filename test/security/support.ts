// Shared by the security tests: an audit sink that keeps entries in memory,
// and calls that report their final status instead of throwing.
import { Metadata, status, type ServiceError } from "@grpc/grpc-js";
import type { AuditEntry, AuditSink } from "../../src/security/audit-entry.js";
import { streamConfig, segment } from "../../src/client/lipi-client.js";
import type { ProcessResponse, TranscriptServiceClient } from "../../src/gen/lipi/v1/transcript.js";

export class MemoryAuditSink implements AuditSink {
  readonly entries: AuditEntry[] = [];

  append(entry: AuditEntry): void {
    this.entries.push(entry);
  }

  /** The record of the call sent with this x-request-id, once it has been written. */
  async forRequest(requestId: string, timeoutMs = 5_000): Promise<AuditEntry> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.entries.filter((e) => e.requestId === requestId);
      if (found.length > 1) throw new Error(`${found.length} audit records for request ${requestId}; expected one`);
      if (found.length === 1) return found[0]!;
      if (Date.now() > deadline) throw new Error(`no audit record for request ${requestId}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }
}

/** Waits for the first record matching `predicate` (records are written when calls end). */
export async function waitForEntry(sink: MemoryAuditSink, predicate: (e: AuditEntry) => boolean, timeoutMs = 5_000): Promise<AuditEntry> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = sink.entries.find(predicate);
    if (found) return found;
    if (Date.now() > deadline) throw new Error("no matching audit record");
    await new Promise((r) => setTimeout(r, 10));
  }
}

export interface CallOutcome {
  code: status;
  details: string;
  trailers: Metadata | undefined;
  response: ProcessResponse | undefined;
}

let counter = 0;
export const newRequestId = (label: string) => `${label}-${process.pid}-${++counter}`;

/** A small valid Process call, tagged with `requestId`. */
export function callProcess(client: TranscriptServiceClient, requestId: string, text = "um hello there"): Promise<CallOutcome> {
  const metadata = new Metadata();
  metadata.set("x-request-id", requestId);
  return new Promise((resolve) => {
    client.process({ config: streamConfig(), segments: [segment({ text })] }, metadata, (err: ServiceError | null, response?: ProcessResponse) => {
      resolve(
        err
          ? { code: err.code, details: err.details, trailers: err.metadata, response: undefined }
          : { code: status.OK, details: "", trailers: undefined, response },
      );
    });
  });
}
