// Round trip: any number said the way a reader says it is written back as that
// number, in every class that reads numbers. The dev sets hold a few hundred
// hand-picked rows; these properties draw from the whole range, so a rule that
// only fits the rows it was written for fails here.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ordinalSuffix, spokenCardinal, spokenDigits, spokenOrdinal, spokenUnder100, spokenYear } from "./generators.js";
import { itn, nemoItn } from "./helpers.js";

const RUNS = Number(process.env.ITN_PROPERTY_RUNS ?? 300);
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/**
 * Counts in prose take separators from 10,000 up, and from 1,000 when said with "thousand" ("7,000 years";
 * "2005 years"); a round number of millions or billions keeps its scale word ("589 million").
 */
function writtenCount(n: number, spoken: string): string {
  if (n % 1_000_000 === 0) return `${n / 1_000_000} million`;
  return n >= 10_000 || (n >= 1000 && spoken.includes("thousand")) ? n.toLocaleString("en-US") : String(n);
}

function check<T>(arb: fc.Arbitrary<T>, spokenWritten: (v: T) => [string, string, boolean?]): void {
  fc.assert(
    fc.property(arb, (v) => {
      const [spoken, written, nemo] = spokenWritten(v);
      expect(itn(spoken, nemo === true ? nemoItn : undefined)).toBe(written);
    }),
    { numRuns: RUNS },
  );
}

describe("itn round trip, NeMo style (the number alone)", () => {
  it("cardinals from thirteen to a trillion, with and without 'and'", () => {
    check(fc.tuple(fc.integer({ min: 13, max: 999_999_999_999 }), fc.boolean()), ([n, and]) => [spokenCardinal(n, and), String(n), true]);
  });

  it("ordinals", () => {
    check(fc.integer({ min: 1, max: 999_999 }), (n) => [spokenOrdinal(n), `${n}${ordinalSuffix(n)}`, true]);
  });

  it("decimals, the fraction said digit by digit", () => {
    check(fc.tuple(fc.integer({ min: 0, max: 99_999 }), fc.stringMatching(/^[0-9]{1,3}$/)), ([whole, fraction]) => [
      `${spokenCardinal(whole)} point ${spokenDigits(fraction)}`,
      `${whole}.${fraction}`,
      true,
    ]);
  });

  it("dollars and cents", () => {
    check(fc.tuple(fc.integer({ min: 2, max: 99_999 }), fc.integer({ min: 2, max: 99 })), ([dollars, cents]) => [
      `${spokenCardinal(dollars)} dollars and ${spokenCardinal(cents)} cents`,
      `$${dollars}.${String(cents).padStart(2, "0")}`,
      true,
    ]);
  });

  it("dates, both orders, years in pairs or with 'two thousand'", () => {
    check(fc.tuple(fc.integer({ min: 0, max: 11 }), fc.integer({ min: 1, max: 31 }), fc.integer({ min: 1900, max: 2099 }), fc.boolean()), ([m, d, y, dayFirst]) => {
      const month = MONTHS[m]!.toLowerCase();
      const year = y >= 2010 ? `twenty ${spokenUnder100(y % 100)}` : spokenYear(y);
      return dayFirst
        ? [`the ${spokenOrdinal(d)} of ${month} ${year}`, `${d} ${month} ${y}`, true]
        : [`${month} ${spokenOrdinal(d)} ${year}`, `${month} ${d} ${y}`, true];
    });
  });

  it("clock times, a.m. and p.m. or neither", () => {
    // "seven eleven" alone is the shop (whitelist: "7-eleven").
    const clock = fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 10, max: 59 }), fc.constantFrom("", " a m", " p m"))
      .filter(([h, min, half]) => !(h === 7 && min === 11 && half === ""));
    check(clock, ([h, min, half]) => [
      `${spokenCardinal(h)} ${spokenUnder100(min)}${half}`,
      `${String(h).padStart(2, "0")}:${min}${half === "" ? "" : half === " a m" ? " a.m." : " p.m."}`,
      true,
    ]);
  });

  it("years said in pairs", () => {
    check(fc.integer({ min: 1300, max: 1999 }).filter((y) => y % 100 >= 10), (y) => [spokenYear(y), String(y), true]);
  });
});

describe("itn round trip, default style (in prose)", () => {
  it("counts", () => {
    check(fc.oneof(fc.integer({ min: 13, max: 999_999_999 }), fc.integer({ min: 1, max: 999 }).map((m) => m * 1_000_000)), (n) => {
      const spoken = spokenCardinal(n);
      return [`about ${spoken} people came`, `about ${writtenCount(n, spoken)} people came`];
    });
  });

  it("dates: month, ordinal day, year", () => {
    check(fc.tuple(fc.integer({ min: 0, max: 11 }), fc.integer({ min: 1, max: 28 }), fc.integer({ min: 1950, max: 2030 })), ([m, d, y]) => [
      `on ${MONTHS[m]!.toLowerCase()} ${spokenOrdinal(d)} ${y >= 2010 ? `twenty ${spokenUnder100(y % 100)}` : spokenYear(y)} we met`,
      `on ${MONTHS[m]!} ${d}, ${y} we met`,
    ]);
  });

  it("clock times with p m", () => {
    check(fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 10, max: 59 })), ([h, min]) => [
      `at ${spokenCardinal(h)} ${spokenUnder100(min)} p m`,
      `at ${h}:${min} p.m.`,
    ]);
  });

  it("percentages with a decimal", () => {
    check(fc.tuple(fc.integer({ min: 10, max: 99 }), fc.integer({ min: 0, max: 9 })), ([p, f]) => [
      `a rise of ${spokenUnder100(p)} point ${spokenDigits(String(f))} percent`,
      `a rise of ${p}.${f}%`,
    ]);
  });

  it("measures", () => {
    check(fc.integer({ min: 10, max: 999 }), (kg) => [`it weighs ${spokenCardinal(kg)} kilograms`, `it weighs ${kg} kg`]);
  });

  it("money with a scale", () => {
    check(fc.tuple(fc.integer({ min: 2, max: 99 }), fc.integer({ min: 1, max: 9 })), ([b, f]) => [
      `revenue of ${spokenUnder100(b)} point ${spokenDigits(String(f))} billion dollars`,
      `revenue of $${b}.${f} billion`,
    ]);
  });
});
