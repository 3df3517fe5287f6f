// gRPC errors in the richer error model: a status code, a message, and
// google.rpc details (field violations, retry info) in the standard
// `grpc-status-details-bin` trailer that every gRPC client library decodes.
import { Metadata, status as GrpcStatus, type ServiceError } from "@grpc/grpc-js";
import { BadRequest, RetryInfo, type BadRequest_FieldViolation } from "../gen/google/rpc/error_details.js";
import { Status } from "../gen/google/rpc/status.js";

export type FieldViolation = Pick<BadRequest_FieldViolation, "field" | "description"> & { reason?: string };

const BAD_REQUEST_TYPE = "type.googleapis.com/google.rpc.BadRequest";
const RETRY_INFO_TYPE = "type.googleapis.com/google.rpc.RetryInfo";

/** The google.rpc.Status for a list of field violations. */
export function badRequestStatus(message: string, violations: FieldViolation[]): Status {
  const badRequest = BadRequest.encode({
    fieldViolations: violations.map((v) => ({
      field: v.field,
      description: v.description,
      reason: v.reason ?? "",
      localizedMessage: undefined,
    })),
  }).finish();
  return {
    code: GrpcStatus.INVALID_ARGUMENT,
    message,
    details: [{ typeUrl: BAD_REQUEST_TYPE, value: Buffer.from(badRequest) }],
  };
}

/** The google.rpc.Status for a refusal the caller may retry after `retryAfterMs`. */
export function retryInfoStatus(code: GrpcStatus, message: string, retryAfterMs: number): Status {
  const retryInfo = RetryInfo.encode({
    retryDelay: { seconds: Math.floor(retryAfterMs / 1000), nanos: (retryAfterMs % 1000) * 1_000_000 },
  }).finish();
  return { code, message, details: [{ typeUrl: RETRY_INFO_TYPE, value: Buffer.from(retryInfo) }] };
}

/** Trailers carrying a rich status in `grpc-status-details-bin`. */
export function statusDetailsMetadata(richStatus: Status): Metadata {
  const metadata = new Metadata();
  metadata.set("grpc-status-details-bin", Buffer.from(Status.encode(richStatus).finish()));
  return metadata;
}

/** The retry delay in a call's trailers (google.rpc.RetryInfo), in ms; undefined when there is none. */
export function decodeRetryDelayMs(metadata: Metadata | undefined): number | undefined {
  const raw = metadata?.get("grpc-status-details-bin")[0];
  if (!raw || typeof raw === "string") return undefined;
  const detail = Status.decode(raw).details.find((d) => d.typeUrl === RETRY_INFO_TYPE);
  const delay = detail ? RetryInfo.decode(detail.value).retryDelay : undefined;
  return delay ? Number(delay.seconds) * 1000 + Math.round(delay.nanos / 1_000_000) : undefined;
}

/** An error object grpc-js turns into the call's final status and trailers. */
export class RpcError extends Error implements Partial<ServiceError> {
  readonly metadata: Metadata;
  readonly details: string;

  constructor(
    readonly code: GrpcStatus,
    message: string,
    richStatus?: Status,
  ) {
    super(message);
    this.name = "RpcError";
    this.details = message;
    this.metadata = new Metadata();
    if (richStatus) this.metadata.set("grpc-status-details-bin", Buffer.from(Status.encode(richStatus).finish()));
  }
}

export function invalidArgument(message: string, violations: FieldViolation[]): RpcError {
  return new RpcError(GrpcStatus.INVALID_ARGUMENT, message, badRequestStatus(message, violations));
}

/** Field violations decoded from a call's trailers (for clients and tests). */
export function decodeFieldViolations(metadata: Metadata | undefined): BadRequest_FieldViolation[] {
  const raw = metadata?.get("grpc-status-details-bin")[0];
  if (!raw || typeof raw === "string") return [];
  const status = Status.decode(raw);
  return status.details
    .filter((d) => d.typeUrl === BAD_REQUEST_TYPE)
    .flatMap((d) => BadRequest.decode(d.value).fieldViolations);
}

export function decodeBadRequest(status: Status | undefined): BadRequest_FieldViolation[] {
  if (!status) return [];
  return status.details
    .filter((d) => d.typeUrl === BAD_REQUEST_TYPE)
    .flatMap((d) => BadRequest.decode(d.value).fieldViolations);
}
