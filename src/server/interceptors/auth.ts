// Authentication, RBAC and limits, through the CallGate, before the handler
// sees anything: an admitted call goes on with its caller recorded in the
// call context; a refused one ends here with the gate's status (and, for a
// rate limit, google.rpc.RetryInfo). It sits after the metrics interceptor,
// so refusals are counted with their codes, and the audit interceptor
// records them.
import {
  Metadata,
  ServerInterceptingCall,
  status as GrpcStatus,
  type ServerInterceptor,
} from "@grpc/grpc-js";
import { callContextOf, createCallContext } from "../../security/call-context.js";
import type { CallGate } from "../../security/gate.js";
import type { Logger } from "../../telemetry/logger.js";
import { retryInfoStatus, statusDetailsMetadata } from "../errors.js";
import { REQUEST_ID_HEADER } from "../request-id.js";

export interface AuthInterceptorDeps {
  gate: CallGate;
  logger: Logger;
}

export function authInterceptor(deps: AuthInterceptorDeps): ServerInterceptor {
  const log = deps.logger.child({ component: "auth" });
  return (method, call) => {
    const peer = call.getPeer();
    let release: (() => void) | undefined;
    let ended = false;
    return new ServerInterceptingCall(call, {
      start(next) {
        next({
          onReceiveMetadata(metadata, nextMetadata) {
            const context = callContextOf(metadata) ?? createCallContext(metadata, "");
            const authorization = metadata.get("authorization")[0];
            // The handler never needs the token; keep it out of its reach and its logs.
            metadata.remove("authorization");
            deps.gate
              .admit(method, typeof authorization === "string" ? authorization : undefined, peer)
              .then((admission) => {
                context.subject = admission.principal?.subject ?? null;
                context.roles = admission.principal?.roles ?? [];
                if (admission.allowed) {
                  if (ended) {
                    admission.release();
                    return;
                  }
                  release = admission.release;
                  nextMetadata(metadata);
                  return;
                }
                if (ended) return;
                const trailers =
                  admission.retryAfterMs !== undefined
                    ? statusDetailsMetadata(retryInfoStatus(admission.code, admission.message, admission.retryAfterMs))
                    : new Metadata();
                if (context.requestId) trailers.set(REQUEST_ID_HEADER, context.requestId);
                log.info({ method: method.path, code: admission.code, reason: admission.message, peer, request: context.requestId }, "call denied");
                call.sendStatus({ code: admission.code, details: admission.message, metadata: trailers });
              })
              .catch((err: unknown) => {
                log.error({ err, method: method.path }, "authorisation failed");
                if (!ended) call.sendStatus({ code: GrpcStatus.INTERNAL, details: "authorisation failed", metadata: new Metadata() });
              });
          },
          // Every call ends here, whatever its status (grpc-js calls this after
          // every status it sends, and when the client goes away).
          onCancel: () => {
            ended = true;
            release?.();
          },
        });
      },
    });
  };
}
