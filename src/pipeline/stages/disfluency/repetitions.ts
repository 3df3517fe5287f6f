// Rule `repetition`: a word or short phrase said twice in a row ("the the
// soul", "it's, it's worth", "there is… there is this"), cut-off words
// restarted ("I- I'm", "wor- word") and clauses restarted after a word or two
// ("it was just it was a thing"). The earlier copy goes: the later one is
// what the speaker settled on. Legitimate doubles ("had had", "that that",
// "bye bye") come from the profile's list; numbers are never collapsed
// ("five five five" is a phone number, "zero dot zero dot one" an address).
import type { Removal } from "./apply.js";
import { isFiller } from "./fillers.js";
import type { DisfluencyOptions } from "./options.js";
import { closesWholeClause, contractionBase, COORDINATORS, FINITE_BE, FUNCTION_WORDS, isContentWord, isNumeric, NEGATED_AUXILIARY, NOUN_DETERMINERS, opensAside, opensPhrase, PREPOSITIONS, QUESTION_OPENERS, SUBJECT_CONTRACTIONS, SUBJECT_ONLY_PRONOUNS, SUBJECT_PRONOUNS, WH_WORDS, type WordView } from "./words.js";

const MAX_PHRASE = 4;
/** Words said between the parts of one number: "ten dot zero", "five point two", "nine one one dash". */
const NUMBER_JOINERS: ReadonlySet<string> = new Set(["dot", "point", "dash", "slash", "and", "o", "by", "x", "times", "plus", "minus", "to", "of"]);
const INITIAL = /^\p{L}$/u;
/** Shares said as a fraction: "a third, a third, a third". */
const FRACTIONS: ReadonlySet<string> = new Set(["half", "third", "quarter", "fifth", "tenth", "halves", "thirds", "quarters"]);
/** Pronouns a contraction can restate: "that" -> "that's", "we" -> "we're". */
const RESTATED_PRONOUNS: ReadonlySet<string> = new Set(["i", "you", "he", "she", "it", "we", "they", "that", "there", "this", "what", "who"]);
/** After these a pronoun is a clause's subject ("that it, it's"), not an object ("love it, it's great"). */
const SUBJECT_OPENERS: ReadonlySet<string> = new Set(["that", "because", "cause", "'cause", "if", "so", "and", "but", "when", "where", "while", "since", "until", "though", "although", "whether", "like", "or"]);
/** Doubled for emphasis, with or without a pause: "very, very good", "no, no". */
const EMPHATIC_DOUBLES: ReadonlySet<string> = new Set([
  "very", "really", "much", "many", "far", "long", "more", "too", "again", "over", "round", "around", "pretty", "bye", "ha", "haha",
  "blah", "knock", "tsk", "hush", "chop", "no", "yes", "now", "come", "go", "well",
]);

/**
 * "had had" and "that that" are grammatical only run together; "that, that" or
 * "yeah, yeah" with a pause between is a restart like any other word's.
 */
function restartedAfterPause(w: WordView): boolean {
  return w.trail === "," && !EMPHATIC_DOUBLES.has(w.core);
}

/** Cut-off marks ASR and transcribers write on an abandoned word. */
function isCutOff(w: WordView): boolean {
  return w.trail === "-" || w.trail === "\u2014" || w.trail === "\u2013";
}

/** Copies may be separated by a pause mark; a sentence end between them makes the repeat likelier deliberate. */
function separation(w: WordView): "none" | "pause" | "sentence" {
  if (w.trail.length === 0) return "none";
  return w.endsSentence ? "sentence" : "pause";
}

function sameWords(words: readonly WordView[], a: number, b: number, n: number): boolean {
  if (b + n > words.length) return false;
  for (let k = 0; k < n; k++) {
    if (words[a + k]!.core !== words[b + k]!.core) return false;
    // "your faves' faves", "the bosses' bosses": a plural's possessive owns the noun after it.
    if (PLURAL_POSSESSIVE_MARK.has(words[a + k]!.trail)) return false;
    // Inner punctuation of the first copy must match a phrase, not a list ("red, green red, green" is rare anyway).
    if (k < n - 1 && words[a + k]!.trail.length > 0) return false;
  }
  return true;
}

/** An apostrophe after a plural's "s", the possessive "faves'". */
const PLURAL_POSSESSIVE_MARK: ReadonlySet<string> = new Set(["'", "\u2019"]);

