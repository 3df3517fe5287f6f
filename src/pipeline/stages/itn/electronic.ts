// electronic: e-mail addresses and web addresses spelled out — "a dot b c at
// g mail dot com" -> "a.bc@gmail.com", "h t t p colon slash slash w w w dot …"
// -> "http://www.…", "kore dot ai" -> "kore.ai". Guarded for prose: labels may
// not be function words ("look at the dot com boom"), and a bare domain needs
// a known top-level domain.
import { digitOf } from "./numbers.js";
import { matchPhrase } from "./tables.js";
import { followsNumber, isNumberAt, REFERENCE_WORDS, type ClassMatcher, type MatchContext } from "./span.js";

const CONFIDENCE = 0.8;
const CONNECTORS = new Map([["dot", "."], ["hyphen", "-"], ["dash", "-"], ["underscore", "_"]]);
const FUNCTION_WORDS = new Set([
  "the", "a", "an", "this", "that", "these", "those", "my", "your", "his", "her", "its", "our", "their",
  "at", "in", "on", "of", "to", "for", "and", "or", "with", "by", "from", "is", "was", "it", "we", "you", "i",
  // Pronouns and verbs that come before "at" in prose: "email me at …", "we met at noon dot com".
  "me", "us", "him", "them", "he", "she", "they", "are", "were", "be", "am", "been", "met", "meet", "arrive", "arrived", "look", "looked",
]);
const LETTER_WORD = /^\p{L}+$/u;
/** Nouns said before "at" and an address, never a mailbox: "our website at corporate dot monroe dot com". */
const WEB_PLACES = new Set(["website", "websites", "site", "webpage", "homepage", "page", "portal", "web", "online", "blog", "webcast"]);
/** Punctuation said by name ends an address: "slash two seven semicolon p d f" is ".../27" then ";". */
const PUNCTUATION_NAMES = new Set(["semicolon", "comma", "period", "colon"]);
const DIGIT_CHAR = /^\d$/;

interface Piece {
  text: string;
  end: number;
  /** Built from single spelled letters/digits only. */
  spelled: boolean;
}

/** The words that join an address's parts: never a part themselves. */
function isAddressWord(w: string): boolean {
  return CONNECTORS.has(w) || w === "at" || w === "slash" || w === "colon";
}

/** A single spelled character: a letter or a digit word. */
function charAt(c: MatchContext, k: number): string | null {
  const w = c.words[k]!;
  const d = digitOf(c.t, w);
  if (d !== undefined && w !== "o") return String(d);
  return w.length === 1 && LETTER_WORD.test(w) ? c.raw[k]! : null;
}

/**
 * A label: spelled characters, then at most one whole word, up to the next
 * connector ("g mail", "o u r d a i l y", "n vidia"). Nothing joins a label
 * after a whole word: "dot com please" is "com" then prose, and a label must
 * not depend on whether a later word is still spelled out ("com twelfth" vs
 * "com 12th", "com two" vs "com 2").
 * `ends` lists every word boundary inside the label where it could also stop.
 */
function readLabel(c: MatchContext, i: number, end: number, allowWords: boolean): (Piece & { ends: Array<{ end: number; text: string }> }) | null {
  let text = "";
  let spelled = true;
  let lastWasWord = false;
  const ends: Array<{ end: number; text: string }> = [];
  let k = i;
  // A known name said in pieces is written the known way, whatever case its letters came in.
  const known = allowWords ? matchPhrase(c.t.domains, c.words, i, end) : null;
  if (known !== null && known.end > i + 1) {
    text = known.value;
    spelled = false;
    lastWasWord = true;
    k = known.end;
    ends.push({ end: k, text });
  }
  for (; k < end; k++) {
    const w = c.words[k]!;
    if (CONNECTORS.has(w) || w === "at" || w === "slash" || w === "colon") break;
    let ch = lastWasWord ? null : charAt(c, k);
    // "two seven nine nine o two seven": an "o" between spelled digits is a zero.
    if (ch !== null && w === "o" && DIGIT_CHAR.test(text.at(-1) ?? "") && k + 1 < end && DIGIT_CHAR.test(charAt(c, k + 1) ?? "")) ch = "0";
    if (ch !== null) {
      text += ch;
      lastWasWord = false;
    } else if (allowWords && !lastWasWord && LETTER_WORD.test(w) && !FUNCTION_WORDS.has(w) && !PUNCTUATION_NAMES.has(w)) {
      text += c.raw[k]!;
      spelled = false;
      lastWasWord = true;
    } else break;
    ends.push({ end: k + 1, text });
  }
  if (text === "") return null;
  // "W w w" is the www prefix, however the first letter came out.
  return { text: spelled && text.toLowerCase() === "www" ? "www" : text, end: k, spelled, ends };
}

/**
 * One part of the name before "@": spelled characters ("j s m i t h"), or a
 * word, with spelled digits right after it ("smith one two three").
 */
