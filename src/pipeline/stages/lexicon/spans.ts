// Which span of heard words stands for which entry: the lexicon stage's
// matching and its guards (English words, names, protected entries, the
// margin), over the index in src/pipeline/lexicon/. The stage (index.ts)
// decides what to do with the matches.
import { asciiFold, slipOf } from "../../lexicon/keys.js";
import type { LexiconIndex } from "../../lexicon/lexicon-index.js";
import { lookup, spellingSimilarity, type Candidate, type LookupOptions } from "../../lexicon/matcher.js";
import { endsSentence } from "../../text.js";
import type { Token } from "../../tokens.js";
import { coreOf } from "../itn/span.js";
import type { LexiconState, WordInfo } from "./cross.js";
import type { LexiconOptions } from "./options.js";

/** English words this common (SCOWL level) may not open or close a multi-word fuzzy span ("the", "is"). */
const FUNCTION_WORD_LEVEL = 20;
/** A plural ("asanas") scores a little under its singular. */
const PLURAL_PENALTY = 0.03;
/** Only plain letters (and hyphens) fold into a term: not IAST or other scripts, digits, "don't", "O&M", "U.S.". */
const NOT_FOLDABLE = /[^A-Za-z-]/;
const ASCII_ONLY = /^[\x00-\x7f]*$/;
/**
 * A name (a capitalised word inside a sentence) changes by a near key only
 * this near (one vowel, one h or one or two cheap letter confusions:
 * "Upaneshads", "Aurveda"), or by a slip of its spelling ("Vedata"), and only this
 * long: writers spell names as they choose, and a short name is near too many
 * entries.
 */
const NAMED_MAX_SOUND_DISTANCE = 0.8;
const NAMED_MIN_FUZZY_LENGTH = 5;
/** How much nearer in spelling (similarity, 0..1) a near match must be to beat a runner-up within the margin. */
const SPELLING_MARGIN = 0.1;
/** How much nearer in sound (weighted distance) a near match must be to beat a runner-up spelled as near. */
const SOUND_MARGIN = 0.3;
/** Strength of a match's evidence: the margin is weighed only against a runner-up at least as strong. */
const EVIDENCE_RANK: Record<Candidate["kind"], number> = { exact: 2, phonetic: 1, fuzzy: 0 };
const EXACT_ONLY = { exact: true, phonetic: false, fuzzy: false } as const;

export interface Match {
  end: number;
  /** Heard words the match spans (with a cross-segment match, those of the previous segment too). */
  words: number;
  cand: Candidate;
  runnerUp: Candidate | undefined;
  plural: boolean;
  /** Why the match may only be suggested ("" when it may be applied). */
  hold: string;
}

/** Whether a span holds a name (a capitalised word inside a sentence), and whether an English names list knows it ("Canada", "David"). */
type Named = false | "name" | "known";

export interface HeardWord extends WordInfo {
  /** Capitalised where a sentence does not start: a name as the writer or recogniser spelled it. */
  named: boolean;
  /** All capitals in mixed-case text ("PETA", "NASA"): an acronym, changed only from a listed spelling. */
  acronym: boolean;
  /** What the word lists say of the fold, asked once per word (a word is part of several spans). */
  facts?: WordFacts;
}

interface WordFacts {
  /** In a stop list: never part of a term. */
  stop: boolean;
  /** SCOWL level when ordinary English (at or below the profile's level), else undefined. */
  common: number | undefined;
  /** Any English word or name the lists know. */
  known: boolean;
  /** Some pack uses the word (exact for an English word; else the word filter's answer: may be a false positive, never a false negative). */
  inPack: boolean;
}

const TITLE_CASE = /^\p{Lu}\p{Ll}/u;
const CAPITAL = /^\p{Lu}/u;
const ALL_CAPITALS = /^\p{Lu}{2,}$/u;
const LOWER_CASE = /\p{Ll}/u;