/** Said again as a pair ("up and down, up and down"), they describe a motion repeated. */
const DIRECTIONS: ReadonlySet<string> = new Set(["up", "down", "back", "forth", "in", "out", "to", "fro", "round", "around", "over", "on", "off", "here", "there"]);
const LETTERS_ONLY = /^[a-z]+$/;
const INFLECTION = /(?:ing|ed|es|s|e)$/;

/**
 * Two inflected forms of one word: "believing"/"believe", "wanted"/"want" ("king"/"kingdom" are two words).
 * Stricter than fragments.ts's sameStem, which reads a shared beginning: there the repeated subject
 * already shows a restart; here the two words are all the evidence.
 */
function otherForm(a: string, b: string): boolean {
  if (a === b || !LETTERS_ONLY.test(a) || !LETTERS_ONLY.test(b)) return false;
  const stem = a.replace(INFLECTION, "");
  return stem.length >= 3 && stem === b.replace(INFLECTION, "");
}

/** Letters that are words too: repeated, they are stutters ("a a problem", "I I think"). */
const LETTER_WORDS: ReadonlySet<string> = new Set(["a", "i", "o"]);

/** The repeated letter at i (again at `second`) is spelled: a consonant, or beside another lone letter ("d a a g"; "I, I, I" stutters). */
function spelledLetters(words: readonly WordView[], i: number, second: number): boolean {
  const letter = (w: WordView | undefined) => w !== undefined && INITIAL.test(w.core) && w.core !== words[i]!.core;
  return !LETTER_WORDS.has(words[i]!.core) || letter(words[i - 1]) || letter(words[second + 1]);
}

function repeatConfidence(words: readonly WordView[], i: number, n: number): number {
  const sep = separation(words[i + n - 1]!);
  if (sep === "sentence") return 0.6;
  if (n > 1) return 0.9;
  return FUNCTION_WORDS.has(words[i]!.core) ? 0.9 : 0.8;
}

/** Capitalised copies, each closed by a comma, and a capitalised word (no filler, not "I") after the second. */
function placeInRegion(words: readonly WordView[], i: number, second: number, n: number, o: DisfluencyOptions): boolean {
  if (second !== i + n || words[i + n - 1]!.trail !== "," || words[second + n - 1]!.trail !== ",") return false;
  for (let k = 0; k < n; k++) if (!words[i + k]!.capitalised) return false;
  const after = words[second + n];
  return after !== undefined && after.capitalised && after.core !== "i" && !FUNCTION_WORDS.has(after.core) && !isFiller(after, o);
}

/**
 * "314 West 42nd Street, NEW YORK New York", "she lives in New York, New York.": a name of two words or more
 * said twice inside a sentence, run on or closing it, is a city in the state of its name.
 */
function cityInStateOfItsName(words: readonly WordView[], i: number, second: number, n: number): boolean {
  if (n < 2 || second !== i + n || i === 0 || words[i - 1]!.endsSentence) return false;
  for (let k = 0; k < 2 * n; k++) if (!words[i + k]!.capitalised || FUNCTION_WORDS.has(words[i + k]!.core)) return false;
  const pause = words[i + n - 1]!.trail;
  const closes = second + n === words.length || words[second + n - 1]!.endsSentence;
  return pause === "" || (pause === "," && closes);
}

/** "took and took and took", "over, and over, and over": a word joined to itself by "and" is said again for emphasis. */
function joinedToItself(words: readonly WordView[], i: number): boolean {
  const w = words[i]!;
  if (w.core === "and") return i > 0 && words[i - 1]!.core === words[i + 1]!.core;
  return words[i + 1]!.core === "and" && words[i + 2]?.core === w.core;
}

/** Words after which "there" is a place: "we were there", "went there", "out there" ("I think there, there was" restarts). */
const PLACED_BEFORE_THERE: ReadonlySet<string> = new Set([
  "is", "are", "was", "were", "be", "been", "being", "go", "goes", "went", "going", "gone", "get", "got", "getting", "live", "lives",
  "lived", "living", "stay", "stayed", "staying", "out", "in", "up", "down", "over", "back", "sit", "sat", "stand", "stood", "right", "still",
]);

/** Pronouns whose object and subject forms are one word. */
const OBJECT_OR_SUBJECT: ReadonlySet<string> = new Set(["you", "it"]);

