// PII detectors. Emails, URLs and IPs are found inside one token (ITN's
// electronic class writes them as one word); card, SSN and phone numbers are
// digit runs that may span several tokens ("4111 1111 1111 1111",
// "(555) 123-4567") and are classified by digit count, grouping and, for
// cards, the Luhn checksum.
import { fnv1a } from "../../fnv.js";
import type { PiiClass } from "./options.js";

/** A match inside one token's text: [start, end) character offsets. */
export interface InTokenMatch {
  cls: PiiClass;
  start: number;
  end: number;
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const URL_SCHEME = /(?:https?:\/\/|www\.)[^\s"'<>()]+/gi;
const URL_BARE = /(?<![\w@.-])[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:com|org|net|io|ai|edu|gov|co|in|uk|de|dev|app|info)(?:\/[^\s"'<>()]*)?(?![\w-])/gi;
const IPV4 = /(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d]|\.\d)/g;
const IPV6_CANDIDATE = /(?<![\w:])[0-9A-Fa-f:]*:[0-9A-Fa-f:]*:[0-9A-Fa-f:]*(?![\w:])/g;
/** Sentence punctuation a URL match must not swallow. */
const URL_TRAIL = /[.,;:!?]+$/;

function validIpv4(text: string): boolean {
  return text.split(".").every((octet) => Number(octet) <= 255 && (octet === "0" || !octet.startsWith("0")));
}

/** Full 8-group form, or one "::" with fewer groups; at least 3 groups so "1:30" style times never match. */
function validIpv6(text: string): boolean {
  const halves = text.split("::");
  if (halves.length > 2) return false;
  const groups = halves.flatMap((h) => (h === "" ? [] : h.split(":")));
  if (!groups.every((g) => /^[0-9A-Fa-f]{1,4}$/.test(g))) return false;
  return halves.length === 1 ? groups.length === 8 : groups.length >= 2 && groups.length < 8;
}

function collect(re: RegExp, text: string, cls: PiiClass, valid: (s: string) => boolean, out: InTokenMatch[]): void {
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    let s = m[0];
    if (cls === "url") s = s.replace(URL_TRAIL, "");
    if (s !== "" && valid(s)) out.push({ cls, start: m.index, end: m.index + s.length });
  }
}

/** Non-overlapping in-token matches, in order; earlier classes win an overlap (email over url). */
export function findInToken(text: string, enabled: ReadonlySet<PiiClass>): InTokenMatch[] {
  if (!/[@.:]/.test(text)) return [];
  const found: InTokenMatch[] = [];
  const all = () => true;
  if (enabled.has("email") && text.includes("@")) collect(EMAIL, text, "email", all, found);
  if (enabled.has("ip")) {
    collect(IPV4, text, "ip", validIpv4, found);
    if (text.includes(":")) collect(IPV6_CANDIDATE, text, "ip", validIpv6, found);
  }
  if (enabled.has("url")) {
    collect(URL_SCHEME, text, "url", all, found);
    collect(URL_BARE, text, "url", all, found);
  }
  const kept: InTokenMatch[] = [];
  for (const m of found) if (!kept.some((k) => m.start < k.end && k.start < m.end)) kept.push(m);
  return kept.sort((a, b) => a.start - b.start);
}

/** A token that is (part of) a written number: digits with spaces, hyphens, parentheses, maybe a leading "+". */
export interface DigitToken {
  digits: string;
  groups: number[];
  plus: boolean;
  /** Sentence punctuation after the number; it ends the run and is kept in the output. */
  trail: string;
}

const DIGIT_TOKEN = /^(\+?\(?\d[\d ()-]*?)([.,;:?!]*)$/;

export function readDigitToken(text: string): DigitToken | null {
  const m = DIGIT_TOKEN.exec(text);
  if (m === null || !/[\d)]$/.test(m[1]!)) return null;
  const core = m[1]!;
  const groups = core.split(/\D+/).filter((g) => g !== "").map((g) => g.length);
  return { digits: core.replace(/\D/g, ""), groups, plus: core.startsWith("+"), trail: m[2]! };
}

/** The Luhn checksum credit card numbers carry. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

const same = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((x, i) => x === b[i]);
const oneOf = (g: readonly number[], shapes: ReadonlyArray<readonly number[]>) => shapes.some((s) => same(g, s));

/**
 * What a run of digit tokens is, joined: a card (13-19 digits, Luhn-valid,
 * grouped 4-6 or unbroken), an SSN-like id (ddd-dd-dddd, or nine digits said
 * in one go, with the SSA's impossible areas excluded), or a phone number
 * (NANP shapes, 555-1234, or "+" and 8-15 digits). Grouping keeps lists of
 * years ("1990 1991 1992") from reading as phones.
 */
export function classifyDigits(parts: readonly DigitToken[], enabled: ReadonlySet<PiiClass>): PiiClass | null {
  const digits = parts.map((p) => p.digits).join("");
  const groups = parts.flatMap((p) => p.groups);
  const plus = parts[0]!.plus;
  if (parts.slice(1).some((p) => p.plus)) return null;
  const n = digits.length;
  if (enabled.has("credit_card") && !plus && n >= 13 && n <= 19 && luhnValid(digits)) {
    if (groups.length === 1 || groups.every((g) => g >= 4 && g <= 6)) return "credit_card";
  }
  if (enabled.has("ssn") && !plus && n === 9 && oneOf(groups, [[3, 2, 4], [9]])) {
    const area = digits.slice(0, 3);
    if (area !== "000" && area !== "666" && area[0] !== "9" && digits.slice(3, 5) !== "00" && digits.slice(5) !== "0000") return "ssn";
  }
  if (enabled.has("phone")) {
    if (plus) return n >= 8 && n <= 15 ? "phone" : null;
    if (n === 10 && oneOf(groups, [[10], [3, 3, 4], [3, 7], [6, 4]])) return "phone";
    if (n === 11 && digits[0] === "1" && oneOf(groups, [[11], [1, 3, 3, 4], [1, 10], [4, 3, 4]])) return "phone";
    if (n === 7 && oneOf(groups, [[3, 4]])) return "phone";
  }
  return null;
}

/**
 * A short stable hash (32-bit FNV-1a, 8 hex digits) — pure code, no crypto
 * import in the pipeline. It links repeats of the same value; it is NOT a
 * secure pseudonym: unsalted and short, a phone or SSN can be recovered by
 * trying every value. Use `tag` or `mask` where that matters.
 */
export function shortHash(text: string): string {
  return fnv1a(text).toString(16).padStart(8, "0");
}