/** An English possessive ("Kṛṣṇa's") is kept outside the term, like punctuation. */
const POSSESSIVE = /['’]s$/;

export function wordsOf(tokens: readonly Token[], atSentenceStart: boolean): HeardWord[] {
  const words = tokens.map((t) => {
    let { lead, core, trail } = coreOf(t.text);
    const pos = POSSESSIVE.exec(core);
    if (pos !== null && core.length > pos[0].length) {
      trail = pos[0] + trail;
      core = core.slice(0, -pos[0].length);
    }
    return { lead, core, trail, fold: NOT_FOLDABLE.test(core) ? "" : asciiFold(core), named: false, acronym: false };
  });
  // Text in capitals throughout (some recognisers write it so) has no acronyms to tell apart.
  const mixedCase = tokens.some((t) => LOWER_CASE.test(t.text));
  words.forEach((w, i) => {
    const starts = i === 0 ? atSentenceStart : endsSentence(tokens[i - 1]!.text);
    // A sentence that opens with a capitalised word followed by another ("Thomas Hardy", "Judith Chapter 3") opens with a name.
    const next = words[i + 1];
    w.named = TITLE_CASE.test(w.core) && (!starts || (next !== undefined && w.trail === "" && CAPITAL.test(next.core)));
    w.acronym = mixedCase && ALL_CAPITALS.test(w.core);
  });
  return words;
}

/** A common function word ("the", "is") opens or closes the span: no multi-word term does. */
function functionWordAtEdge(facts: readonly WordFacts[]): boolean {
  return isFunctionWord(facts[0]!) || isFunctionWord(facts[facts.length - 1]!);
}

function isFunctionWord(f: WordFacts): boolean {
  return (f.common ?? 99) <= FUNCTION_WORD_LEVEL;
}

export class Matcher {
  /** The profile's matching kinds without listed spellings (for spans with a word no pack uses). */
  private readonly byKeyOnly: LookupOptions;

  constructor(
    private readonly o: LexiconOptions,
    private readonly index: LexiconIndex,
  ) {
    this.byKeyOnly = { exact: false, phonetic: o.phonetic, fuzzy: o.fuzzy };
  }

  /**
   * What the lists say of a word. Known: any word the English lists know, or
   * a name English writes (the casing stage's names list): lower-case ASR
   * says "canada", "thomas", "russia", and none of them is a mishearing of a
   * Sanskrit term. Common: known, at or below the profile's SCOWL level.
   */
  private factsOf(w: HeardWord): WordFacts {
    if (w.facts !== undefined) return w.facts;
    const fold = w.fold;
    const level = this.o.frequentEnglish.get(fold) ?? this.o.englishWords.get(fold);
    const known = level !== undefined || this.o.englishNames.has(fold);
    // Whether a known word is some pack's word is a small set's answer (options.ts: englishWordsInPacks).
    const inPack = known ? this.o.englishInPacks.has(fold) : this.index.words.mayHave(fold);
    w.facts = { stop: this.o.stopWords.has(fold), common: level !== undefined && level <= this.o.englishLevel ? level : undefined, known, inPack };
    return w.facts;
  }

  /**
   * Why a match on these words must not be applied as is: "" when nothing
   * stands in the way, null when it must not even be suggested. A known
   * spelling is held only on common English words; a match by sound or edit
   * distance on any English word or name the lists know (a real misspelling
   * of a Sanskrit term is rarely an English word).
   */
  private englishHold(folds: readonly string[], facts: readonly WordFacts[], cand: Candidate): string | null {
    const exact = cand.kind === "exact";
    const english = (f: WordFacts) => (exact ? f.common !== undefined : f.known);
    if (folds.length === 1) return english(facts[0]!) ? `"${folds[0]}" is an English word` : "";
    if (exact) return "";
    if (facts.every(english)) return "every word is English";
    return functionWordAtEdge(facts) ? null : "";
  }

  /**
   * Whether a candidate may stand for the heard words (kind switched on). A
   * name ("Moksha" the person) stands only for an entry written as a name
   * (a proper noun, or a term the pack capitalises: "Rāja Yoga").
   */
  private allowed(c: Candidate, named: Named, folded: string, termOnly: boolean): boolean {
    if (c.kind === "exact" && !this.o.exact) return false;
    const entry = this.index.entries[c.index]!.entry;
    if (termOnly && entry.kind !== "term") return false;
    if (!named) return true;
    if (entry.kind === "term" && !CAPITAL.test(entry.canonical)) return false;
    if (c.kind === "exact") return true;
    // By sound, only a name no English list knows, and only as an equal key or a near one.
    if (named === "known") return false;
    if (c.kind === "phonetic") return true;
    if (folded.length < NAMED_MIN_FUZZY_LENGTH) return false;
    // A slip of the entry's spelling ("Vedata", "Arjnua") keeps every letter the writer chose.
    const heard = folded.replaceAll(" ", "");
    if (this.index.entries[c.index]!.forms.some((form) => slipOf(heard, form))) return true;
    if (c.soundDistance === undefined) return false;
    return c.soundDistance <= NAMED_MAX_SOUND_DISTANCE || (c.soundDistance <= 1 && folded.length >= 8);
  }

  private candidates(folded: string, n: number, opts: LookupOptions, named: Named, termOnly: boolean): Candidate[] {
    const all = lookup(this.index, folded, n, opts);
    const out: Candidate[] = [];
    for (const c of all) if (this.allowed(c, named, folded, termOnly)) out.push(c);
    return out;
  }

  /** The best acceptable match for the span words[i..end), or null. */
  private spanMatch(words: readonly HeardWord[], i: number, end: number, tryPlural: boolean): Match | null {
    // A capitalised word inside a sentence is a name someone chose to spell so
    // ("Thomas", "Canada", "Dana"): only a known spelling of a proper noun may
    // change it, and a multi-word title by sound ("Bhagvat Geeta"), never by edit distance.
    let named: Named = false;
    let acronym = false;
    let allKnown = true;
    // A word no pack uses rules out a listed spelling; factsOf says so without probing the big maps.
    let listed = true;
    for (let k = i; k < end; k++) {
      const w = words[k]!;
      const f = this.factsOf(w);
      if (f.stop) return null;
      allKnown &&= f.known;
      listed &&= f.inPack;
      if (w.named) named = this.o.englishNames.has(w.fold) ? "known" : named || "name";
      acronym ||= w.acronym;
    }
    const n = end - i;
    // A common English word alone is held whatever matches it (englishHold), and a held match is dropped
    // unless the profile asks for suggestions: in a big lexicon many are some entry's spelling too
    // ("have", "like"), and they are a transcript's most frequent words, so nothing is looked up for them.
    if (n === 1 && this.o.englishTerms === "keep" && words[i]!.facts!.common !== undefined) return null;
    // Matches by sound or spelling on English words would be held (englishHold) and, unless the profile
    // asks for suggestions, dropped: do not look for them (most words of a transcript are English).
    // An acronym is never a mishearing ("PETA" is not "pitta"): it too is matched by listed spelling only.
    const nonExactHeld = allKnown || isFunctionWord(words[i]!.facts!) || isFunctionWord(words[end - 1]!.facts!);
    const heldByEnglish = acronym || (this.o.englishTerms === "keep" && nonExactHeld);
    const opts = heldByEnglish ? (listed ? EXACT_ONLY : null) : listed ? this.o : this.byKeyOnly;
    // An English plural of a term ("asanas"): the singular's match, if it beats the word's own.
    const single = n === 1 ? words[i]!.fold : "";
    const stemFold = tryPlural && single.length > 4 && single.endsWith("s") && !single.endsWith("ss") ? single.slice(0, -1) : null;
    const stemOpts = stemFold === null ? null : heldByEnglish ? (this.index.words.mayHave(stemFold) ? EXACT_ONLY : null) : this.o;
    // Most spans (English words) end here, before anything is built for them.
    if (opts === null && stemOpts === null) return null;
    const folds: string[] = [];
    const facts: WordFacts[] = [];
    for (let k = i; k < end; k++) {
      folds.push(words[k]!.fold);
      facts.push(words[k]!.facts!);
    }
    const folded = folds.join(" ");
    let cands = opts === null ? [] : this.candidates(folded, n, opts, named, false);
    let plural = false;
    if (stemFold !== null && stemOpts !== null) {
      const stem = this.candidates(stemFold, 1, stemOpts, named, true);
      if (stem.length > 0 && (cands.length === 0 || stem[0]!.score - PLURAL_PENALTY > cands[0]!.score)) {
        cands = stem.map((c) => ({ ...c, score: c.score - PLURAL_PENALTY }));
        plural = true;
      }
    }
    if (cands.length === 0) return null;
    cands = this.nearestSpelledFirst(folded, cands);
    const best = cands[0]!;
    const e = this.index.entries[best.index]!;
    let hold = this.englishHold(folds, facts, best);
    if (hold === null) return null;
    if (hold !== "" && this.o.englishTerms === "keep") return null;
    if (this.o.englishTerms === "apply") hold = "";
    if (hold === "" && e.entry.protected && this.o.protectedEntries !== "apply") {
      if (this.o.protectedEntries === "keep") return null;
      hold = `entry ${e.entry.id} is protected (an English word too)`;
    }
    const other = (c: Candidate) => this.index.entries[c.index]!.entry.canonical !== e.entry.canonical;
    const runnerUp = cands.find(other);
    // The margin weighs evidence of one strength: an equal phonetic key is not put in doubt by a key that is merely near.
    const rival = cands.find((c) => other(c) && EVIDENCE_RANK[c.kind] >= EVIDENCE_RANK[best.kind]);
    if (hold === "" && rival !== undefined && best.score - rival.score < this.o.margin && !this.spelledNearer(folded, best, rival) && !this.soundsNearer(folded, best, rival)) {
      hold = `runner-up ${this.index.entries[rival.index]!.entry.id} within margin ${this.o.margin}`;
    }
    return { end, words: n, cand: best, runnerUp, plural, hold };
  }

  /**
   * Near matches scored within the margin of the best: the one the heard
   * spelling is clearly nearer goes first ("drisht" is dṛṣṭi, not draṣṭā,
   * though both sound one vowel away).
   */
  private nearestSpelledFirst(folded: string, cands: Candidate[]): Candidate[] {
    const top = cands[0]!;
    if (top.kind !== "fuzzy") return cands;
    let pick = top;
    for (const c of cands) {
      if (c.kind !== "fuzzy" || top.score - c.score >= this.o.margin) continue;
      if (c !== pick && this.spelledNearer(folded, c, pick)) pick = c;
    }
    return pick === top ? cands : [pick, ...cands.filter((c) => c !== pick)];
  }

  /**
   * Two near matches by sound, too close to call: the one the heard spelling is
   * clearly nearer wins ("vrhmacharya" is brahmacarya, not brahmacārī;
   * "tanatra" stays in doubt between tantra and tanmātra).
   */
  private spelledNearer(folded: string, best: Candidate, rival: Candidate): boolean {
    if (best.kind !== "fuzzy" || rival.kind !== "fuzzy") return false;
    return spellingSimilarity(this.index, folded, best.index) - spellingSimilarity(this.index, folded, rival.index) >= SPELLING_MARGIN;
  }

  /**
   * Two near matches spelled about as near: the one that also sounds clearly
   * nearer wins ("vjrasana" drops a vowel of vajrāsana but changes a
   * consonant of vīrāsana; "prmaana" sounds like pramāṇa, while prāṇa is near
   * only in spelling).
   */
  private soundsNearer(folded: string, best: Candidate, rival: Candidate): boolean {
    if (best.kind !== "fuzzy" || rival.kind !== "fuzzy" || best.soundDistance === undefined) return false;
    if (rival.soundDistance !== undefined && rival.soundDistance - best.soundDistance < SOUND_MARGIN) return false;
    return spellingSimilarity(this.index, folded, best.index) >= spellingSimilarity(this.index, folded, rival.index);
  }

  /** Whether words[i..end) can be one term: letters in every word, no punctuation inside. */
  private spanOk(words: readonly WordInfo[], i: number, end: number): boolean {
    for (let k = i; k < end; k++) {
      const w = words[k]!;
      if (w.fold === "") return false;
      if (k > i && w.lead !== "") return false;
      if (k < end - 1 && w.trail !== "") return false;
    }
    return true;
  }

  /** Length of a span at i already written as a canonical (0 if none). */
  canonicalAt(words: readonly HeardWord[], i: number): number {
    let text = "";
    let best = 0;
    for (let k = i; k < Math.min(words.length, i + this.index.maxWords); k++) {
      const w = words[k]!;
      if (w.core === "" || (k > i && w.lead !== "")) break;
      const lower = w.core.toLowerCase();
      const word = ASCII_ONLY.test(lower) ? lower : lower.normalize("NFC");
      // A plain word is its own fold: the word filter was asked once for it (factsOf).
      if (!(word === w.fold ? this.factsOf(w).inPack : this.index.words.mayHave(word))) break;
      text = k === i ? word : `${text} ${word}`;
      if (this.index.canonical.has(text)) best = k - i + 1;
      if (w.trail !== "") break;
    }
    return best;
  }

  /**
   * The best match starting at i: the longest span with a match that may be
   * applied ("ashtanga ioga" as one term, not "ashtanga" alone), else the
   * highest-scoring suggestion.
   */
  bestAt(words: readonly HeardWord[], i: number): Match | null {
    let best: Match | null = null;
    const longest = Math.min(words.length, i + this.index.maxWords + 1);
    for (let end = longest; end > i; end--) {
      if (!this.spanOk(words, i, end)) continue;
      const m = this.spanMatch(words, i, end, true);
      if (m === null) continue;
      if (m.hold === "" && m.cand.score >= this.o.applyThreshold) return m;
      if (best === null || m.cand.score > best.cand.score + 1e-9) best = m;
    }
    return best;
  }

  /** A term begun in the previous segment's tail and ended by words[0..m). */
  crossAt(tail: LexiconState["tail"], words: readonly HeardWord[]): { k: number; m: Match } | null {
    for (let k = tail.length; k > 0; k--) {
      for (let m = Math.min(words.length, this.index.maxWords + 1 - k); m > 0; m--) {
        if (!this.spanOk(words, 0, m)) continue;
        const joined: HeardWord[] = [...tail.slice(-k).map((t) => ({ lead: "", core: t.core, trail: "", fold: t.fold, named: false, acronym: false })), ...words.slice(0, m)];
        const match = this.spanMatch(joined, 0, k + m, false);
        if (match === null || match.cand.kind === "fuzzy") continue;
        const canonicalWords = this.index.entries[match.cand.index]!.entry.canonical.split(" ");
        if (canonicalWords.length !== k + m) continue;
        return { k, m: { ...match, end: m } };
      }
    }
    return null;
  }
}
