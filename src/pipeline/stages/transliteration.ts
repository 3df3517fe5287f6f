// transliteration: Sanskrit words written in Devanagari or in an ASCII scheme
// (Harvard-Kyoto, ITRANS, Velthuis, SLP1) rendered in IAST, for the schemes the
// profile lists (`schemes`). Scheme tables come from
// @indic-transliteration/sanscript.
//
// Devanagari is unmistakable. The ASCII schemes are not: "the" is valid HK. So
// a word counts as written in an ASCII scheme only when it carries the scheme's
// marks (a capital after the first letter, or ".", "~", "^", '"' between
// letters), is not all capitals, does not look like an abbreviation ("a.m."),
// does not start with a letter no Sanskrit word starts with (anusvāra M,
// visarga H), has a vowel, is not a short unit ("mAh"), has no capitalised English word inside ("iPhone",
// "PowerPoint"), and splits entirely into the scheme's symbols.
// Schemes are tried in the order listed; the first that accepts the word wins.
// IAST output has letters outside ASCII, so it never matches again (idempotent).
import SanscriptModule from "@indic-transliteration/sanscript";
import type { PipelineResources } from "../resources.js";
import { OptionReader, type BaseStageOptions, type ResolvedStageSettings, type Stage, type StageEnv } from "../stage.js";
import { withText, type Token } from "../tokens.js";
import { coreOf } from "./itn/span.js";

/** The package is CommonJS typed as an ES default export; under NodeNext the default import is module.exports. */
const Sanscript = ((SanscriptModule as { default?: typeof SanscriptModule.default }).default ?? SanscriptModule) as typeof SanscriptModule.default;

export const TRANSLITERATION_SCHEMES = ["devanagari", "hk", "itrans", "velthuis", "slp1"] as const;
export type TransliterationScheme = (typeof TRANSLITERATION_SCHEMES)[number];
type AsciiScheme = Exclude<TransliterationScheme, "devanagari">;

export interface TransliterationOptions extends BaseStageOptions {
  schemes: readonly TransliterationScheme[];
  /** Lower-case English words (resources): a camel-cased English compound ("PowerPoint") is not a scheme. */
  englishWords: ReadonlyMap<string, number>;
}

const NO_WORDS: ReadonlyMap<string, number> = new Map();
/** A capital and the lower-case letters after it ("Phone" in "iPhone"). */
const CAPITALISED_PART = /[A-Z][a-z]{3,}/g;

const CONFIDENCE: Readonly<Record<TransliterationScheme, number>> = {
  devanagari: 0.99,
  hk: 0.9,
  itrans: 0.9,
  velthuis: 0.9,
  slp1: 0.85,
};

