// Whether a bare "X no Y" (or a lone adverb between two words) corrects like with like, "What continent
// no country", rather than "no" being a determiner ("requires no qualifications"): the shapes of the
// two words either side and of the phrase before them (rule `self_repair`, see repairs.ts).
import { restatedWithSubject } from "./verb-phrases.js";
import { BE_FORMS, baseOf, endsInQuestionMark, FUNCTION_WORDS, GERUND, isContentWord, isNumeric, isParticiple, OTHER_MODALS, PRESENT_VERB, PREPOSITIONS, QUESTION_OPENERS, WH_WORDS, type WordView } from "./words.js";

/** After a bare "no", a repair opening like a noun phrase ("no the colony", "no a term"). */
const DETERMINER_START = new Set(["the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "its"]);
/** Words that show the next word heads a noun phrase: "Which resort no coast", "the US no Syria". */
const NOUN_INTRODUCERS = new Set([
  "which", "what", "whose", "the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her",
  // Quantities and "of" also govern a noun: "How many cities no inhabitants", "What type of collection no space".
  "many", "much", "few", "several", "of",
]);
/** Suffixes that mark a word's form; a correction tends to keep the form ("increased no reduced"). */
const FORM_SUFFIXES = ["ing", "ed", "ly"];

const ORDINAL_WORDS: ReadonlySet<string> = new Set([
  "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "last", "next",
]);
function isOrdinal(core: string): boolean {
  return ORDINAL_WORDS.has(core) || /^\d+(?:st|nd|rd|th)$/.test(core);
}

/**
 * The sentence asks: it opens with a wh-word, or a preposition and one ("In what year"), and ends in a
 * question mark ("When the city was captured no fewer than …" is a clause of time).
 */
function asksWh(words: readonly WordView[], start: number): boolean {
  const first = words[start];
  if (first === undefined || !(WH_WORDS.has(first.core) || (PREPOSITIONS.has(first.core) && WH_WORDS.has(words[start + 1]?.core ?? "")))) return false;
  return endsInQuestionMark(words, start);
}

/** Modifiers looked back over between a noun phrase's opener and its noun. */
const MAX_MODIFIERS = 2;

/**
 * "the largest overall state no feature in", "what type of decision problem no graph is": a noun after an
 * opener and one or two modifiers, corrected by one noun that closes the phrase, a function word after it.
 * Nothing pauses in between.
 */
function modifiedNounCorrected(words: readonly WordView[], sentenceStart: number, a: number, after: WordView): boolean {
  const before = words[a - 1]!;
  if (before.trail !== "" || words[a]!.trail !== "" || FUNCTION_WORDS.has(after.core) || !isContentWord(after.core) || !isContentWord(before.core)) return false;
  // The sentence goes on after the repair: "the best player no question." is a comment, not a correction.
  const closing = words[a + 2];
  if (after.trail !== "" || closing === undefined || !(FUNCTION_WORDS.has(closing.core) || BE_FORMS.has(closing.core))) return false;
  for (let k = a - 2, seen = 0; k >= sentenceStart && seen <= MAX_MODIFIERS; k--, seen++) {
    const w = words[k]!;
    if (w.trail !== "") return false;
    if (NOUN_INTRODUCERS.has(w.core)) return seen >= 1;
    if (!isContentWord(w.core)) return false;
  }
  return false;
}

/** Degrees "how" asks about. */
const HOW_DEGREES: ReadonlySet<string> = new Set(["many", "much", "often", "long", "far", "old", "big", "large", "high", "fast", "soon", "tall", "deep", "wide"]);
/** Words and their opposites, either way round: one said for the other is corrected, never listed. */
const OPPOSITES: ReadonlyMap<string, string> = new Map(
  [
    ["north", "south"], ["east", "west"], ["northern", "southern"], ["eastern", "western"], ["upper", "lower"], ["first", "last"],
    ["inner", "outer"], ["maximum", "minimum"], ["increase", "decrease"], ["increased", "decreased"], ["highest", "lowest"],
    ["largest", "smallest"], ["earliest", "latest"], ["most", "least"], ["older", "younger"], ["oldest", "youngest"],
  ].flatMap(([x, y]) => [[x!, y!], [y!, x!]]),
);

/**
 * words[k] ("which", "what", "that") opens a relative clause rather than a noun phrase: inside the
 * sentence and not after a preposition ("a rule which gives no reason", "at target which girl no shame";
 * "in which city no town" is a determiner).
 */
function relativeAt(words: readonly WordView[], sentenceStart: number, k: number): boolean {
  const w = words[k]!;
  if (k === sentenceStart || !RELATIVE_OPENERS.has(w.core)) return false;
  const before = words[k - 1]!;
  // After a comma "what" asks ("Other than sunny days, what temperature wait characteristic"); "which" and "that" relate.
  return before.trail === "" ? !PREPOSITIONS.has(before.core) : before.trail === "," && w.core !== "what";
}
const RELATIVE_OPENERS: ReadonlySet<string> = new Set(["which", "what", "that"]);

/** A verb's present or past form: "constitutes", "produced". */
const FINITE_VERB = /^[a-z]{3,}(?:s|ed)$/;

/** Whether "X no Y" reads as one thing corrected by another of the same kind, not "requires no qualifications". */
export function parallelShape(words: readonly WordView[], sentenceStart: number, a: number, b: number, typed: boolean): boolean {
  const before = words[a - 1]!;
  const after = words[b]!;
  // The word said again, negated: "did develop wait not develop". After a bare "no", "not" disowns it ("die no not die").
  if (NEGATIONS.has(after.core) && after.trail === "" && words[b + 1]?.core === before.core && words[a]!.core !== "no") return true;
  // A capital is a name's, not a question word's or an auxiliary's ("told him no Do it now").
  if (DETERMINER_START.has(after.core) || (after.capitalised && !WH_WORDS.has(after.core) && !QUESTION_OPENERS.has(after.core))) return true;
  // A noun right after a wh-word or determiner, corrected by a content word: "What continent no country".
  const intro = a - 2 >= sentenceStart ? words[a - 2]! : undefined;
  // After a pause only a wh-word's noun ("What continent, no country"): "the departure, no holiday
  // feeling at all" lists what there was not.
  if (intro !== undefined && intro.trail === "" && (before.trail === "" || WH_WORDS.has(intro.core)) && NOUN_INTRODUCERS.has(intro.core) &&
    !FUNCTION_WORDS.has(before.core) && !FUNCTION_WORDS.has(after.core) && !relativeAt(words, sentenceStart, a - 2)) return true;
  if (modifiedNounCorrected(words, sentenceStart, a, after)) return true;
  // A wh-question's subject after its auxiliary: "Why does aluminium no oxygen form", "What do communities no
  // member states say". A speaker's determiner "no" does not follow a question's subject.
  if (intro !== undefined && intro.trail === "" && before.trail === "" && QUESTION_OPENERS.has(intro.core) && isContentWord(before.core) &&
    isContentWord(after.core) && !before.capitalised && asksWh(words, sentenceStart)) return true;
  // A verb restated by a pronoun and a verb of its form: "Krishna explains rather he reveals".
  if (restatedWithSubject(words, a - 1, b)) return true;
  // An auxiliary corrected by an auxiliary, or by its negation: "What could no did Alec propose", "were no weren't".
  if (QUESTION_OPENERS.has(before.core) && QUESTION_OPENERS.has(baseOf(after.core))) return true;
  if (isNumeric(before.core) && isNumeric(after.core)) return true;
  // A rank corrected by a rank: "the world's first no second largest".
  if (isOrdinal(before.core) && isOrdinal(after.core) && before.core !== after.core && before.trail === "") return true;
  // A preposition corrected by a preposition: "came after no before the war".
  if (PREPOSITIONS.has(before.core) && PREPOSITIONS.has(after.core) && before.core !== after.core) return true;
  // A prepositional phrase corrected by another: "happened in 1971 no between 1973 and 1974", "at home no at work".
  if (intro !== undefined && intro.trail === "" && PREPOSITIONS.has(intro.core) && PREPOSITIONS.has(after.core) &&
    (isContentWord(before.core) || isNumeric(before.core))) return true;
  // "how many no often", "how far no long": the degree "how" asks about, corrected.
  if (intro?.core === "how" && intro.trail === "" && HOW_DEGREES.has(before.core) && HOW_DEGREES.has(after.core)) return true;
  // A direction or an end corrected by its opposite: "as far south no north", "the upper no lower house".
  if (OPPOSITES.get(before.core) === after.core) return true;
  // A verb corrected by a modal or an auxiliary, which no determiner "no" precedes: "What element
  // constitutes no has". After a preposition or a determiner the word in -s is a plural noun ("from physicians no has").
  if (FINITE_VERB.test(before.core) && !before.core.endsWith("ss") && isContentWord(before.core) && (QUESTION_OPENERS.has(after.core) || OTHER_MODALS.has(after.core)) &&
    intro !== undefined && !PREPOSITIONS.has(intro.core) && !NOUN_INTRODUCERS.has(intro.core)) return true;
  // A subject question's verb corrected by another: "Who ensures no represents".
  if (intro !== undefined && (intro.core === "who" || intro.core === "what") && intro.trail === "" && PRESENT_VERB.test(before.core) && PRESENT_VERB.test(after.core)) return true;
  // Typed text: two content words either side ("brick-and-mortar no internet", "involved no supervises").
  // Speech has too many "on board no cargo"s for this; the words that take "no" as a determiner
  // ("found no", "almost no") were excluded by the caller either way.
  if (typed && isContentWord(before.core) && isContentWord(after.core)) return true;
  // A participle for a participle, irregular ones too, closing the phrase: "are transported no blown onto",
  // "made, no produced?"; before a noun it is the determiner's adjective ("given no written warning").
  const next = words[b + 1];
  if (isParticiple(before.core) && isParticiple(after.core) && isContentWord(before.core) && isContentWord(after.core) &&
    (after.endsSentence || (next !== undefined && (FUNCTION_WORDS.has(next.core) || PREPOSITIONS.has(next.core))))) return true;
  // A preposition's noun corrected by a gerund with its object: "credit for deforestation no discovering
  // geoglyphs"; "in hospitals no smoking is allowed" is the determiner's.
  if (intro !== undefined && intro.trail === "" && before.trail === "" && PREPOSITIONS.has(intro.core) && isContentWord(before.core) &&
    !before.core.endsWith("ing") && GERUND.test(after.core) && after.trail === "" && next !== undefined && (isContentWord(next.core) || DETERMINER_START.has(next.core)) &&
    !QUESTION_OPENERS.has(next.core) && !BE_FORMS.has(next.core)) return true;
  return FORM_SUFFIXES.some((suffix) => before.core.endsWith(suffix) && after.core.endsWith(suffix));
}
const NEGATIONS: ReadonlySet<string> = new Set(["not", "never"]);
