// The seed failures from issue 3 (PIPELINE.md "Must get right"), default style.
import { describe, expect, it } from "vitest";
import { itn, itnOnly } from "./helpers.js";

describe("itn seed cases", () => {
  it.each([
    ["nineteen ninety five", "1995"],
    ["two thousand and five years ago", "2005 years ago"],
    ["seven hundred and eighty eight to eight hundred and twenty CE", "788 to 820 CE"],
    ["over eighteen thousand verses", "over 18,000 verses"],
    ["the twelfth century", "the 12th century"],
    ["one of the most profound", "one of the most profound"],
    ["quarter past two", "2:15"],
    ["four dollars and sixty nine cents", "$4.69"],
    ["july fourth twenty twenty", "July 4, 2020"],
    ["five thirty p m", "5:30 p.m."],
  ])("%j -> %j", (spoken, written) => {
    expect(itn(spoken)).toBe(written);
  });

  it("small numbers in prose stay words; the threshold is a param", () => {
    expect(itn("those two went at one point")).toBe("those two went at one point");
    expect(itn("those two went", itnOnly({ params: { spell_out_below: 0 } }))).toBe("those 2 went");
    expect(itn("the fifty people", itnOnly({ params: { spell_out_below: 100 } }))).toBe("the fifty people");
  });

  it.each([
    ["comma", "over 18,000 verses"],
    ["space", "over 18 000 verses"],
    ["none", "over 18000 verses"],
  ])("thousands_separator %s", (separator, written) => {
    expect(itn("over eighteen thousand verses", itnOnly({ params: { thousands_separator: separator } }))).toBe(written);
  });

  it("currency_style code", () => {
    expect(itn("four dollars and sixty nine cents", itnOnly({ params: { currency_style: "code" } }))).toBe("USD 4.69");
  });
});