/**
 * The word at i is an object, and the same word after it opens the next clause: "with you, you
 * brought", "and question it, it does bring up", "give her her things" (after a verb, the second
 * "her" is the possessive). After a closed-class word ("because it, it was") the first is a subject.
 */
function objectThenNewUse(words: readonly WordView[], i: number): boolean {
  const w = words[i]!;
  const prev = words[i - 1];
  if (prev === undefined || prev.trail !== "") return false;
  if (w.core === "her") return w.trail === "" && !FUNCTION_WORDS.has(prev.core);
  // "We were there, there was no one": the place, then "there" opening a clause of being.
  if (w.core === "there") return (w.trail === "," || w.trail === "") && PLACED_BEFORE_THERE.has(prev.core) && FINITE_BE.has(words[i + 2]?.core ?? "");
  // Raw ASR marks no pause: there only "do", "have" or "get" with its subject shows the object ("i did it it was fun").
  const wholeClause = closesWholeClause(words, i);
  if (!(w.trail === "," || (w.trail === "" && wholeClause)) || !(OBJECT_OR_SUBJECT.has(w.core) || wholeClause)) return false;
  if (PREPOSITIONS.has(prev.core)) return true;
  // After a verb only "it": "you said you, you wonder" restarts its subject. The second "it" must
  // go on to a verb ("ignore it, it entirely" is a stutter). "Do", "have" or "get" with its subject
  // is such a verb too, and takes "this" as well ("I did it, it was fun", "we've got this, this is"),
  // and so is a demonstrative's "be" ("that was it, it was over").
  const after = words[i + 2];
  const verb = (isContentWord(prev.core) && !prev.capitalised && !NOT_VERBS.has(prev.core) && !SUBJECT_OPENERS.has(prev.core) && !ADVERB.test(prev.core)) ||
    wholeClause;
  return (w.core === "it" || w.core === "this") && verb && after !== undefined && (QUESTION_OPENERS.has(after.core) || (isContentWord(after.core) && !ADVERB.test(after.core)));
}
/** Content words that are no verb taking an object: "now it, it makes" restarts. */
const NOT_VERBS: ReadonlySet<string> = new Set(["now", "then", "maybe", "still", "also", "even", "yeah", "okay", "well"]);
const ADVERB = /ly$/;

/** Words that open the clause a second "is" follows: "what it is is", "all it is is". */
const CLAUSE_OPENERS: ReadonlySet<string> = new Set([...WH_WORDS, "all", "whatever"]);
/** Words a particle "on" finishes, before an "on" that is a preposition: "go on on Monday", "put it on on top", "and so on on". */
const BEFORE_PARTICLE_ON: ReadonlySet<string> = new Set([
  "go", "goes", "went", "going", "gone", "carry", "carried", "carrying", "move", "moved", "moving", "hold", "held", "holding",
  "come", "came", "coming", "turn", "turned", "turning", "put", "putting", "keep", "kept", "keeping", "log", "logged", "sign",
  "signed", "switch", "switched", "take", "took", "taken", "taking", "pass", "passed", "catch", "caught", "hang", "hung", "get",
  "got", "getting", "try", "tried", "have", "had", "later", "early", "earlier", "so", "it", "them", "him", "her", "this", "that",
]);
/**
 * Words a demonstrative "that" cannot stand before, so "that that" before one is a stutter: "things that
 * that you do", "agree that that the plastics", "lessons that that have come" ("I know that that is true" stays).
 */
const NOT_AFTER_DEMONSTRATIVE: ReadonlySet<string> = new Set([
  ...SUBJECT_PRONOUNS, ...NOUN_DETERMINERS, ...[...SUBJECT_CONTRACTIONS].filter((w) => w !== "that's"), "this", "are", "were", "have", "do",
]);
/** The doubles stutteredDouble checks by shape. */
const SHAPED_DOUBLES: ReadonlySet<string> = new Set(["so", "on", "you", "that", "is"]);
/** Words after which a pronoun is a clause's subject: "and you you think", "maybe you you don't", "you know it it's". */
const BEFORE_SUBJECT: ReadonlySet<string> = new Set([...SUBJECT_OPENERS, "then", "maybe", "think", "guess", "know", "yeah", "yes", "yep", "no", "right", "oh", "okay", "well", "now", "actually", "anyway"]);

