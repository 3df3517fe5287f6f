// itn: inverse text normalization (English). Spoken forms become written ones
// — numbers, money, measures, dates, times, phone numbers, addresses. Each
// class is one matcher over the segment's words; at every word that can start
// one (a precompiled starter index rejects everything else in one Map hit),
// the enabled classes are tried and the longest reading wins (ties go to the
// earlier class in CLASS_ORDER). A reading merges its tokens into one token
// whose timing spans first start .. last end, with one edit naming the source span.
import type { PipelineResources } from "../../resources.js";
import type { ResolvedStageSettings, Stage, StageEnv } from "../../stage.js";
import { mergeTokens, type Token } from "../../tokens.js";
import { matchCardinal } from "./cardinal.js";
import { DECADES, matchDate } from "./date.js";
import { matchDecimal } from "./decimal.js";
import { matchElectronic } from "./electronic.js";
import { matchFraction } from "./fraction.js";
import { matchMeasure } from "./measure.js";
import { matchMoney } from "./money.js";
import { REPEATS } from "./numbers.js";
import { ITN_CLASSES, parseItnOptions, type ItnClass, type ItnOptions } from "./options.js";
import { matchOrdinal } from "./ordinal.js";
import { matchLetters, nameWordsOf, type NameWords } from "./letters.js";
import { matchPercent } from "./percent.js";
import { matchRange } from "./range.js";
import { matchRoman } from "./roman.js";
import { buildWordView, coreOf, REFERENCE_WORDS, startsUpper, type ClassMatcher, type MatchContext, type SpanMatch } from "./span.js";
import type { ItnTables } from "./tables.js";
import { CODE_LETTERS, matchTelephone } from "./telephone.js";
import { matchTime } from "./time.js";
import { matchTitle } from "./title.js";
import { matchVerseRef } from "./verse-ref.js";
import { matchWhitelist } from "./whitelist.js";

/** Priority on equal length: the more specific reading first. */
const CLASS_ORDER: ReadonlyArray<[ItnClass, ClassMatcher]> = [
  ["whitelist", matchWhitelist],
  ["title", matchTitle],
  ["electronic", matchElectronic],
  ["money", matchMoney],
  ["percent", matchPercent],
  ["time", matchTime],
  ["measure", matchMeasure],
  ["date", matchDate],
  ["verse_ref", matchVerseRef],
  ["roman", matchRoman],
  ["telephone", matchTelephone],
  ["fraction", matchFraction],
  ["decimal", matchDecimal],
  ["range", matchRange],
  ["ordinal", matchOrdinal],
  ["cardinal", matchCardinal],
  ["letters", matchLetters],
];
const BIT = new Map<ItnClass, number>(ITN_CLASSES.map((name, k) => [name, 1 << k]));
const NUMERIC: ItnClass[] = ["cardinal", "range", "ordinal", "decimal", "fraction", "percent", "money", "measure", "date", "time", "telephone", "verse_ref"];
/** Words whose presence lets electronic try every word of the segment. */
const ELECTRONIC_ANCHORS = new Set(["at", "dot"]);

export interface ItnStageOptions extends ItnOptions {
  /** Lower-case word -> bitmask of the classes that can start there. */
  starters: ReadonlyMap<string, number>;
  /** Words that are part of a spoken number (respect_case and kept-number runs look at these). */
  numberWords: ReadonlySet<string>;
  /** What tells a name beside a lone letter (letters.ts): the casing stage's tables, when loaded. */
  names: NameWords;
}

function buildNumberWords(t: ItnTables): Set<string> {
  return new Set([...t.numbers.keys(), ...t.ordinals.keys(), ...t.scales.keys(), ...t.zeroDigits, "minus", "negative", "point", "quarter", "half"]);
}

