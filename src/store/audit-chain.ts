// The audit log's hash chain: how an entry becomes a stored record, the
// record's canonical serialisation, and the hash that links it to the one
// before. Pure (no I/O): the writer (audit-log.ts) and the verifier
// (audit-verify.ts) both hash through here, so they can never disagree.
//
// Canonical form (version "lipi.audit.v1"): the UTF-8 of the JSON array
//
//   ["lipi.audit.v1", seq, at, subject, roles, method, resourceIds, code,
//    message, durationMs, peer, requestId, counts]
//
// with these types, in this order (an array, so no key order is involved):
//   seq          integer (JSON number)
//   at           string, UTC with microseconds: "2026-11-26T01:16:24.123000Z"
//   subject      string or null
//   roles        array of strings, in the order given
//   method       string
//   resourceIds  array of [key, value] string pairs, sorted by key (code units)
//   code         integer (gRPC status code)
//   message      string
//   durationMs   number, rounded to 3 decimals (microseconds)
//   peer         string
//   requestId    string
//   counts       array of [key, number] pairs sorted by key, or null
// Numbers are written as JavaScript's JSON.stringify writes them (shortest
// round-trip form); strings with JSON's escapes.
//
//   hash = lowercase hex SHA-256( prevHash + "\n" + canonical )
//
// where prevHash is the previous record's hash (64 zeros before seq 1). A
// record's hash thus covers its own position (seq), its content and, through
// prevHash, everything written before it.
import { createHash } from "node:crypto";
import type { AuditEntry } from "../security/audit-entry.js";

export const CANONICAL_VERSION = "lipi.audit.v1";
export const GENESIS_HASH = "0".repeat(64);

/** What is stored for one entry, apart from its place in the chain. Bounded and database-safe. */
export interface AuditContent {
  /** UTC with microseconds, e.g. "2026-11-26T01:16:24.123000Z" (the form the database returns it in). */
  at: string;
  subject: string | null;
  roles: string[];
  method: string;
  resourceIds: Record<string, string>;
  code: number;
  message: string;
  durationMs: number;
  peer: string;
  requestId: string;
  counts: Record<string, number> | null;
}

/** A stored record: content, position and links. */
export interface AuditRecordRow extends AuditContent {
  seq: number;
  prevHash: string;
  hash: string;
}

// Bounds: one record stays a few KB however large the call's metadata was.
const MAX_SHORT_TEXT = 256;
const MAX_REQUEST_ID = 128;
const MAX_MESSAGE = 2_048;
const MAX_ROLES = 32;
const MAX_ROLE = 64;
const MAX_MAP_ENTRIES = 32;
const MAX_KEY = 64;
/** 9999-12-31T23:59:59.999Z: beyond it JavaScript and PostgreSQL print years differently. */
const MAX_TIME = 253_402_300_799_999;

/**
 * Turns an entry as the interceptors produced it into what is stored:
 * strings cut to their bounds, made valid Unicode and free of U+0000 (which
 * PostgreSQL text cannot hold), non-finite numbers dropped, the duration
 * rounded to microseconds. Storing exactly this is what makes the stored row
 * hash the same when read back.
 */
export function toAuditContent(entry: AuditEntry): AuditContent {
  const at = entry.at instanceof Date && entry.at.getTime() >= 0 && entry.at.getTime() <= MAX_TIME ? entry.at : new Date();
  return {
    at: canonicalTime(at),
    subject: entry.subject === null || entry.subject === undefined ? null : cleanText(entry.subject, MAX_SHORT_TEXT),
    roles: (entry.roles ?? []).slice(0, MAX_ROLES).map((role) => cleanText(String(role), MAX_ROLE)),
    method: cleanText(entry.method ?? "", MAX_SHORT_TEXT),
    resourceIds: cleanMap(entry.resourceIds ?? {}, (value) => (typeof value === "string" ? cleanText(value, MAX_SHORT_TEXT) : undefined)),
    code: Number.isInteger(entry.code) ? entry.code : -1,
    message: cleanText(entry.message ?? "", MAX_MESSAGE),
    durationMs: roundMicros(Number.isFinite(entry.durationMs) ? Math.max(0, entry.durationMs) : 0),
    peer: cleanText(entry.peer ?? "", MAX_SHORT_TEXT),
    requestId: cleanText(entry.requestId ?? "", MAX_REQUEST_ID),
    counts:
      entry.counts === undefined
        ? null
        : cleanMap(entry.counts, (value) => (typeof value === "number" && Number.isFinite(value) ? value : undefined)),
  };
}

/** The canonical serialisation (see the top of this file). */
export function canonicalRecord(seq: number, content: AuditContent): string {
  return JSON.stringify([
    CANONICAL_VERSION,
    seq,
    content.at,
    content.subject,
    content.roles,
    content.method,
    sortedPairs(content.resourceIds),
    content.code,
    content.message,
    content.durationMs,
    content.peer,
    content.requestId,
    content.counts === null ? null : sortedPairs(content.counts),
  ]);
}

export function chainHash(prevHash: string, seq: number, content: AuditContent): string {
  return createHash("sha256").update(`${prevHash}\n${canonicalRecord(seq, content)}`, "utf8").digest("hex");
}

/** Links contents onto a chain whose head is (seq, hash); returns the records in order. */
export function chainRecords(head: { seq: number; hash: string }, contents: readonly AuditContent[]): AuditRecordRow[] {
  const records: AuditRecordRow[] = [];
  let prevHash = head.hash;
  let seq = head.seq;
  for (const content of contents) {
    seq++;
    const hash = chainHash(prevHash, seq, content);
    records.push({ ...content, seq, prevHash, hash });
    prevHash = hash;
  }
  return records;
}

/** "2026-11-26T01:16:24.123000Z": a JavaScript Date has milliseconds, the database microseconds. */
export function canonicalTime(at: Date): string {
  return at.toISOString().replace(/Z$/, "000Z");
}

function roundMicros(ms: number): number {
  return Math.round(ms * 1_000) / 1_000;
}

function sortedPairs<V>(map: Record<string, V>): Array<[string, V]> {
  return Object.keys(map)
    .sort()
    .map((key) => [key, map[key]!]);
}

function cleanMap<V>(map: Readonly<Record<string, unknown>>, clean: (value: unknown) => V | undefined): Record<string, V> {
  const out: Record<string, V> = {};
  let entries = 0;
  for (const [key, raw] of Object.entries(map)) {
    if (entries >= MAX_MAP_ENTRIES) break;
    const value = clean(raw);
    if (value === undefined) continue;
    out[cleanText(key, MAX_KEY)] = value;
    entries++;
  }
  return out;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Cut to `max` code units, then lone surrogates and U+0000 become U+FFFD (the driver would otherwise change them). */
function cleanText(text: string, max: number): string {
  const cut = text.length > max ? text.slice(0, max) : text;
  return cut.replace(LONE_SURROGATE, "\uFFFD").replaceAll("\u0000", "\uFFFD");
}