/** words[i] is a pronoun in a subject's place: it opens a phrase or follows a conjunction or a discourse word. */
function inSubjectPlace(words: readonly WordView[], i: number): boolean {
  return opensPhrase(words, i) || BEFORE_SUBJECT.has(words[i - 1]!.core);
}

/**
 * Of the doubles the legit_doubles list allows, those whose grammatical use has a shape to check;
 * outside it they are stutters:
 * - "is is" after a clause said as the subject ("what it is is"), not "the self is is eternal", "what is is
 *   the self" or "the point is is that", whose second "is" a reader drops as the Rev16 editors do;
 * - "so so" (so-so) opening no phrase, not "so so basically";
 * - "on on" after a particle's verb ("go on on Monday"), not "focused on on the retail business";
 * - "you you" as an object then a subject ("told you you could"), not "and you you think";
 * - "that that" before what a demonstrative can open ("that that is true"), not "things that that you do";
 * - and any of these said three times running ("that that that"): the first is a stutter.
 */
function stutteredDouble(words: readonly WordView[], i: number): boolean {
  const w = words[i]!;
  const prev = i > 0 ? words[i - 1]! : undefined;
  const third = words[i + 2];
  if (!SHAPED_DOUBLES.has(w.core)) return false;
  if (third !== undefined && third.core === w.core && words[i + 1]!.trail === "") return true;
  switch (w.core) {
    case "so":
      return opensPhrase(words, i) && words[i + 1]!.trail === "" && i + 2 < words.length;
    case "on":
      return prev !== undefined && prev.trail === "" && !BEFORE_PARTICLE_ON.has(prev.core);
    case "you":
      return inSubjectPlace(words, i);
    case "that":
      // After a preposition the first is the pronoun, the second opens a clause: "a piece of that that we can use".
      return words[i + 1]!.trail === "" && third !== undefined && NOT_AFTER_DEMONSTRATIVE.has(third.core) &&
        !(prev !== undefined && PREPOSITIONS.has(prev.core));
    case "is":
      return prev !== undefined && !afterClauseOpener(words, i);
    default:
      return false;
  }
}

/**
 * A wh-word or "all" opens a clause before words[i] that has its own subject ("what it is", not "what is"),
 * within six words and no pause.
 */
function afterClauseOpener(words: readonly WordView[], i: number): boolean {
  for (let k = i - 2; k >= 0 && k >= i - 6; k--) {
    if (CLAUSE_OPENERS.has(words[k]!.core)) return true;
    if (k < i - 1 && words[k]!.trail.length > 0) return false;
  }
  return false;
}

/**
 * "that, that's all true", "it, it's crazy": the pronoun at i said again with its verb attached.
 * Unpunctuated, only a subject restarts so: "we we've seen", "you know it it's been" ("look at it it's
 * clear" and "to know that that's what we are" stay).
 */
function restatedPronoun(words: readonly WordView[], i: number): boolean {
  const w = words[i]!;
  const next = words[i + 1]!;
  if (!RESTATED_PRONOUNS.has(w.core) || next.core === w.core || contractionBase(next.core) !== w.core) return false;
  if (w.trail === ",") return opensPhrase(words, i) || SUBJECT_OPENERS.has(words[i - 1]!.core);
  return w.trail === "" && w.core !== "that" && (SUBJECT_ONLY_PRONOUNS.has(w.core) || inSubjectPlace(words, i));
}

/** Auxiliaries and the contractions that say them again: "it is it's", "we are we're", "i will i'll". */
const CONTRACTED: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ["is", new Set(["s"])], ["has", new Set(["s"])], ["are", new Set(["re"])], ["am", new Set(["m"])], ["will", new Set(["ll"])],
  ["would", new Set(["d"])], ["had", new Set(["d"])], ["have", new Set(["ve"])],
]);

/**
 * "i mean it is it's after the election", "we are we're going": a subject and its auxiliary said again as
 * one contracted word; the first saying goes, as "it is… it's" would be punctuated. ("no i didn't i went
 * home" is an answer and a new clause: fragments.ts reads the subject said again after an auxiliary.)
 */
