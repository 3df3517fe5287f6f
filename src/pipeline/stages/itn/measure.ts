// measure: a number with a unit from the units table — "two hundred
// kilometers per hour" -> "200 km/h", "minus sixty six kilograms" -> "-66 kg",
// "ten per square kilometer" -> "10/km²", ranges "five to ten kilometers" ->
// "5-10 km", "thirty to forty thousand tons" -> "30,000-40,000 tons". Everyday
// units (hours, minutes, tons) keep their word outside the nemo style, and then
// small numbers stay words too.
import { formatInteger, keepsTo, readAmount, sharedRangeScale, type Amount } from "./amount.js";
import { inchesAfterSpokenFeet, isSmall } from "./cardinal.js";
import { readOrdinal } from "./ordinal.js";
import { matchPhrase, type Unit } from "./tables.js";
import type { ClassMatcher, MatchContext } from "./span.js";

const CONFIDENCE = 0.9;
const RANGE_WORDS = new Set(["to", "through"]);

function unitAt(c: MatchContext, i: number, end: number): { unit: Unit; end: number } | null {
  const m = matchPhrase(c.t.units, c.words, i, end);
  return m === null ? null : { unit: m.value, end: m.end };
}

function written(c: MatchContext, u: Unit): string {
  return c.o.nemo ? u.nemoWritten : u.written;
}

type UnitsRead = { text: string; end: number; kind: Unit["kind"] };

/** "Squared" and "cubed" after a symbol raise its last unit: "meters per second squared" -> "m/s²". */
const POWERS: ReadonlyMap<string, string> = new Map([["squared", "²"], ["cubed", "³"]]);

function raised(c: MatchContext, u: UnitsRead | null, end: number): UnitsRead | null {
  const power = POWERS.get(c.words[u?.end ?? -1] ?? "");
  if (u === null || power === undefined || u.end >= end || u.kind !== "sci" || !/\p{L}$/u.test(u.text)) return u;
  return { text: u.text + power, end: u.end + 1, kind: u.kind };
}

/** The unit part after an amount: "km", "km/h", "/m²", "m/s²", or null. */
function readUnits(c: MatchContext, i: number, end: number): UnitsRead | null {
  return raised(c, readUnitPhrase(c, i, end), end);
}

function readUnitPhrase(c: MatchContext, i: number, end: number): UnitsRead | null {
  if (c.words[i] === "per") {
    const per = unitAt(c, i + 1, end);
    return per === null ? null : { text: `/${written(c, per.unit)}`, end: per.end, kind: "sci" };
  }
  const first = unitAt(c, i, end);
  if (first === null) return null;
  if (c.words[first.end] === "per" && first.end < end) {
    const per = unitAt(c, first.end + 1, end);
    if (per !== null) return { text: `${written(c, first.unit)}/${written(c, per.unit)}`, end: per.end, kind: "sci" };
  }
  // "sixty kilometers an hour" -> "60 km/h": "an" for "per" where the table knows the rate. An everyday
  // unit keeps its words outside the nemo style ("500 miles an hour", as books write it).
  const abbreviated = first.unit.kind === "sci" || c.o.abbreviateAllUnits;
  if (abbreviated && (c.words[first.end] === "a" || c.words[first.end] === "an") && first.end + 1 < end) {
    const per = unitAt(c, first.end + 1, end);
    if (per !== null) {
      const said = [...c.words.slice(i, first.end), "per", ...c.words.slice(first.end + 1, per.end)];
      const rate = matchPhrase(c.t.units, said, 0, said.length);
      if (rate !== null && rate.end === said.length) return { text: written(c, rate.value), end: per.end, kind: rate.value.kind };
    }
  }
  return { text: written(c, first.unit), end: first.end, kind: first.unit.kind };
}

/** Before a number whose unit word could also end an ordinal, these make it a measure: "a thirty second clip". */
const DURATION_DETERMINERS: ReadonlySet<string> = new Set(["a", "an", "per", "every", "each", "another"]);

export const matchMeasure: ClassMatcher = (c, i, end) => {
  const a = readAmount(c, i, end);
  if (a === null || a.scale !== "") return null;
  let number = a.number;
  let j = a.end;
  let b: Amount | null = null;
  if (RANGE_WORDS.has(c.words[j] ?? "") && j < end) {
    b = readAmount(c, j + 1, end);
    if (b !== null && b.scale === "" && readUnits(c, b.end, end) !== null) {
      // "thirty to forty thousand tons": the first end shares the second's "thousand".
      const scale = a.integer !== undefined && b.integer !== undefined ? sharedRangeScale(c, a.integer, j + 1, b.end, b.integer) : undefined;
      const from = scale === undefined ? a.number : formatInteger(c, a.integer! * scale, "count");
      const joiner = keepsTo(c, i) ? ` ${c.raw[j]!} ` : c.o.rangeDash;
      number = `${from}${joiner}${b.number}`;
      j = b.end;
    } else b = null;
  }
  const units = readUnits(c, j, end);
  if (units === null) return null;
  // "the twenty second", "West forty second Street", "one hundred twenty second": a unit word that
  // completes an ordinal ("second") is a day or a rank. Only after "a", "per", "every" is the
  // number a duration's measure ("a thirty second clip").
  if (b === null && !DURATION_DETERMINERS.has(c.words[i - 1] ?? "") && readOrdinal(c, i, end)?.end === units.end) return null;
  if (units.kind === "word" && !c.o.abbreviateAllUnits) {
    // "two hours" stays; "twenty hours" -> "20 hours" (the unit word as spoken).
    const last = b ?? a;
    // "six foot eleven inches": a height's inches stay words with the feet said before them.
    if (last.integer !== undefined && (isSmall(c.o.spellOutBelow, last.integer, last.words) || inchesAfterSpokenFeet(c, i, last.integer, last.words)) &&
      b === null) return null;
    return { end: units.end, text: `${number} ${c.raw.slice(j, units.end).join(" ")}`, confidence: CONFIDENCE };
  }
  // "10/km²" reads as one rate; NeMo's style writes "42259 /m²".
  const gap = units.text.startsWith("/") && !c.o.nemo ? "" : " ";
  return { end: units.end, text: `${number}${gap}${units.text}`, confidence: CONFIDENCE };
};
