// Who may call what: the role → permission grants and the method →
// permission table. This table is the single source of truth for
// authorisation; a method that is not in it is denied to everyone (a test
// checks that every method the server registers has a row).
import { AuditServiceService } from "../gen/lipi/v1/audit.js";
import { TranscriptServiceService } from "../gen/lipi/v1/transcript.js";

export const ROLES = ["admin", "operator", "reviewer", "viewer"] as const;
export type Role = (typeof ROLES)[number];

/** What a method needs. `public` methods need no token at all. */
export const PERMISSIONS = [
  "transcripts.process",
  "transcripts.read",
  "jobs.submit",
  "jobs.read",
  "review.decide",
  "review.read",
  "lexicons.draft",
  "lexicons.activate",
  "lexicons.read",
  "metrics.read",
  "config.write",
  "audit.read",
  "audit.verify",
  "reflection.read",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** ARCHITECTURE.md, Roles: admin everything; operator runs the work; reviewer decides; viewer reads. */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  admin: PERMISSIONS,
  operator: ["transcripts.process", "transcripts.read", "jobs.submit", "jobs.read", "lexicons.draft", "lexicons.read", "metrics.read", "reflection.read"],
  reviewer: ["review.decide", "review.read", "transcripts.read", "jobs.read", "reflection.read"],
  viewer: ["transcripts.read", "jobs.read", "lexicons.read", "review.read", "reflection.read"],
};

export const PUBLIC = "public" as const;
export type MethodAccess = Permission | typeof PUBLIC;

const HEALTH = "/grpc.health.v1.Health";
const REFLECTION_V1 = "/grpc.reflection.v1.ServerReflection/ServerReflectionInfo";
const REFLECTION_V1ALPHA = "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo";

/** Reflection's permission; `auth.reflection: public` lifts it (see accessFor). */
export const REFLECTION_METHODS: ReadonlySet<string> = new Set([REFLECTION_V1, REFLECTION_V1ALPHA]);

/** Full method path → what it needs. */
export const METHOD_ACCESS: Readonly<Record<string, MethodAccess>> = {
  [TranscriptServiceService.streamProcess.path]: "transcripts.process",
  [TranscriptServiceService.process.path]: "transcripts.process",
  // Admin only: the log names every caller, and verification reads all of it.
  [AuditServiceService.queryAuditLog.path]: "audit.read",
  [AuditServiceService.verifyAuditLog.path]: "audit.verify",
  // Load balancers check health without credentials.
  [`${HEALTH}/Check`]: PUBLIC,
  [`${HEALTH}/Watch`]: PUBLIC,
  [`${HEALTH}/List`]: PUBLIC,
  [REFLECTION_V1]: "reflection.read",
  [REFLECTION_V1ALPHA]: "reflection.read",
};

export interface AccessOptions {
  /** Reflection without a token (dev) instead of with any role (production). */
  publicReflection: boolean;
}

/** What a method needs, or undefined when the table has no row for it (deny). */
export function accessFor(path: string, options: AccessOptions): MethodAccess | undefined {
  if (options.publicReflection && REFLECTION_METHODS.has(path)) return PUBLIC;
  return METHOD_ACCESS[path];
}

function isRole(role: string): role is Role {
  return (ROLES as readonly string[]).includes(role);
}

const GRANTS: ReadonlyMap<Role, ReadonlySet<Permission>> = new Map(ROLES.map((role) => [role, new Set(ROLE_PERMISSIONS[role])]));

/** True when any of the roles grants the permission; unknown roles grant nothing. */
export function rolesGrant(roles: readonly string[], permission: Permission): boolean {
  return roles.some((role) => isRole(role) && GRANTS.get(role)!.has(permission));
}
