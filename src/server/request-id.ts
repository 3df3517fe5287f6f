// Every call gets a request id: the caller's `x-request-id` when it sends
// one (so a trace crosses Envoy and lipi), otherwise a new one. It goes into
// every log line about the call and back to the caller in the headers.
import { randomUUID } from "node:crypto";
import { Metadata, type ServerDuplexStream, type ServerUnaryCall } from "@grpc/grpc-js";

export const REQUEST_ID_HEADER = "x-request-id";
const MAX_LENGTH = 128;

export function requestIdOf(call: ServerUnaryCall<unknown, unknown> | ServerDuplexStream<unknown, unknown>): string {
  const given = call.metadata.get(REQUEST_ID_HEADER)[0];
  const id = typeof given === "string" && given.length > 0 && given.length <= MAX_LENGTH ? given : randomUUID();
  const headers = new Metadata();
  headers.set(REQUEST_ID_HEADER, id);
  call.sendMetadata(headers);
  return id;
}
