// ITN options: class switches and style params, parsed once at compile time.
// `style: nemo` is a preset for NeMo's written conventions (no thousands
// separator, zero-padded clock hours, "july 25 2012", "18 %", small numbers
// up to twelve kept as words, …); any explicit param still wins over the preset.
import { OptionReader, type BaseStageOptions, type ResolvedStageSettings } from "../../stage.js";
import type { ItnTables } from "./tables.js";

export const ITN_CLASSES = [
  "cardinal",
  "range",
  "ordinal",
  "decimal",
  "fraction",
  "percent",
  "money",
  "measure",
  "date",
  "time",
  "telephone",
  "electronic",
  "verse_ref",
  "roman",
  "whitelist",
  "title",
  "letters",
] as const;
export type ItnClass = (typeof ITN_CLASSES)[number];

/** Classes that only run when asked for (they rewrite words that are often plain prose). */
const OFF_BY_DEFAULT: ReadonlySet<ItnClass> = new Set(["roman", "whitelist"]);
/** Classes the nemo style leaves out (NeMo reads "twenty to thirty" as two numbers, keeps "u k" apart, and its whitelist writes "mr."). */
const OFF_IN_NEMO: ReadonlySet<ItnClass> = new Set(["range", "letters", "title"]);

const DASHES = { hyphen: "-", en_dash: "\u2013" } as const;
type DashName = keyof typeof DASHES;

const SEPARATORS = { comma: ",", period: ".", space: " ", thin_space: "\u2009", none: "" } as const;
type SeparatorName = keyof typeof SEPARATORS;

export interface ItnOptions extends BaseStageOptions {
  /** Undefined without loaded tables: the stage then changes nothing. */
  tables: ItnTables | undefined;
  classes: ReadonlySet<ItnClass>;
  nemo: boolean;
  /** Single-word cardinals below this stay words in running prose ("one of the", "those two"). */
  spellOutBelow: number;
  /**
   * In written prose — a segment that arrives punctuated, as Whisper writes —
   * a number of one or two words below this stays words. Units, money, dates
   * etc. still convert. 0 = off. The default (13) spells out the numbers
   * said in one short word, zero to twelve: in edited English prose
   * (GoogleTN's Wikipedia sentences) 13..99 are written in digits about a
   * hundred times as often as in words, while "ten", "eleven" and "twelve"
   * are often kept as words ("had eleven children", "the top ten"), and
   * rewriting words the writer meant costs more than leaving a number
   * spelled out (on GoogleTN: identity rows 99.9% untouched against 99.6%
   * with 10, changed rows 66.6% against 67.1%). 10 is the news convention (zero to nine);
   * 100 keeps one- and two-word numbers as words (Chicago style).
   */
  proseSpellOutBelow: number;
  /** Ordinals below this stay words ("the first time"); "the twelfth century" converts. */
  ordinalSpellOutBelow: number;
  thousandsSeparator: string;
  /**
   * Joins a range's ends ("28-30", "5-10 km", "verses 5-7"). A plain hyphen by
   * default, as typed text and transcripts write ranges (GoogleTN's references
   * never use the en dash); en_dash for typeset output ("28–30").
   */
  rangeDash: string;
  /** Integers with fewer digits get no separator ("18,000 verses"); at 4, four digits said as a year never do ("2005 years"). */
  separatorMinDigits: number;
  currencyStyle: "symbol" | "code";
  padHour: boolean;
  /** "eight fifty two" read as a clock time without a.m./p.m. or o'clock. */
  bareClock: boolean;
  capitalizeMonths: boolean;
  dateComma: boolean;
  percentSpace: boolean;
  /** Abbreviate every unit ("3 h"); else word units stay words ("3 hours"). */
  abbreviateAllUnits: boolean;
  verseFormat: "dotted" | "words";
  /**
   * A number phrase whose first word is capitalised stays words: titles and
   * names ("One Hundred Maxims", "the Fifteenth Congress") and sentence-initial
   * numbers, which style guides spell out ("Twenty one policemen were hurt").
   */
  respectCase: boolean;
  /** A small number after a label word (labels.tsv) is written in digits: "level 2", "volume 1". */
  digitsAfterLabels: boolean;
  /** Punctuation after a merged span is set off by a space ("20 !"), as NeMo writes it. */
  detachPunctuation: boolean;
}

export function parseItnOptions(settings: ResolvedStageSettings, tables: ItnTables | undefined): ItnOptions {
  const r = new OptionReader("itn", settings);
  const nemo = r.choice("style", "default", ["default", "nemo"]) === "nemo";
  const classes = new Set<ItnClass>();
  for (const name of ITN_CLASSES) {
    const onByDefault = nemo ? !OFF_IN_NEMO.has(name) && (!OFF_BY_DEFAULT.has(name) || name === "whitelist") : !OFF_BY_DEFAULT.has(name);
    if (r.classEnabled(name, onByDefault)) classes.add(name);
  }
  const separator = r.choice<SeparatorName>("thousands_separator", nemo ? "none" : "comma", Object.keys(SEPARATORS) as SeparatorName[]);
  const options: ItnOptions = {
    applyThreshold: r.applyThreshold(),
    tables,
    classes,
    nemo,
    spellOutBelow: r.number("spell_out_below", nemo ? 13 : 10, 0, 1000),
    proseSpellOutBelow: r.number("prose_spell_out_below", nemo ? 0 : 13, 0, 1000),
    ordinalSpellOutBelow: r.number("ordinal_spell_out_below", nemo ? 0 : 10, 0, 1000),
    thousandsSeparator: SEPARATORS[separator],
    rangeDash: DASHES[r.choice<DashName>("range_dash", "hyphen", Object.keys(DASHES) as DashName[])],
    separatorMinDigits: r.number("separator_min_digits", 4, 4, 30),
    currencyStyle: r.choice("currency_style", "symbol", ["symbol", "code"]),
    padHour: r.boolean("pad_hour", nemo),
    bareClock: r.boolean("bare_clock", nemo),
    capitalizeMonths: r.boolean("capitalize_months", !nemo),
    dateComma: r.boolean("date_comma", !nemo),
    percentSpace: r.boolean("percent_space", nemo),
    abbreviateAllUnits: r.boolean("abbreviate_all_units", nemo),
    verseFormat: r.choice("verse_format", "dotted", ["dotted", "words"]),
    respectCase: r.boolean("respect_case", !nemo),
    digitsAfterLabels: r.boolean("digits_after_labels", !nemo),
    detachPunctuation: r.boolean("detach_punctuation", nemo),
  };
  r.finish();
  return options;
}