function buildStarters(t: ItnTables, enabled: ReadonlySet<ItnClass>): Map<string, number> {
  const starters = new Map<string, number>();
  const add = (word: string, classes: ItnClass[]) => {
    let mask = starters.get(word) ?? 0;
    for (const name of classes) if (enabled.has(name)) mask |= BIT.get(name)!;
    if (mask !== 0) starters.set(word, mask);
  };
  const numberWords = [...t.numbers.keys(), ...t.ordinals.keys(), "minus", "negative", "point"];
  for (const w of numberWords) add(w, [...NUMERIC, "roman"]);
  for (const w of [...t.zeroDigits, ...CODE_LETTERS, "plus", ...REPEATS.keys()]) add(w, ["telephone"]);
  for (const w of t.months.keys()) add(w, ["date"]);
  add("the", ["date"]);
  // "a hundred and fifty" (numbers.ts reads "a" as one only there), "a quarter to five".
  add("a", ["cardinal", "decimal", "money", "measure", "percent", "range", "time"]);
  add("quarter", ["time", "fraction"]);
  add("half", ["time"]);
  for (const w of REFERENCE_WORDS) add(w, ["verse_ref"]);
  add("world", ["roman"]);
  for (const w of DECADES.keys()) add(w, ["cardinal"]);
  for (const letter of "abcdefghijklmnopqrstuvwxyz") add(letter, ["letters"]);
  for (const w of [...t.whitelist.firstWords, ...t.letterPairs.firstWords]) add(w, ["whitelist"]);
  for (const w of t.titles.keys()) add(w, ["title"]);
  for (const w of t.idioms.firstWords) add(w, ["cardinal"]);
  return starters;
}

function parseOptions(settings: ResolvedStageSettings, resources: PipelineResources): ItnStageOptions {
  const options = parseItnOptions(settings, resources.itn);
  const t = options.tables;
  return {
    ...options,
    starters: t ? buildStarters(t, options.classes) : new Map(),
    numberWords: t ? buildNumberWords(t) : new Set(),
    names: nameWordsOf(resources.casing),
  };
}

/** Cheap pre-pass: does any token start a candidate span or anchor an address? */
function worthScanning(tokens: readonly Token[], o: ItnStageOptions): { any: boolean; electronic: boolean } {
  let any = false;
  let electronic = false;
  const wantElectronic = o.classes.has("electronic");
  for (const token of tokens) {
    let key = token.text.toLowerCase();
    if (!o.starters.has(key) && !(wantElectronic && ELECTRONIC_ANCHORS.has(key))) {
      key = coreOf(key).core;
      const dash = key.indexOf("-");
      if (dash > 0) key = key.slice(0, dash);
    }
    if (o.starters.has(key)) any = true;
    // With respect_case, "Satishsays Dot Com" is a title, not an address.
    if (wantElectronic && ELECTRONIC_ANCHORS.has(key) && !(o.respectCase && startsUpper(token.text))) electronic = any = true;
  }
  return { any, electronic };
}

function run(tokens: Token[], o: ItnStageOptions, env: StageEnv): Token[] {
  const t = o.tables;
  if (t === undefined || tokens.length === 0) return tokens;
  const scan = worthScanning(tokens, o);
  if (!scan.any) return tokens;
  const view = buildWordView(tokens, (word) => t.numbers.has(word) || t.scales.has(word));
  const writtenProse = o.proseSpellOutBelow > 0 && isWrittenProse(tokens);
  const ctx: MatchContext = { words: view.words, raw: view.raw, o, t, writtenProse, runEnd: view.runEnd, punctBefore: view.punctBefore, tokenOf: view.tokenOf, names: o.names, amounts: new Map() };
  const electronicBit = scan.electronic ? BIT.get("electronic")! : 0;
  const out: Token[] = [];
  let nextToken = 0;
  // A number word left as a word keeps the rest of its number phrase as words
  // too: "one tenth", "those two twenty year olds", never "one 10th". An
  // ordinal ends its phrase: "the first twenty five thousand" -> "the first 25,000".
  let keptNumber = false;
  for (let ti = 0; ti < tokens.length; ti++) {
    if (ti < nextToken) continue;
    const k = view.firstWord[ti]!;
    const isNumberWord = k >= 0 && o.numberWords.has(view.words[k]!);
    let mask = k < 0 ? 0 : (o.starters.get(view.words[k]!) ?? 0) | electronicBit;
    if (isNumberWord && (keptNumber || (o.respectCase && startsUpper(view.raw[k]!)))) mask = 0;
    // Regnal numerals start at the name: "Henry the eighth".
    if (k >= 0 && o.classes.has("roman") && view.words[k + 1] === "the" && (startsUpper(view.raw[k]!) || t.regnalNames.has(view.words[k]!))) mask |= BIT.get("roman")!;
    const best = mask === 0 ? null : bestMatch(ctx, view.tokenOf, view.firstWord, k, view.runEnd[k]!, mask);
    keptNumber = best === null && isNumberWord && !t.ordinals.has(view.words[k]!) && view.runEnd[k] !== k + 1 && !isNounFraction(t, view.words, k);
    if (best === null) {
      out.push(tokens[ti]!);
      continue;
    }
    const lastToken = view.tokenOf[best.match.end - 1]!;
    const parts = tokens.slice(ti, lastToken + 1);
    const before = parts.map((p) => p.text).join(" ");
    // "at eleven a.m. on", "at eleven o'clock a.m.": a written form's closing period is the token's period too.
    const trail = best.match.text.endsWith(".") && view.trail[lastToken]!.startsWith(".") && !view.trail[lastToken]!.startsWith("..")
      ? view.trail[lastToken]!.slice(1) : view.trail[lastToken]!;
    const after = view.lead[ti]! + best.match.text + (trail !== "" && o.detachPunctuation ? ` ${trail}` : trail);
    nextToken = lastToken + 1;
    if (after === before) {
      out.push(...parts);
      continue;
    }
    const merged = mergeTokens(parts, after);
    const applied = env.propose({ rule: best.rule, before, after, source: merged.source, confidence: best.match.confidence });
    if (applied) out.push(merged);
    else out.push(...parts);
  }
  return out;
}