function restatedWithContraction(words: readonly WordView[], i: number): boolean {
  const w = words[i]!;
  const aux = words[i + 1];
  const contracted = words[i + 2];
  if (aux === undefined || contracted === undefined || w.trail !== "" || aux.trail !== "" || !RESTATED_PRONOUNS.has(w.core)) return false;
  if (contractionBase(contracted.core) !== w.core || contracted.core === w.core) return false;
  return CONTRACTED.get(aux.core)?.has(contracted.core.slice(w.core.length + 1)) === true && (SUBJECT_ONLY_PRONOUNS.has(w.core) || inSubjectPlace(words, i));
}

/**
 * A phrase with a number in it said twice is not restarted when it is a number said in parts ("ten dot
 * zero dot zero dot one", "one two one two"), a list of numbered items ("knit two, knit two together",
 * "in eighteen twenty, in eighteen twenty four", "eighty percent open ninety percent open ninety nine"):
 * only number words and joiners, a pause after a number that ends the phrase, or a number right after
 * the second copy. "one of the one of the", "i have one i have one bone" are restarts.
 */
function numberedItems(words: readonly WordView[], i: number, second: number, n: number): boolean {
  const phrase = words.slice(i, i + n);
  if (!phrase.some((x) => isNumeric(x.core) || FRACTIONS.has(x.core))) return false;
  if (phrase.every((x) => isNumeric(x.core) || NUMBER_JOINERS.has(x.core))) return true;
  const last = phrase[n - 1]!;
  // "about a third, a third, a third": shares named one by one.
  if (last.trail.length > 0 && (isNumeric(last.core) || FRACTIONS.has(last.core))) return true;
  const after = words[second + n];
  return after !== undefined && isNumeric(after.core);
}

export function findRepetitions(words: readonly WordView[], o: DisfluencyOptions): Removal[] {
  const found: Removal[] = [];
  for (let i = 0; i + 1 < words.length; i++) {
    const w = words[i]!;
    if (w.core === "") continue;
    const next = words[i + 1]!;
    if (isCutOff(w) && next.core.startsWith(w.core) && !isNumeric(w.core)) {
      found.push({ start: i, end: i + 1, rule: "repetition", confidence: 0.85 });
      continue;
    }
    if (isFiller(w, o)) continue;
    if (restatedPronoun(words, i)) {
      found.push({ start: i, end: i + 1, rule: "repetition", confidence: 0.8 });
      continue;
    }
    if (restatedWithContraction(words, i)) {
      found.push({ start: i, end: i + 2, rule: "repetition", confidence: 0.75 });
      continue;
    }
    // "when believing, believe me", "I didn't, wasn't still watching": a word said again in another form,
    // or a negated auxiliary for another, after a pause.
    if (w.trail === "," && (otherForm(w.core, next.core) || (NEGATED_AUXILIARY.test(w.core) && NEGATED_AUXILIARY.test(next.core) && w.core !== next.core))) {
      found.push({ start: i, end: i + 1, rule: "repetition", confidence: 0.8 });
      continue;
    }
    const restart = restartedPhrase(words, i);
    if (restart > i) {
      found.push({ start: i, end: restart, rule: "repetition", confidence: 0.7 });
      i = restart - 1;
      continue;
    }
    for (let n = Math.min(MAX_PHRASE, (words.length - i) >> 1); n >= 1; n--) {
      // "the, uh, the soul": fillers between the copies go with the first copy.
      let second = i + n;
      while (second < words.length && isFiller(words[second]!, o)) second++;
      if (!sameWords(words, i, second, n)) continue;
      // Across a sentence end a closed-class word ending one sentence and opening the next plays two parts
      // ("hope for. For this", "up to it. It can"); an echoed word or phrase is still a repeat ("free. Free.").
      if (n === 1 && FUNCTION_WORDS.has(w.core) && separation(w) === "sentence" && i > 0 && !words[i - 1]!.endsSentence) break;
      // Letters spelled out: initials ("D. D.", "d a a g"); a consonant said twice is no stutter either ("d d").
      if (n === 1 && INITIAL.test(w.core) && (w.trail.startsWith(".") || spelledLetters(words, i, second))) break;
      // A name said twice running inside a sentence is a name of two words: "Louie Louie", "Wild Wild West".
      // With a pause between it is restarted like any word ("MNEK, MNEK, um, posted").
      if (n === 1 && w.capitalised && words[second]!.capitalised && w.core !== "i" && i > 0 && !words[i - 1]!.endsSentence &&
        w.trail === "" && second === i + 1) break;
      // "up and down, up and down", "back and forth back and forth": a pair of directions said again is a motion repeated.
      if (n === 3 && words[i + 1]!.core === "and" && DIRECTIONS.has(w.core) && DIRECTIONS.has(words[i + 2]!.core)) break;
      if (n === 2 && joinedToItself(words, i)) break;
      if (n === 1 && second === i + 1 && objectThenNewUse(words, i)) break;
      // "I was going to, to be honest, leave": the second copy opens an aside of its own.
      if (n === 1 && w.trail === "," && i > 0 && !words[i - 1]!.endsSentence && opensAside(words, second)) break;
      // "Chiba, Chiba, Japan", "New York, New York, USA": a place named for its region, then the wider one.
      if (placeInRegion(words, i, second, n, o) || cityInStateOfItsName(words, i, second, n)) break;
      // "Think of Stephen, think of Stephen!", "Come on, come on!": a phrase said again to an exclamation mark insists.
      if (n > 1 && words[i + n - 1]!.trail === "," && words[second + n - 1]!.trail.startsWith("!")) break;
      if (n === 1 && (isNumeric(w.core) || (o.legitDoubles.has(w.core) && !restartedAfterPause(w) && !stutteredDouble(words, i)))) break;
      if (n > 1 && numberedItems(words, i, second, n)) break;
      found.push({ start: i, end: second, rule: "repetition", confidence: repeatConfidence(words, i, n) });
      i = second - 1;
      break;
    }
  }
  return found;
}

