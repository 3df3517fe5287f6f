// One call's security facts, shared along its way: the audit interceptor
// creates it when the call's metadata arrives, the gate fills in who is
// calling, the handler the ids it touched and its counts, and the audit
// interceptor reads it all into the call's record when it ends. Keyed by the
// call's Metadata object, which grpc-js passes from interceptor to
// interceptor to handler unchanged; a client cannot forge it (it is not a
// header).
import type { Metadata } from "@grpc/grpc-js";

export interface CallContext {
  readonly requestId: string;
  /** JWT `sub`; null until authenticated, for public methods and when auth is off. */
  subject: string | null;
  roles: readonly string[];
  /** Stream id, session id, … (small, bounded). */
  readonly resourceIds: Record<string, string>;
  /** The call's figures (a stream's segment counts), read into its audit record when it ends. */
  counts: (() => Readonly<Record<string, number>>) | undefined;
}

const contexts = new WeakMap<Metadata, CallContext>();

export function createCallContext(metadata: Metadata, requestId: string): CallContext {
  const context: CallContext = { requestId, subject: null, roles: [], resourceIds: {}, counts: undefined };
  contexts.set(metadata, context);
  return context;
}

export function callContextOf(metadata: Metadata): CallContext | undefined {
  return contexts.get(metadata);
}
