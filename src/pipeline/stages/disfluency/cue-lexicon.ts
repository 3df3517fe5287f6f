// The words of an editing term (rule `self_repair`, read in interregnum.ts): the phrases and words
// that cue a correction, how strongly, and the words around a cue that make it content instead
// ("I'm sorry", "would rather", "there is no way").
import { BE_FORMS } from "./words.js";

/** Explicit correction phrases: on their own they make the repair likely. */
export const STRONG_PHRASES: readonly (readonly string[])[] = [
  ["i", "mean", "to", "say"], ["scratch", "that"], ["my", "bad"], ["i", "mean"], ["i", "meant"], ["or", "rather"], ["better", "yet"], ["or", "better"],
  ["i", "should", "say"], ["disregard", "that"], ["no", "wait"], ["or", "wait"], ["or", "no"], ["or", "sorry"],
  ["or", "actually"], ["or", "instead"], ["never", "mind"], ["dang", "it"], ["more", "specifically"], ["pardon", "me"],
  ["i", "actually", "meant"], ["i", "actually", "mean"], ["meant", "to", "say"], ["i", "meant", "to", "say"], ["or", "let", "me", "say"],
  ["or", "better", "yet"], ["i", "meant", "to", "ask"], ["i", "meant", "to", "ask", "about"], ["i", "mean", "to", "ask"], ["cancel", "that"], ["forget", "that"],
  ["remove", "that"], ["i", "misspoke"], ["my", "mistake"], ["i", "take", "that", "back"], ["or", "should", "i", "say"],
];
/**
 * Phrases a writer types to correct, which in speech offer an alternative ("Paris or maybe
 * London", "in Quebec or more generally Canada"): cues only where the profile says the
 * input is typed.
 */
export const TYPED_PHRASES: readonly (readonly string[])[] = [
  ["or", "more", "generally"], ["or", "maybe", "it", "was"], ["or", "i", "think"], ["or", "first"],
  ["first", "tell", "me"], ["no", "better", "yet"], ["no", "better"], ["or", "like"], ["first"], ["or", "better", "still"],
];
export const STRONG_WORDS = new Set(["sorry", "rather", "wait", "actually", "instead", "correction", "oops", "whoops", "nope", "nevermind", "dammit", "doh"]);
/** Adverbs that are content unless set off by commas or joined to another cue ("what actually happened"). */
export const CONTENT_PRONE = new Set(["rather", "wait", "actually", "instead"]);
/** Hesitations, "or", and the exclamations of a speaker annoyed at a slip ("ugh", "dang", "jeez"): cues with evidence. */
export const WEAK_WORDS = new Set(["oh", "oof", "ugh", "umm", "uhh", "erm", "er", "um", "uh", "hmm", "ah", "ahh", "or", "dang", "darn", "jeez", "geez", "gosh", "bah", "drat", "argh", "shucks"]);
/** Cue words that only extend a cue already begun ("no wait tell me what ..."). */
export const CONTINUATIONS: readonly (readonly string[])[] = [
  ["make", "that"], ["change", "that", "to"], ["tell", "me"], ["i", "guess"], ["let", "me", "rephrase", "that"], ["let", "me", "rephrase"], ["let", "me", "ask"], ["i", "want", "to", "know"],
  ["i", "wanted", "to", "know"], ["that", "should", "be"], ["that", "would", "be"], ["i'm", "sorry"], ["i", "am", "sorry"],
  ["tell", "me", "about"], ["i'd", "like", "to", "know"], ["i", "want", "to", "ask", "about"], ["i", "wanted", "to", "ask", "about"],
  ["what", "i", "really", "want", "to", "know", "is"], ["i", "really", "want", "to", "know"], ["it", "was"], ["it's", "called"],
  ["his", "name", "is"], ["her", "name", "is"], ["it", "should", "be"], ["stop"], ["and", "tell", "me"], ["just", "tell", "me"],
  ["that", "is", "wrong"], ["that's", "wrong"], ["i", "should", "have", "said"], ["what", "i", "want", "to", "say", "is"],
  ["what", "i", "meant", "was"], ["what", "i", "mean", "is"], ["more", "particularly"], ["i", "am", "wondering"], ["i'm", "wondering"],
  ["i", "was", "wondering"], ["i", "wonder"],
];
/** Disowning what was just said ("no, not that", "nope that's not right"): only after an explicit cue, since "uh, not that you care" is content. */
export const DISOWNING: readonly (readonly string[])[] = [
  ["not", "that", "but"], ["not", "that"], ["that", "is", "not", "right"], ["that's", "not", "right"],
];

