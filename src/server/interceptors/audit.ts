// One audit record per call, allowed or denied, written when the call ends —
// for a stream, with its segment counts. It must be the first interceptor in
// the server's list: grpc-js hands that one the base call, whose sendStatus
// it wraps, so every final status is recorded with its real code, whoever
// sent it: the handler, the gate (a denial) or grpc-js itself (oversized
// message, deadline).
import { randomUUID } from "node:crypto";
import {
  ServerInterceptingCall,
  status as GrpcStatus,
  type Metadata,
  type ServerInterceptingCallInterface,
  type ServerInterceptor,
} from "@grpc/grpc-js";
import type { AuditSink } from "../../security/audit-entry.js";
import { createCallContext, type CallContext } from "../../security/call-context.js";
import { REQUEST_ID_HEADER } from "../request-id.js";

const MAX_REQUEST_ID_LENGTH = 128;

export function auditInterceptor(audit: AuditSink): ServerInterceptor {
  return (method, call) => {
    const at = new Date();
    const startedAt = performance.now();
    const peer = call.getPeer();
    let context: CallContext | undefined;
    let ended = false;

    const end = (code: GrpcStatus, message: string) => {
      if (ended) return;
      ended = true;
      audit.append({
        at,
        subject: context?.subject ?? null,
        roles: context?.roles ?? [],
        method: method.path,
        resourceIds: context ? { ...context.resourceIds } : {},
        code,
        message: code === GrpcStatus.OK ? "" : message,
        durationMs: performance.now() - startedAt,
        peer,
        requestId: context?.requestId ?? "",
        ...(context?.counts ? { counts: context.counts() } : {}),
      });
    };
    observeStatuses(call, end);

    return new ServerInterceptingCall(call, {
      start(next) {
        next({
          onReceiveMetadata(metadata, nextMetadata) {
            context = createCallContext(metadata, requestIdIn(metadata));
            nextMetadata(metadata);
          },
          // The client went away (grpc-js also calls this after every status,
          // which was recorded already).
          onCancel: () => end(GrpcStatus.CANCELLED, "cancelled by the client"),
        });
      },
    });
  };
}

/** Wraps the call's sendStatus on this instance, so every final status is seen, whoever sends it. */
function observeStatuses(call: ServerInterceptingCallInterface, observe: (code: GrpcStatus, message: string) => void): void {
  const sendStatus = call.sendStatus.bind(call);
  call.sendStatus = (status) => {
    observe(status.code, status.details ?? "");
    sendStatus(status);
  };
}

/** The caller's x-request-id when usable, else a new one, written back so the handler echoes the same id. */
function requestIdIn(metadata: Metadata): string {
  const given = metadata.get(REQUEST_ID_HEADER)[0];
  if (typeof given === "string" && given.length > 0 && given.length <= MAX_REQUEST_ID_LENGTH) return given;
  const id = randomUUID();
  metadata.set(REQUEST_ID_HEADER, id);
  return id;
}