/** Words a clause restarted from its subject or auxiliary opens with: "it was just it was a thing". */
const RESTART_OPENERS: ReadonlySet<string> = new Set([...SUBJECT_PRONOUNS, ...QUESTION_OPENERS]);
/** Small words the abandoned copy may add before the restart ("should we just should we"), besides closed-class ones. */
const GAP_WORDS: ReadonlySet<string> = new Set(["just", "really", "so", "not", "even", "kind", "sort", "all"]);
/** Fillers said twice with a word between are the filler's, not a restart ("you know the you know"). */
const FILLER_PHRASES: ReadonlySet<string> = new Set(["you know", "i mean"]);
/** A clause that reached its object is said, not abandoned: "if we can do that we can make it home", "we did it like we did". */
const CLOSING_OBJECTS: ReadonlySet<string> = new Set(["it", "that", "this", "them", "him", "her", "us", "me"]);
/** Most words the abandoned copy adds before the restart. */
const MAX_RESTART_GAP = 2;

/**
 * "it was just it was a thing", "should we just should we talk", "if i went to if i went home": a clause
 * opened by a subject or an auxiliary, two or three of its words said again after one or two small words,
 * with no mark between (raw ASR shows none; punctuated text marks a cut-off, read as a repeat). The first
 * copy and the words after it go. Coordinated clauses ("i wanted it and i wanted", "and we always had and
 * we always will have") and a clause that reached its object or its "is" ("we don't know is we don't
 * know") are said on. The end of the removal, or -1.
 */
function restartedPhrase(words: readonly WordView[], i: number): number {
  if (!RESTART_OPENERS.has(words[i]!.core)) return -1;
  for (let m = 3; m >= 2; m--) {
    for (let g = 1; g <= MAX_RESTART_GAP; g++) {
      const j = i + m + g;
      if (j + m >= words.length) continue;
      let same = true;
      for (let k = 0; k < m && same; k++) same = words[i + k]!.core === words[j + k]!.core && !COORDINATORS.has(words[i + k]!.core);
      if (!same || FILLER_PHRASES.has(`${words[i]!.core} ${words[i + 1]!.core}`)) continue;
      let quiet = true;
      for (let k = i; k < j && quiet; k++) quiet = words[k]!.trail === "" && !words[k]!.endsSentence;
      if (!quiet) continue;
      let small = true;
      for (let k = i + m; k < j && small; k++) {
        const w = words[k]!.core;
        small = (FUNCTION_WORDS.has(w) || GAP_WORDS.has(w)) && !COORDINATORS.has(w) && !FINITE_BE.has(w) && !CLOSING_OBJECTS.has(w);
      }
      // The words after the restart differ from the abandoned ones: else it is a longer repeat.
      if (!small || words[j + m]!.core === words[i + m]!.core) continue;
      return j;
    }
  }
  return -1;
}
