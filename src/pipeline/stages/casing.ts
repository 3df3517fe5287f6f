// casing: capitalises sentence starts, the pronoun "I" (and I'm, I'll, I've,
// I'd), known names ("new york" -> "New York", "paul's" -> "Paul's"), titles
// before a name ("captain nemo" -> "Captain Nemo") and acronyms ("ebitda" ->
// "EBITDA") from config/casing. Never lowercases (the ASR's or an earlier
// stage's capitals — e.g. the lexicon's proper nouns — are kept), so it is
// idempotent by construction.
import type { Token } from "../tokens.js";
import { withText } from "../tokens.js";
import type { PipelineResources } from "../resources.js";
import { OptionReader, type BaseStageOptions, type ResolvedStageSettings, type Stage, type StageEnv } from "../stage.js";
import { capitalizeSentenceStart, endsSentence, splitAffixes } from "../text.js";
import { nameForm, namedPlace, recase, titledName, type Recasing } from "./casing/name-phrases.js";
import type { CasingTables } from "./casing/tables.js";

/** Capitalising after a clear sentence end is near-certain; abbreviations are excluded upstream. */
const SENTENCE_START_CONFIDENCE = 0.95;
/** "i" as a word is the pronoun in English speech; letters read out ("i e") are the rare exception. */
const PRONOUN_I_CONFIDENCE = 0.95;
/**
 * Table entries are curated or filtered to words that are not common English
 * words: sure enough to stay when the drift guard re-runs a segment keeping
 * only edits at its keep_confidence (0.9) — a re-run another stage's uncertain
 * edit triggers ("chapter four october": ITN's "chapter 4").
 */
const NAME_CONFIDENCE = 0.9;
/** A title or place word with an unknown word: "captain nemo" is a name, but an unknown word may be a misrecognition. */
const TITLE_CONFIDENCE = 0.85;
const ACRONYM_CONFIDENCE = 0.85;

const PRONOUN_I = new Map([
  ["i", "I"],
  ["i'm", "I'm"],
  ["i'll", "I'll"],
  ["i've", "I've"],
  ["i'd", "I'd"],
]);

export interface CasingOptions extends BaseStageOptions {
  sentenceStartRule: boolean;
  pronounRule: boolean;
  namesRule: boolean;
  acronymsRule: boolean;
  tables: CasingTables | undefined;
  /** Lowercase English words with their SCOWL level (resources): a word after a title that is not one is a name. */
  englishWords: ReadonlyMap<string, number> | undefined;
}

function parseOptions(settings: ResolvedStageSettings, resources: PipelineResources): CasingOptions {
  const r = new OptionReader("casing", settings);
  const sentenceStartRule = r.classEnabled("sentence_start");
  const pronounRule = r.classEnabled("pronoun_i");
  const namesRule = r.classEnabled("names");
  const acronymsRule = r.classEnabled("acronyms");
  const applyThreshold = r.applyThreshold();
  r.finish();
  return { applyThreshold, sentenceStartRule, pronounRule, namesRule, acronymsRule, tables: resources?.casing, englishWords: resources?.englishWords };
}

/** Lowercase core of a token (for table lookups). */
function keyOf(text: string): string {
  return splitAffixes(text).core.toLowerCase();
}

/** One word's canonical form and the rule that knows it (single-word entries only). */
function wordForm(key: string, o: CasingOptions): { form: string; rule: string } | null {
  const pronoun = o.pronounRule ? PRONOUN_I.get(key) : undefined;
  if (pronoun !== undefined) return { form: pronoun, rule: "pronoun_i" };
  const name = o.namesRule && o.tables ? nameForm(key, o.tables.names) : undefined;
  if (name !== undefined) return { form: name, rule: "names" };
  const acronym = o.acronymsRule ? o.tables?.acronyms.get(key) ?? codeForm(key) : undefined;
  if (acronym !== undefined) return { form: acronym, rule: "acronyms" };
  return null;
}