/** Words before a cue that make it content: "I'm sorry", "would rather", "can't wait", "there's no". */
export const CONTENT_BEFORE: Readonly<Record<string, ReadonlySet<string>>> = {
  sorry: new Set(["than", "i'm", "am", "so", "be", "feel", "felt", "was", "were", "is", "are", "very", "really", "too", "you're", "we're", "they're", "say", "says", "said"]),
  // "I should say actually, Stacey Abrams has not lost": what is said or thought goes on after the adverb;
  // "and actually be shutting down", "not X, but actually Y": a conjunction joins what follows as more said.
  actually: new Set(["say", "said", "says", "think", "thought", "guess", "and", "but"]),
  rather: new Set(["would", "i'd", "you'd", "we'd", "they'd", "he'd", "she'd", "had", "'d"]),
  wait: new Set(["than", "to", "will", "can", "can't", "could", "would", "should", "must", "did", "didn't", "not", "just", "please", "i", "we", "they", "you", "i'll", "we'll", "let's", "and", "don't", "cannot", "couldn't", "won't", "wouldn't", "gonna", "gotta", "the", "a", "long"]),
  no: new Set(["there", "is", "was", "are", "were", "has", "have", "had", "with", "of", "for", "by", "in", "say", "said", "and", "or", "but", "at", "to", "be", "been", "made", "make", "makes", "take", "takes", "took", "get", "got", "gave", "give", "shows", "showed", "need", "yes", "requires", "required", "require", "offered", "offers", "offer",
    "exists", "exist", "existed", "leaves", "left", "poses", "posed", "pose", "bears", "bore", "holds", "held", "needs", "needed", "knows", "knew",
    "find", "finds", "found", "see", "sees", "saw", "seen", "win", "wins", "won", "pay", "pays", "paid", "receive", "receives", "received",
    "bear", "show", "felt", "feel", "feels", "hear", "heard", "lose", "lost", "keep", "keeps", "kept", "send", "sent", "allow", "allows",
    "allowed", "want", "wants", "wanted", "do", "does", "did", "means", "meant", "almost", "virtually", "practically", "nearly",
    "absolutely", "basically", "essentially", "just", "really", "definitely", "certainly", "simply", "hardly", "yield", "yields", "yielded",
    "produce", "produces", "produced", "play", "plays", "played", "cause", "causes", "caused", "provide", "provides", "provided", "contain",
    "contains", "contained", "score", "scored", "scores", "ask", "asks", "asked", "answer", "answered", "no", "note", "mind",
    // "The Company undertakes no obligation to update …", the boilerplate of every earnings call.
    "undertake", "undertakes", "undertook", "assume", "assumes", "assumed", "accept", "accepts", "accepted", "owe", "owes", "owed",
    "incur", "incurs", "incurred", "guarantee", "guarantees", "express", "expresses", "expressed",
    // "he replied no he waited": after a verb of saying "no" is what was said.
    "replied", "replies", "responded", "responds", "insisted", "insists", "shouted", "yelled", "wrote", "writes", "texted", "added", "explained", "explains", "told", "tells", ...BE_FORMS]),
};
/** Words after a cue that make it content: "sorry for", "rather than", "wait for", "no longer". */
export const CONTENT_AFTER: Readonly<Record<string, ReadonlySet<string>>> = {
  sorry: new Set(["for", "to", "about", "that"]),
  // "rather a greater quantity": the degree adverb.
  rather: new Set(["than", "a", "an"]),
  wait: new Set(["for", "until", "till", "and", "to", "on"]),
  instead: new Set(["of"]),
  no: new Set(["one", "longer", "more", "matter", "doubt", "way", "less", "other", "sooner", "idea", "such", "two", "wonder", "problem", "big", "thanks",
    "fewer", "greater", "joke", "kidding", "offense", "offence", "worries", "question", "exception", "exceptions", "surprise", "sweat"]),
};