const DEVANAGARI = /[\u0900-\u097F]/;
/** Leading punctuation, the Devanagari word, its dandas (a sentence end), trailing punctuation. */
const DEVANAGARI_TOKEN = /^([^\u0900-\u097F]*)([\u0900-\u0963\u0966-\u097F\u200C\u200D]+)([\u0964\u0965]*)([^\u0900-\u097F]*)$/u;
const ASCII_WORD = /^[A-Za-z.~^"']+$/;
const MARKED = /^.+[A-Z]|[a-zA-Z][.~^"][a-zA-Z]/;
const ALL_CAPS = /^[A-Z.~^"']+$/;
const ABBREVIATION = /^(?:[A-Za-z]\.)+[A-Za-z]?\.?$/;
const NO_SANSKRIT_START = /^[MH.]/;
/** Three letters or fewer ending in a consonant: a unit ("mAh", "kWh") rather than a word ("zrI", "oM"). */
const SHORT_UNIT = /^.{1,2}[b-df-hj-np-tv-zB-DF-GJ-LN-TV-Z]$/;
const VOWEL = /[aeiouAIUR]|\.r|\.l|RRi|LLi|[fFxX]/;

/** Every symbol of a roman scheme (letters, marks, alternates), longest first, for splitting a word. */
function symbolsOf(name: AsciiScheme): string[] {
  const scheme = Sanscript.schemes[name]! as unknown as Record<string, unknown>;
  const out = new Set<string>();
  const addValue = (v: unknown) => {
    if (typeof v === "string") {
      if (/^[A-Za-z.~^"']+$/.test(v)) out.add(v);
    } else if (Array.isArray(v)) v.forEach(addValue);
  };
  for (const section of ["vowels", "vowel_marks", "consonants", "extra_consonants", "yogavaahas", "alternates"]) {
    const table = scheme[section];
    if (typeof table !== "object" || table === null) continue;
    for (const [key, value] of Object.entries(table)) {
      addValue(value);
      if (section === "alternates") addValue(key);
    }
  }
  return [...out].sort((a, b) => b.length - a.length);
}

const SYMBOLS = new Map<AsciiScheme, readonly string[]>();
function symbols(name: AsciiScheme): readonly string[] {
  let s = SYMBOLS.get(name);
  if (s === undefined) SYMBOLS.set(name, (s = symbolsOf(name)));
  return s;
}

/** Whether `word` splits entirely into the scheme's symbols (dynamic programming over prefixes). */
function splits(word: string, syms: readonly string[]): boolean {
  const ok = new Array<boolean>(word.length + 1).fill(false);
  ok[0] = true;
  for (let i = 0; i < word.length; i++) {
    if (!ok[i]) continue;
    for (const s of syms) if (word.startsWith(s, i)) ok[i + s.length] = true;
  }
  return ok[word.length]!;
}

/** The ASCII scheme `core` is written in, among `schemes`, or undefined. */
export function asciiSchemeOf(core: string, schemes: readonly TransliterationScheme[], englishWords: ReadonlyMap<string, number> = NO_WORDS): AsciiScheme | undefined {
  if (!ASCII_WORD.test(core) || !MARKED.test(core) || ALL_CAPS.test(core) || ABBREVIATION.test(core)) return undefined;
  if (NO_SANSKRIT_START.test(core) || !VOWEL.test(core) || SHORT_UNIT.test(core)) return undefined;
  for (const part of core.match(CAPITALISED_PART) ?? []) if (englishWords.has(part.toLowerCase())) return undefined;
  for (const s of schemes) {
    if (s === "devanagari") continue;
    if (splits(core, symbols(s))) return s;
  }
  return undefined;
}

function transliterate(core: string, scheme: TransliterationScheme): string {
  return Sanscript.t(core, scheme, "iast");
}

function run(tokens: Token[], o: TransliterationOptions, env: StageEnv): Token[] {
  if (o.schemes.length === 0) return tokens;
  const devanagari = o.schemes.includes("devanagari");
  let out: Token[] | undefined;
  tokens.forEach((token, i) => {
    let scheme: TransliterationScheme | undefined;
    let lead: string;
    let body: string;
    let tail: string;
    if (DEVANAGARI.test(token.text)) {
      // Split by hand: vowel signs and virama are marks, not letters, so a generic core/edge split would cut them off.
      const m = DEVANAGARI_TOKEN.exec(token.text);
      if (!devanagari || m === null) return;
      scheme = "devanagari";
      lead = m[1]!;
      body = m[2]!;
      tail = (m[3] !== "" ? "." : "") + m[4]!;
    } else {
      ({ lead, core: body, trail: tail } = coreOf(token.text));
      if (body === "") return;
      scheme = asciiSchemeOf(body, o.schemes, o.englishWords);
    }
    if (scheme === undefined || body === "") return;
    const after = lead + transliterate(body, scheme) + tail;
    if (after === token.text) return;
    if (!env.propose({ rule: scheme, before: token.text, after, source: token.source, confidence: CONFIDENCE[scheme] })) return;
    (out ??= tokens.slice())[i] = withText(token, after);
  });
  return out ?? tokens;
}

function parseOptions(settings: ResolvedStageSettings, resources: PipelineResources): TransliterationOptions {
  const r = new OptionReader("transliteration", settings);
  const applyThreshold = r.applyThreshold();
  const listed = r.stringList("schemes", ["devanagari"]) ?? [];
  const bad = listed.filter((s) => !(TRANSLITERATION_SCHEMES as readonly string[]).includes(s));
  if (bad.length > 0) r.fail("params.schemes", `unknown scheme(s) ${bad.join(", ")}; known: ${TRANSLITERATION_SCHEMES.join(", ")}`);
  r.finish();
  return { applyThreshold, schemes: [...new Set(listed)] as TransliterationScheme[], englishWords: resources.englishWords ?? NO_WORDS };
}

export const transliterationStage: Stage<TransliterationOptions> = {
  name: "transliteration",
  enabledByDefault: false,
  parseOptions,
  run,
};
