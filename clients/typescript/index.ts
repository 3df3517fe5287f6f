// The TypeScript SDK: the generated messages and client (ts-proto, grpc-js)
// plus a thin streaming wrapper. Both live in src/ so the server's own CLI
// uses exactly what clients get.
export * from "../../src/gen/lipi/v1/transcript.js";
export { LipiClient, bearerTokenInterceptor, segment, streamConfig, type ConfigDraft, type LipiClientOptions, type SegmentDraft } from "../../src/client/lipi-client.js";
export { decodeBadRequest, decodeFieldViolations, decodeRetryDelayMs } from "../../src/server/errors.js";
