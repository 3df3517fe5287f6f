// Rule `self_repair`, broken-off clauses: a clause the speaker gave up part-way
// and started afresh — "It's so- This was funny", "Like this li- Point proven",
// "I think we need to… so I think we're fine". The whole broken clause goes,
// content words and all: the speaker never finished saying it, and the restart
// says what they settled on.
//
// The evidence is the break and what follows it:
// - a cut-off ("so-", "li-") followed by a new sentence or clause: the transcriber
//   heard the word stop;
// - a trail ("to…") after a word no clause ends on (an article, a preposition,
//   "to", a subject pronoun, a contracted "'s"/"'re"), followed by a word that
//   opens a clause. A comma is no such break: on Rev16 taking "some," the same
//   way removed four words wrongly for each one rightly.
// The clause runs back to the sentence start or to the last pause inside the
// sentence, at most MAX_CLAUSE words; a longer stretch without a pause is more
// than a false start and stays. A listener's interjection after a cut-off
// ("them- Yeah. standing there") is an interruption, not a restart: backchannels.ts.
import type { Removal } from "./apply.js";
import { BACKCHANNELS, cutInAfter } from "./backchannels.js";
import { isFiller } from "./fillers.js";
import type { DisfluencyOptions } from "./options.js";
import { BE_FORMS, hyphenedPrefixAt, sameBase, SUBJECT_PRONOUNS, WH_WORDS, type WordView } from "./words.js";

const MAX_CLAUSE = 6;
const BROKEN_CLAUSE_CONFIDENCE = 0.6;
const CUT_OFF: ReadonlySet<string> = new Set(["-", "\u2014"]);
const TRAIL: ReadonlySet<string> = new Set(["\u2026", "..."]);

/**
 * Words a clause cannot stop on, so a trail after them breaks it off: articles,
 * prepositions, subject pronouns, modals, contracted "'s"/"'re", forms of "be"
 * ("This is…") and "like" ("I'm able to, like…").
 */
const NON_FINAL: ReadonlySet<string> = new Set([
  "the", "a", "an", "my", "your", "our", "their", "its", "every", "of", "to", "with", "from", "for", "at", "into", "about",
  "between", "among", "upon", "toward", "towards", "via", "i", "we", "they", "he", "she", "and", "but", "or", "because",
  "if", "can", "could", "will", "would", "should", "must", "might", "gonna", "wanna", "just", "so", "very",
  "i'm", "we're", "they're", "you're", "he's", "she's", "it's", "that's", "there's", "what's", "i've", "we've", "they've",
  "you've", "i'll", "we'll", "they'll", "you'll", "i'd", "we'd", "they'd", "you'd",
  ...BE_FORMS, "like",
]);
/** Openers that join the restart and stay: "But I don't… I… Give it a successor" keeps "But". */
const JOINERS: ReadonlySet<string> = new Set(["and", "but", "so", "or", "because", "'cause", "cause", "then", "well", "now"]);

/** Words that open a new clause after the break. */
const CLAUSE_OPENERS: ReadonlySet<string> = new Set([
  ...SUBJECT_PRONOUNS, ...WH_WORDS, "there", "there's", "it's", "that's", "this", "these", "those", "i'm", "you're", "we're",
  "they're", "he's", "she's", "i've", "we've", "you've", "they've", "i'll", "we'll", "you'll", "they'll", "i'd", "we'd",
  "let's", "so", "and", "but", "anyway", "now",
]);
/** "It's, I think, fine": a clause after the break that is an aside, not a restart. */
const ASIDE_VERBS: ReadonlySet<string> = new Set(["think", "guess", "mean", "know", "see", "believe", "suppose", "feel", "hope", "say", "swear"]);

/** The first word of the clause ending at `k`, or -1 when it runs longer than MAX_CLAUSE words. */
function clauseStart(words: readonly WordView[], k: number): number {
  let s = k;
  while (s > 0 && words[s - 1]!.trail.length === 0) {
    s--;
    if (k - s + 1 > MAX_CLAUSE) return -1;
  }
  return s;
}

function opensClause(words: readonly WordView[], b: number, afterCut: boolean): boolean {
  const w = words[b]!;
  if (BACKCHANNELS.has(w.core)) return false;
  const aside = SUBJECT_PRONOUNS.has(w.core) && ASIDE_VERBS.has(words[b + 1]?.core ?? "");
  if (aside) return false;
  // In a transcript a capital after a cut-off starts the new sentence ("so- This was"); after a comma it is a name.
  if (afterCut && w.capitalised && w.core !== "i") return true;
  return CLAUSE_OPENERS.has(w.core);
}

function brokenClauseAt(words: readonly WordView[], k: number, o: DisfluencyOptions): Removal | null {
  const w = words[k]!;
  const cut = CUT_OFF.has(w.trail);
  const trail = TRAIL.has(w.trail);
  if (w.core === "" || (!cut && !trail) || (trail && !NON_FINAL.has(w.core)) || hyphenedPrefixAt(words, k)) return null;
  let s = clauseStart(words, k);
  if (s < 0) return null;
  let b = k + 1;
  while (b < words.length && isFiller(words[b]!, o)) b++;
  // "taste- mm-hmm and be like": a listener's sound in the break means the speaker was cut in on.
  if (b >= words.length || (cut && (b > k + 1 || cutInAfter(words, k)))) return null;
  // After a cut-off a capital starts a new sentence, which the joiner does not belong to
  // ("But I wonder if- Which is weird"); else the restart continues the joined sentence.
  const newSentence = cut && words[b]!.capitalised && words[b]!.core !== "i";
  if (!newSentence) {
    // "in the office and I… we worked": the broken clause is the one the last conjunction began.
    for (let j = k - 1; j > s; j--) if (JOINERS.has(words[j]!.core)) { s = j; break; }
    while (s < k && JOINERS.has(words[s]!.core)) s++;
  }
  if (s === k) return null;
  // "there's a… there's a longer-term": the restart says the clause again; repetitions and repairs match it back.
  for (let j = s; j <= k; j++) if (sameBase(words[j]!.core, words[b]!.core)) return null;
  if (!opensClause(words, b, cut || trail)) return null;
  return { start: s, end: k + 1, rule: "self_repair", confidence: BROKEN_CLAUSE_CONFIDENCE };
}

export function findBrokenClauses(words: readonly WordView[], o: DisfluencyOptions): Removal[] {
  const found: Removal[] = [];
  for (let k = 1; k + 1 < words.length; k++) {
    const r = brokenClauseAt(words, k, o);
    if (r !== null) found.push(r);
  }
  return found;
}