/**
 * A class's reading at word k that ends on a token boundary: "ninety-five" is
 * read whole or not at all. A reading that would end inside a token is read
 * again with the run cut before that token ("january nineteen nineteen-second"
 * -> "january nineteen"), so what is read never depends on how a later token
 * is split — which a first run changes ("nineteen-second" -> "19 s").
 */
function readWholeTokens(
  ctx: MatchContext,
  matcher: ClassMatcher,
  tokenOf: readonly number[],
  firstWord: readonly number[],
  k: number,
  end: number,
): SpanMatch | null {
  for (let limit = end; limit > k; ) {
    const m = matcher(ctx, k, limit);
    if (m === null || m.end <= k || m.end > limit) return null;
    if (m.end >= tokenOf.length || tokenOf[m.end] !== tokenOf[m.end - 1]) return m;
    limit = firstWord[tokenOf[m.end]!]!;
  }
  return null;
}

function bestMatch(ctx: MatchContext, tokenOf: readonly number[], firstWord: readonly number[], k: number, end: number, mask: number): { rule: ItnClass; match: SpanMatch } | null {
  let best: { rule: ItnClass; match: SpanMatch } | null = null;
  for (const [name, matcher] of CLASS_ORDER) {
    if ((mask & BIT.get(name)!) === 0 || !ctx.o.classes.has(name)) continue;
    const m = readWholeTokens(ctx, matcher, tokenOf, firstWord, k, end);
    if (m !== null && (best === null || m.end > best.match.end)) best = { rule: name, match: m };
  }
  return best;
}

/** "quarter" or "half" as a noun, not after a number ("the second quarter twenty twenty", unlike "three quarters"): it ends no number phrase. */
function isNounFraction(t: ItnTables, words: readonly string[], k: number): boolean {
  const w = words[k]!;
  if (w !== "quarter" && w !== "half") return false;
  const before = words[k - 1];
  // After a number, spoken or as a first run wrote it ("fifty half" / "50 half"), it may be part of one.
  return before === undefined || !(t.numbers.has(before) || /\d/.test(before));
}

const SENTENCE_PUNCTUATION = /[.,;:?!]["')\]]*$/;

/**
 * Punctuated by the transcriber (as Whisper writes): some token carries
 * sentence punctuation. Lower-case ASR output has none. Only punctuation
 * counts, not capitals: this stage never removes a token's edge punctuation
 * and later stages only add some, so a second run over the output never finds
 * the segment less written than the first run did (capitals it may remove:
 * "TWO O'CLOCK" -> "2:00").
 */
function isWrittenProse(tokens: readonly Token[]): boolean {
  return tokens.some((token) => SENTENCE_PUNCTUATION.test(token.text));
}

export const itnStage: Stage<ItnStageOptions> = {
  name: "itn",
  enabledByDefault: true,
  parseOptions,
  run,
};
