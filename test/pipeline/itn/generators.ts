// Generators for ITN property tests: sentences biased toward the words ITN
// reads (number words, "dot", "point", "and", ordinals, months, currencies,
// units, address and clock words), with punctuation, hyphens and capitals.
import fc from "fast-check";

const NUMBER_WORDS = [
  "zero", "oh", "o", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
  "thirteen", "fifteen", "nineteen", "twenty", "thirty", "forty", "fifty", "ninety", "hundred", "thousand", "million",
  "billion", "lakh", "double", "triple", "minus", "negative", "plus",
];
const ORDINALS = ["first", "second", "third", "fourth", "fifth", "ninth", "tenth", "twelfth", "twentieth", "twenty-first", "hundredth", "thirds", "quarters"];
const JOINERS = ["and", "point", "dot", "at", "of", "the", "to", "through", "per", "a", "half", "quarter", "past", "after", "slash", "colon", "hyphen", "dash", "o'clock"];
const CLASS_WORDS = [
  "january", "july", "may", "march", "dollars", "dollar", "cents", "cent", "pounds", "percent", "cent", "kilometers", "meters",
  "hours", "hour", "kg", "square", "p", "m", "a", "am", "pm", "g", "t", "com", "net", "ai", "gmail", "h", "x", "s", "e",
  "chapter", "verse", "verses", "page", "nineties", "doctor", "mister", "for", "example", "saint", "world", "war", "henry", "g m t",
];
const PROSE = ["we", "saw", "it", "in", "is", "was", "those", "years", "ago", "over", "very", "people", "times", "CE", "i", "cat", "pc"];
const PUNCT = ["", "", "", "", "", "", ",", ".", "?", "!", ";", ":"];
const LEAD = ["", "", "", "", "", "", "", "(", '"', "-"];

const word = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...NUMBER_WORDS) },
  { weight: 2, arbitrary: fc.constantFrom(...ORDINALS) },
  { weight: 3, arbitrary: fc.constantFrom(...JOINERS) },
  { weight: 3, arbitrary: fc.constantFrom(...CLASS_WORDS) },
  { weight: 2, arbitrary: fc.constantFrom(...PROSE) },
  { weight: 1, arbitrary: fc.constantFrom("18,000", "1995", "$4.69", "12th", "5:30", "1.com", "x86", "3", "2.47", "a.bc@gmail.com") },
);

const styled = fc
  .tuple(word, fc.constantFrom(...LEAD), fc.constantFrom(...PUNCT), fc.constantFrom("lower", "lower", "lower", "lower", "Title", "UPPER"))
  .map(([w, lead, trail, kase]) => {
    const cased = kase === "Title" ? w[0]!.toUpperCase() + w.slice(1) : kase === "UPPER" ? w.toUpperCase() : w;
    return lead + cased + trail;
  });

/** A sentence of 1..14 ITN-heavy words; hyphenated pairs ("ninety-five") now and then. */
export const itnSentence: fc.Arbitrary<string> = fc
  .array(fc.oneof({ weight: 9, arbitrary: styled }, { weight: 1, arbitrary: fc.tuple(word, word).map(([a, b]) => `${a}-${b}`) }), {
    minLength: 1,
    maxLength: 14,
  })
  .map((w) => w.join(" "));