/** Most words hold no digit: a character scan before any pattern. */
function hasDigit(key: string): boolean {
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

/** A code that starts with its letters: "q3", "m24", "b2b", "h1n1", "ltm450". */
const LETTERS_FIRST_CODE = /^([a-z]+)(\d+)([a-z]\d*)?$/;
/** Quarters and the digit-first codes said everywhere in capitals: "3q", "3q21", "5g", "3d", "4k". */
const DIGITS_FIRST_CODE = /^(?:[1-4]q(?:\d\d)?|\d{1,2}[gdk])$/;
/** Written in lower case by convention ("x86", "i7") or a unit's power ("m2", "km3"). */
const LOWER_CODE = /^(?:x\d+|i\d|(?:k|c|m)?m[23])$/;

/**
 * A code of letters and digits as ITN writes it from speech ("q three" -> "q3") takes capitals ("Q3"),
 * as the acronyms list would give it. Letters that could spell a word ("web3") are left alone: up to
 * two letters, or more with no vowel ("mp3", "ltm450").
 */
function codeForm(key: string): string | undefined {
  if (!hasDigit(key) || LOWER_CODE.test(key)) return undefined;
  if (DIGITS_FIRST_CODE.test(key)) return key.toUpperCase();
  const m = LETTERS_FIRST_CODE.exec(key);
  if (m === null) return undefined;
  const letters = m[1]!;
  return letters.length <= 2 || !/[aeiouy]/.test(letters) ? key.toUpperCase() : undefined;
}

/**
 * A token an earlier stage merged ("january 30", "5:30 p.m.") is cased word by
 * word inside, so the result is what the words get one by one — which is what
 * this stage sees when the output comes back (idempotence).
 */
function recaseInside(text: string, o: CasingOptions): Recasing | null {
  const parts = text.split(" ");
  let rule = "";
  for (let k = 0; k < parts.length; k++) {
    const found = wordForm(keyOf(parts[k]!), o);
    const after = found === null ? null : recase(parts[k]!, found.form);
    if (after === null) continue;
    parts[k] = after;
    rule ||= found!.rule;
  }
  return rule === "" ? null : { rule, after: [parts.join(" ")] };
}

/**
 * The pronoun, the longest name in the table, a title or place word with its
 * name (name-phrases.ts), or an acronym at tokens[i..]. A name must not run
 * over a sentence end or a pause mark.
 */
function lookup(tokens: readonly Token[], i: number, o: CasingOptions): Recasing | null {
  const text = tokens[i]!.text;
  if (text.includes(" ")) return recaseInside(text, o);
  const key = keyOf(text);
  if (key === "") return null;
  const names = o.namesRule ? o.tables?.names : undefined;
  if (names !== undefined) {
    let phrase = "";
    let forms: string[] | null = null;
    for (let n = 1; n <= o.tables!.maxNameWords && i + n <= tokens.length; n++) {
      const word = tokens[i + n - 1]!.text;
      if (n > 1 && word.includes(" ")) break;
      phrase = n === 1 ? key : `${phrase} ${keyOf(word)}`;
      const name = names.get(phrase);
      if (name !== undefined && name.split(" ").length === n) forms = name.split(" ");
      if (endsSentence(word) || /[,;:]$/.test(word)) break;
    }
    if (forms !== null && forms.length > 1) return { rule: "names", after: forms.map((f, k) => recase(tokens[i + k]!.text, f)) };
    const evidence = { tables: o.tables!, englishWords: o.englishWords };
    const withTitleOrPlace = titledName(tokens, i, key, evidence) ?? namedPlace(tokens, i, evidence);
    if (withTitleOrPlace !== null) return withTitleOrPlace;
  }
  const found = wordForm(key, o);
  return found === null ? null : { rule: found.rule, after: [recase(text, found.form)] };
}

const CONFIDENCE: Record<string, number> = { pronoun_i: PRONOUN_I_CONFIDENCE, names: NAME_CONFIDENCE, titles: TITLE_CONFIDENCE, acronyms: ACRONYM_CONFIDENCE };

/**
 * A word starts a sentence when it opens the stream, follows a word ending in
 * . ? or ! (also across segments, via env.atSentenceStart), or follows a
 * sentence end an earlier stage removed (e.g. "Um," dropped before "so").
 * Words in the tables take their canonical form first; a sentence start then
 * capitalises what is still lowercase.
 */
function run(tokens: Token[], o: CasingOptions, env: StageEnv): Token[] {
  let out: Token[] | null = null;
  const set = (i: number, token: Token, text: string) => {
    out ??= tokens.slice();
    out[i] = withText(token, text);
  };
  let atStart = env.atSentenceStart;
  let pending: Recasing | null = null;
  let offset = 0;
  for (let i = 0; i < tokens.length; i++) {
    let token = tokens[i]!;
    if (pending === null || offset >= pending.after.length) {
      pending = lookup(tokens, i, o);
      offset = 0;
    }
    if (pending !== null) {
      const after = pending.after[offset++];
      if (after !== null && after !== undefined && after !== token.text) {
        const rule = pending.rule;
        if (env.propose({ rule, before: token.text, after, source: token.source, confidence: CONFIDENCE[rule]! })) {
          set(i, token, after);
          token = withText(token, after);
        }
      }
    }
    if (atStart && o.sentenceStartRule) {
      const capitalised = capitalizeSentenceStart(token.text);
      if (capitalised !== token.text) {
        const applied = env.propose({
          rule: "sentence_start",
          before: token.text,
          after: capitalised,
          source: token.source,
          confidence: SENTENCE_START_CONFIDENCE,
        });
        if (applied) set(i, token, capitalised);
      }
    }
    atStart = endsSentence(token.text);
  }
  return out ?? tokens;
}

export const casingStage: Stage<CasingOptions> = {
  name: "casing",
  enabledByDefault: true,
  parseOptions,
  run,
};
