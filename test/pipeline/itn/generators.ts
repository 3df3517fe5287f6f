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

// Spoken English for a number, as a reader says it: the round-trip property
// reads these back and expects the number. Written here rather than taken from
// a library so the test states exactly which spoken forms it covers.
const ONES = [
  "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
  "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
];
const TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
const SCALES = ["", "thousand", "million", "billion", "trillion"];
const IRREGULAR_ORDINALS: Record<string, string> = { one: "first", two: "second", three: "third", five: "fifth", eight: "eighth", nine: "ninth", twelve: "twelfth" };

export function spokenUnder100(n: number): string {
  return n < 20 ? ONES[n]! : TENS[Math.floor(n / 10)]! + (n % 10 === 0 ? "" : ` ${ONES[n % 10]!}`);
}

/** "one hundred (and) five", "twelve thousand three hundred forty": short scale, "and" after hundred when asked. */
export function spokenCardinal(n: number, withAnd = false): string {
  if (n === 0) return "zero";
  const groups: number[] = [];
  for (let x = n; x > 0; x = Math.floor(x / 1000)) groups.push(x % 1000);
  const out: string[] = [];
  for (let g = groups.length - 1; g >= 0; g--) {
    const v = groups[g]!;
    if (v === 0) continue;
    const hundreds = Math.floor(v / 100);
    const rest = v % 100;
    const parts: string[] = [];
    if (hundreds > 0) parts.push(`${ONES[hundreds]!} hundred`);
    if (rest > 0) parts.push((hundreds > 0 && withAnd ? "and " : "") + spokenUnder100(rest));
    out.push(parts.join(" ") + (SCALES[g] === "" ? "" : ` ${SCALES[g]!}`));
  }
  return out.join(" ");
}

/** "twenty third", "one hundred twelfth", "forty second". */
export function spokenOrdinal(n: number): string {
  const words = spokenCardinal(n).split(" ");
  const last = words.pop()!;
  const ordinal = IRREGULAR_ORDINALS[last] ?? (last.endsWith("y") ? `${last.slice(0, -1)}ieth` : `${last}th`);
  return [...words, ordinal].join(" ");
}

export function ordinalSuffix(n: number): string {
  const lastTwo = n % 100;
  if (lastTwo >= 11 && lastTwo <= 13) return "th";
  return ["th", "st", "nd", "rd"][n % 10] ?? "th";
}

/** A year as said in pairs ("nineteen ninety five"), or with "two thousand" before 2010 ("two thousand five"). */
export function spokenYear(year: number): string {
  if (year >= 2000 && year < 2010) return year === 2000 ? "two thousand" : `two thousand ${ONES[year % 10]!}`;
  const tail = year % 100;
  return `${spokenUnder100(Math.floor(year / 100))} ${tail === 0 ? "hundred" : tail < 10 ? `oh ${ONES[tail]!}` : spokenUnder100(tail)}`;
}

/** Digits said one by one: "zero five". */
export function spokenDigits(digits: string): string {
  return [...digits].map((d) => ONES[Number(d)]!).join(" ");
}
