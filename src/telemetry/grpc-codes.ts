// gRPC status code names as go-grpc-prometheus writes them in the grpc_code
// label (Go's codes.Code.String()), so dashboards and alerts written for Go
// services match lipi's series unchanged.
const CODE_NAMES: readonly string[] = [
  "OK", "Canceled", "Unknown", "InvalidArgument", "DeadlineExceeded", "NotFound", "AlreadyExists", "PermissionDenied",
  "ResourceExhausted", "FailedPrecondition", "Aborted", "OutOfRange", "Unimplemented", "Internal", "Unavailable",
  "DataLoss", "Unauthenticated",
];

export function grpcCodeName(code: number): string {
  return CODE_NAMES[code] ?? `Code(${code})`;
}