function readUserLabel(c: MatchContext, i: number, end: number): Piece | null {
  const spelled = readLabel(c, i, end, false);
  if (spelled !== null) return spelled;
  const w = c.words[i];
  if (i >= end || w === undefined || !LETTER_WORD.test(w) || FUNCTION_WORDS.has(w) || WEB_PLACES.has(w) || isAddressWord(w)) return null;
  // Digits only: spelled letters after a word are prose as often as not ("write a at …").
  const tail = readLabel(c, i + 1, end, false);
  return tail === null || !/^\d+$/.test(tail.text) ? { text: c.raw[i]!, end: i + 1, spelled: false } : { text: c.raw[i]! + tail.text, end: tail.end, spelled: false };
}

/** The part before "@": its parts joined by the connectors said ("john dot smith", "a underscore b"). */
function readUser(c: MatchContext, i: number, end: number): Piece | null {
  const first = readUserLabel(c, i, end);
  if (first === null) return null;
  let text = first.text;
  let k = first.end;
  while (k + 1 < end && CONNECTORS.has(c.words[k]!)) {
    const next = readUserLabel(c, k + 1, end);
    if (next === null) break;
    text += CONNECTORS.get(c.words[k]!)! + next.text;
    k = next.end;
  }
  return { text, end: k, spelled: first.spelled };
}

/**
 * host labels joined by "dot", then "/path" segments. A bare address (no
 * scheme, no "@") must end in a known TLD unless its first label is spelled
 * out: the host ends at the last point where that holds.
 */
function readHost(c: MatchContext, i: number, end: number, bare: boolean): Piece | null {
  const first = readLabel(c, i, end, true);
  if (first === null || c.words[first.end] !== "dot") return null;
  // A spelled first letter right after a number is a unit ("0 s dot …"), not a host.
  if (bare && first.spelled && followsNumber(c, i)) return null;
  // A scale or a unit after a figure is the number's ("13 billion dot ai", "11 km dot com"): as spoken, the
  // cardinal or the measure read it first.
  if (bare && followsNumber(c, i) && (c.t.scales.has(c.words[i]!) || c.t.unitForms.has(c.words[i]!))) return null;
  const anyEnding = !bare || first.spelled;
  let text = first.text;
  let k = first.end;
  let best: { text: string; end: number } | null = null;
  while (k + 1 < end && c.words[k] === "dot") {
    // A month before a day is a date's ("zero dot january six"), as the date class read it first.
    if (c.t.months.has(c.words[k + 1]!) && isNumberAt(c, k + 2)) break;
    const label = readLabel(c, k + 1, end, true);
    if (label === null) break;
    for (const e of label.ends) {
      // "page 15" is a reference, whether or not "page" is also a top-level domain ("zero dot page fifteen").
      if (REFERENCE_WORDS.has(c.words[e.end - 1]!) && isNumberAt(c, e.end)) continue;
      if (anyEnding || c.t.tlds.has(e.text.toLowerCase())) best = { text: `${text}.${e.text}`, end: e.end };
    }
    text += `.${label.text}`;
    k = label.end;
  }
  if (best === null) return null;
  text = best.text;
  k = best.end;
  while (k + 1 < end && c.words[k] === "slash") {
    const seg = readLabel(c, k + 1, end, true);
    if (seg === null) break;
    text += `/${seg.text}`;
    k = seg.end;
  }
  return { text, end: k, spelled: false };
}

/** "h t t p s colon slash slash" / "http colon slash slash" -> "https://". */
function readScheme(c: MatchContext, i: number, end: number): { text: string; end: number } | null {
  let k = i;
  let scheme = "";
  while (k < end && scheme.length < 5 && c.words[k]!.length === 1) scheme += c.words[k++];
  if (scheme === "") scheme = c.words[k++] ?? "";
  if (scheme !== "http" && scheme !== "https") return null;
  if (c.words[k] !== "colon" || c.words[k + 1] !== "slash" || c.words[k + 2] !== "slash" || k + 3 >= end) return null;
  return { text: `${scheme}://`, end: k + 3 };
}

export const matchElectronic: ClassMatcher = (c, i, end) => {
  const scheme = readScheme(c, i, end);
  if (scheme !== null) {
    const host = readHost(c, scheme.end, end, false);
    return host === null ? null : { end: host.end, text: scheme.text + host.text, confidence: CONFIDENCE };
  }
  const user = readUser(c, i, end);
  if (user !== null && c.words[user.end] === "at" && user.end + 1 < end) {
    const host = readHost(c, user.end + 1, end, false);
    if (host !== null) return { end: host.end, text: `${user.text}@${host.text}`, confidence: CONFIDENCE };
  }
  const host = readHost(c, i, end, true);
  return host === null ? null : { end: host.end, text: host.text, confidence: CONFIDENCE };
};
