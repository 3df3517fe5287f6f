// Decides whether a call may run, in order: is the method public; is the
// bearer token valid and not revoked (UNAUTHENTICATED); do the caller's roles
// grant the method's permission (PERMISSION_DENIED, naming it); is the
// subject within its rate (RESOURCE_EXHAUSTED with a retry delay) and, for
// streams, its concurrent-stream limit. Runs once per call: a stream's
// messages are never re-checked.
import { status } from "@grpc/grpc-js";
import type { LipiConfig } from "../config/schema.js";
import { KeysUnavailable, TokenRejected, type TokenVerifier } from "./jwt.js";
import type { RateLimiter } from "./rate-limit.js";
import { accessFor, PUBLIC, rolesGrant } from "./rbac.js";
import type { RevocationList } from "./revocation-list.js";
import type { StreamSlots } from "./stream-slots.js";

export interface Principal {
  subject: string;
  roles: readonly string[];
}

export interface CallMethod {
  path: string;
  requestStream: boolean;
  responseStream: boolean;
}

export type Admission =
  | { allowed: true; principal: Principal | null; release(): void }
  | { allowed: false; principal: Principal | null; code: status; message: string; retryAfterMs?: number };

export interface CallGateDeps {
  auth: LipiConfig["auth"];
  limits: LipiConfig["limits"];
  /** Absent when auth is off. */
  verifier: TokenVerifier | undefined;
  revocations: RevocationList | undefined;
  rateLimiter: RateLimiter;
  streamSlots: StreamSlots;
}

const BEARER = /^Bearer +([A-Za-z0-9._~+/=-]+) *$/i;
const nothingToRelease = () => undefined;

export class CallGate {
  constructor(private readonly deps: CallGateDeps) {}

  async admit(method: CallMethod, authorization: string | undefined, peer: string): Promise<Admission> {
    const { auth } = this.deps;
    const access = accessFor(method.path, { publicReflection: auth.reflection === "public" });
    if (access === PUBLIC) return { allowed: true, principal: null, release: nothingToRelease };

    let principal: Principal | null = null;
    if (auth.enabled) {
      const authenticated = await this.authenticate(authorization);
      if ("denied" in authenticated) return authenticated.denied;
      principal = authenticated.principal;
      if (access === undefined) {
        return deny(principal, status.PERMISSION_DENIED, `${method.path} has no entry in the permission table; denied to every role`);
      }
      if (!rolesGrant(principal.roles, access)) {
        const roles = principal.roles.length ? principal.roles.join(", ") : "none";
        return deny(principal, status.PERMISSION_DENIED, `${method.path} needs permission ${access}; the caller's roles (${roles}) do not grant it`);
      }
    }

    // Without authentication, limits apply per client address.
    const limitKey = principal ? `sub:${principal.subject}` : `peer:${hostOf(peer)}`;
    const rate = await this.deps.rateLimiter.take(limitKey);
    if (!rate.allowed) {
      const { callsPerSecond, burst } = this.deps.limits.rate;
      return {
        ...deny(principal, status.RESOURCE_EXHAUSTED, `rate limit exceeded (${callsPerSecond} calls/s, burst ${burst}); retry in ${rate.retryAfterMs} ms`),
        retryAfterMs: rate.retryAfterMs,
      };
    }
    if (!method.requestStream && !method.responseStream) return { allowed: true, principal, release: nothingToRelease };
    const release = this.deps.streamSlots.acquire(limitKey);
    if (!release) {
      const max = this.deps.limits.maxConcurrentStreamsPerSubject;
      return deny(principal, status.RESOURCE_EXHAUSTED, `too many concurrent streams: the limit is ${max} per subject`);
    }
    return { allowed: true, principal, release };
  }

  private async authenticate(authorization: string | undefined): Promise<{ principal: Principal } | { denied: Admission }> {
    if (authorization === undefined || authorization === "") {
      return { denied: deny(null, status.UNAUTHENTICATED, "missing bearer token (authorization metadata)") };
    }
    const match = BEARER.exec(authorization);
    if (!match) return { denied: deny(null, status.UNAUTHENTICATED, 'authorization must be "Bearer <JWT>"') };
    try {
      const token = await this.deps.verifier!.verify(match[1]!);
      if (token.jti !== undefined && this.deps.revocations?.has(token.jti)) {
        return { denied: deny({ subject: token.subject, roles: token.roles }, status.UNAUTHENTICATED, "token revoked") };
      }
      return { principal: { subject: token.subject, roles: token.roles } };
    } catch (err) {
      if (err instanceof TokenRejected) return { denied: deny(null, status.UNAUTHENTICATED, `invalid token: ${err.reason}`) };
      if (err instanceof KeysUnavailable) return { denied: deny(null, status.UNAVAILABLE, err.message) };
      throw err;
    }
  }
}

type Denial = Extract<Admission, { allowed: false }>;

function deny(principal: Principal | null, code: status, message: string): Denial {
  return { allowed: false, principal, code, message };
}

/** "ipv4:10.0.0.7:51234" / "10.0.0.7:51234" / "[::1]:51234" → the address without the port. */
function hostOf(peer: string): string {
  const bare = peer.replace(/^ipv[46]:/, "");
  const colon = bare.lastIndexOf(":");
  return colon > 0 ? bare.slice(0, colon) : bare;
}
