// Numbers spoken across two final segments ("4111 1111" | "1111 1111"). The
// stage keeps, in its per-stream state slot, the digit tokens that ended the
// previous final segment unredacted (bounded: a few tokens, at most 19
// digits). When the current segment's leading digits complete a card, SSN or
// phone number together with that tail — and do not read as one on their
// own — the current part is redacted and the segment flagged. The previous
// segment has already been sent, so its part cannot be masked any more: that
// is stated in the flag, honestly, rather than hidden.
import type { PiiClass } from "./options.js";
import type { DigitToken } from "./pii.js";

const STATE_VERSION = 1;
const MAX_TAIL_TOKENS = 6;
const MAX_TAIL_DIGITS = 19;

interface TailEntry {
  digits: string;
  groups: number[];
  plus: boolean;
}

export interface RedactionState {
  v: number;
  tail: TailEntry[];
}

export interface CrossMatch {
  /** Tokens [0, end) of the current segment belong to the number. */
  end: number;
  cls: PiiClass;
  /** The whole number's digits (tail + current), for a stable hash. */
  digits: string;
}

function isEntry(x: unknown): x is TailEntry {
  const e = x as TailEntry;
  return (
    typeof e === "object" && e !== null && typeof e.digits === "string" && /^\d+$/.test(e.digits) &&
    Array.isArray(e.groups) && e.groups.every((g) => Number.isInteger(g) && g > 0) && typeof e.plus === "boolean"
  );
}

/** The slot as this stage left it, or a fresh state for anything else (another version, a foreign shape). */
export function readState(slot: unknown): RedactionState {
  const s = slot as Partial<RedactionState> | undefined;
  if (typeof s !== "object" || s === null || s.v !== STATE_VERSION || !Array.isArray(s.tail) || !s.tail.every(isEntry)) {
    return { v: STATE_VERSION, tail: [] };
  }
  return { v: STATE_VERSION, tail: s.tail.slice(-MAX_TAIL_TOKENS) };
}

const asToken = (e: TailEntry): DigitToken => ({ digits: e.digits, groups: e.groups, plus: e.plus, trail: "" });

/** Exclusive end of the digit run that opens the segment (0 when it does not open with digits). */
function leadingRun(dts: ReadonlyArray<DigitToken | null>, maxTokens: number): number {
  let end = 0;
  while (end < dts.length && end < maxTokens && dts[end] !== null && !(end > 0 && (dts[end]!.plus || dts[end - 1]!.trail !== ""))) end++;
  return end;
}

export function crossSegmentMatch(
  state: RedactionState,
  dts: ReadonlyArray<DigitToken | null>,
  classify: (parts: readonly DigitToken[]) => PiiClass | null,
  maxTokens: number,
): CrossMatch | null {
  const limit = leadingRun(dts, maxTokens);
  if (state.tail.length === 0 || limit === 0) return null;
  const current = dts.slice(0, limit) as DigitToken[];
  // Leading digits that are a number on their own are this segment's number.
  for (let end = limit; end > 0; end--) if (classify(current.slice(0, end)) !== null) return null;
  for (let k = state.tail.length; k > 0; k--) {
    const tail = state.tail.slice(-k).map(asToken);
    for (let end = Math.min(limit, maxTokens - k); end > 0; end--) {
      const parts = [...tail, ...current.slice(0, end)];
      const digits = parts.map((p) => p.digits).join("");
      // Digits said across a pause have no written grouping: "4932" | "938528573815" is one card number.
      const cls = classify(parts) ?? classify([{ digits, groups: [digits.length], plus: parts[0]!.plus, trail: "" }]);
      if (cls !== null) return { end, cls, digits };
    }
  }
  return null;
}

/**
 * The state after a final segment: its trailing unredacted digit tokens (none
 * when it ends in sentence punctuation or a match). A segment that is all
 * unmatched digits extends the previous tail ("4111" | "1111" | "1111 1111").
 */
export function nextState(prev: RedactionState, dts: ReadonlyArray<DigitToken | null>, matchedUpTo: number, crossMatched: boolean): RedactionState {
  const last = dts.length - 1;
  let start = dts.length;
  if (last >= 0 && dts[last] !== null && dts[last]!.trail === "") {
    start = last;
    while (start > matchedUpTo && !dts[start]!.plus && dts[start - 1] !== null && dts[start - 1]!.trail === "") start--;
  }
  const own: TailEntry[] = (dts.slice(start) as DigitToken[]).map((d) => ({ digits: d.digits, groups: [...d.groups], plus: d.plus }));
  let tail = start === 0 && !crossMatched && own.length > 0 && !own[0]!.plus ? [...prev.tail, ...own] : own;
  tail = tail.slice(-MAX_TAIL_TOKENS);
  while (tail.reduce((n, e) => n + e.digits.length, 0) > MAX_TAIL_DIGITS) tail = tail.slice(1);
  return { v: STATE_VERSION, tail };
}
