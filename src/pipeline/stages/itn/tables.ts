// Parsing the ITN tables (config/itn/en/*.tsv) into lookups. Pure: the caller
// supplies each file's text. Every lookup is built here, once, so the stage's
// hot path is Map/Set hits only.

/** The raw TSV texts, by table name (file name without .tsv). */
export type ItnTableSources = Partial<Record<ItnTableName, string>>;

export const ITN_TABLE_NAMES = [
  "numbers",
  "scales",
  "ordinals",
  "months",
  "currencies",
  "currency_minor",
  "units",
  "time_zones",
  "tlds",
  "whitelist",
  "domains",
  "labels",
  "place_codes",
  "idioms",
  "regnal_names",
  "eras",
  "titles",
  "street_types",
  "letter_pairs",
] as const;
export type ItnTableName = (typeof ITN_TABLE_NAMES)[number];

export interface Currency {
  symbol: string;
  code: string;
  /** "singular" | "plural" | "both": "one dollars" is not money, "two dollar" is tolerated. */
  number: string;
}

export interface Unit {
  written: string;
  nemoWritten: string;
  /** sci: always abbreviated; word: abbreviated only in the nemo style. */
  kind: "sci" | "word";
}

/** A table keyed by phrases of one or more words, matched longest first. */
export interface PhraseTable<T> {
  readonly byPhrase: ReadonlyMap<string, T>;
  /** Most words in any phrase; bounds the lookahead. */
  readonly maxWords: number;
  /** The first word of every phrase: a lookup at any other word ends at once, without building keys. */
  readonly firstWords: ReadonlySet<string>;
}

/** A title said before a name ("mister" -> "Mr."), and what must follow it. */
export interface Title {
  written: string;
  before: "word" | "name";
}

export interface ItnTables {
  /** Cardinal words 0..90 (zero..nineteen, twenty..ninety). */
  readonly numbers: ReadonlyMap<string, number>;
  /** Words that read as a zero digit only inside digit strings ("oh", "o"). */
  readonly zeroDigits: ReadonlySet<string>;
  /** Plurals of the units ("ones" .. "nines") -> their value: read only after a tens word ("seventy fives"). */
  readonly plurals: ReadonlyMap<string, number>;
  /** hundred, thousand, … crore, as exact values. */
  readonly scales: ReadonlyMap<string, bigint>;
  /** Ordinal word -> the cardinal word it stands for. */
  readonly ordinals: ReadonlyMap<string, string>;
  readonly months: ReadonlyMap<string, { written: string; number: number }>;
  readonly currencies: PhraseTable<Currency>;
  readonly currencyMinor: ReadonlyMap<string, number>;
  readonly units: PhraseTable<Unit>;
  /** Every unit as said or written, lower case ("kilometers", "km"): after a figure such a word is the measure's. */
  readonly unitForms: ReadonlySet<string>;
  readonly timeZones: PhraseTable<string>;
  /** Era markers after a year, as said -> as written ("b c" -> "BC"). */
  readonly eras: PhraseTable<string>;
  readonly tlds: ReadonlySet<string>;
  readonly whitelist: PhraseTable<string>;
  /** Numbers said as a fixed expression, written as one ("twenty four seven" -> "24/7"); read by the cardinal class. */
  readonly idioms: PhraseTable<string>;
  /** Well-known names said in pieces ("g mail", "n vidia") -> their written form in an address. */
  readonly domains: PhraseTable<string>;
  /** Letters joined by "and" written with an ampersand: "r and d" -> "R&D". */
  readonly letterPairs: PhraseTable<string>;
  /** Words after which a number is a label ("level two" -> "level 2"): small numbers convert there. */
  readonly labels: ReadonlySet<string>;
  /** Label words a spelled letter may follow ("vitamin D", "plan B"). */
  readonly letterLabels: ReadonlySet<string>;
  /** Label words whose number is an identifier, written without thousands separators ("ZIP code 26278"). */
  readonly codeLabels: ReadonlySet<string>;
  /** Abbreviated labels, written with their period before the number ("p. 1", "vol. 2"). */
  readonly abbreviatedLabels: ReadonlySet<string>;
  /** Letter codes of places, written without periods after "Place," ("London, UK"). */
  readonly placeCodes: ReadonlySet<string>;
  /** Names that take a regnal numeral, lower case -> as written ("henry" -> "Henry"): read in any case. */
  readonly regnalNames: ReadonlyMap<string, string>;
  /** Spoken title -> its written abbreviation and what must follow it. */
  readonly titles: ReadonlyMap<string, Title>;
  /** Every title as said or written, lower case, without its period ("mister", "mr"). */
  readonly titleForms: ReadonlySet<string>;
  /** Words that end a street's name ("street", "avenue"). */
  readonly streetTypes: ReadonlySet<string>;
}

export class ItnTableError extends Error {
  override readonly name = "ItnTableError";
}

type Row = { cells: string[]; line: number };

function rows(table: string, text: string | undefined, minCells: number): Row[] {
  if (text === undefined) return [];
  const out: Row[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === "" || line.startsWith("#")) continue;
    const cells = line.split("\t").map((c) => c.trim());
    if (cells.length < minCells || cells.slice(0, minCells).some((c) => c === "")) {
      throw new ItnTableError(`${table}.tsv line ${i + 1}: expected ${minCells} tab-separated columns, got ${JSON.stringify(line)}`);
    }
    out.push({ cells, line: i + 1 });
  }
  return out;
}

/** Spoken keys are lower-case words joined by single spaces. */
function phraseKey(spoken: string): string {
  return spoken.toLowerCase().split(/\s+/).join(" ");
}

function phraseTable<T>(entries: Iterable<[string, T]>): PhraseTable<T> {
  const byPhrase = new Map<string, T>();
  const firstWords = new Set<string>();
  let maxWords = 0;
  for (const [spoken, value] of entries) {
    const key = phraseKey(spoken);
    byPhrase.set(key, value);
    const words = key.split(" ");
    firstWords.add(words[0]!);
    maxWords = Math.max(maxWords, words.length);
  }
  return { byPhrase, maxWords, firstWords };
}

function integer(table: string, row: Row, cell: string): number {
  const n = Number(cell);
  if (!Number.isInteger(n)) throw new ItnTableError(`${table}.tsv line ${row.line}: ${JSON.stringify(cell)} is not an integer`);
  return n;
}

export function parseItnTables(sources: ItnTableSources): ItnTables {
  const numbers = new Map<string, number>();
  const zeroDigits = new Set<string>();
  const plurals = new Map<string, number>();
  for (const row of rows("numbers", sources.numbers, 2)) {
    const [spoken, value, kind = "number"] = row.cells;
    if (kind === "digit") zeroDigits.add(spoken!.toLowerCase());
    else if (kind === "plural") plurals.set(spoken!.toLowerCase(), integer("numbers", row, value!));
    else numbers.set(spoken!.toLowerCase(), integer("numbers", row, value!));
  }
  const scales = new Map<string, bigint>();
  for (const row of rows("scales", sources.scales, 2)) {
    if (!/^\d+$/.test(row.cells[1]!)) throw new ItnTableError(`scales.tsv line ${row.line}: value must be digits`);
    scales.set(row.cells[0]!.toLowerCase(), BigInt(row.cells[1]!));
  }
  const ordinals = new Map<string, string>();
  for (const row of rows("ordinals", sources.ordinals, 2)) ordinals.set(row.cells[0]!.toLowerCase(), row.cells[1]!.toLowerCase());
  const months = new Map<string, { written: string; number: number }>();
  for (const row of rows("months", sources.months, 3)) {
    months.set(row.cells[0]!.toLowerCase(), { written: row.cells[1]!, number: integer("months", row, row.cells[2]!) });
  }
  const currencies = phraseTable<Currency>(
    rows("currencies", sources.currencies, 3).map((r) => [r.cells[0]!, { symbol: r.cells[1]!, code: r.cells[2]!, number: r.cells[3] ?? "both" }]),
  );
  const currencyMinor = new Map<string, number>();
  for (const row of rows("currency_minor", sources.currency_minor, 2)) currencyMinor.set(row.cells[0]!.toLowerCase(), Number(row.cells[1]));
  const units = phraseTable<Unit>(
    rows("units", sources.units, 2).map((r) => {
      const nemo = r.cells[2] === undefined || r.cells[2] === "-" ? r.cells[1]! : r.cells[2];
      return [r.cells[0]!, { written: r.cells[1]!, nemoWritten: nemo, kind: r.cells[3] === "word" ? "word" : "sci" }];
    }),
  );
  const unitForms = new Set([...units.byPhrase].flatMap(([spoken, u]) => [spoken, u.written, u.nemoWritten].map((f) => f.toLowerCase())));
  const timeZones = phraseTable<string>(rows("time_zones", sources.time_zones, 2).map((r) => [r.cells[0]!, r.cells[1]!]));
  const eras = phraseTable<string>(rows("eras", sources.eras, 2).map((r) => [r.cells[0]!, r.cells[1]!]));
  const tlds = new Set(rows("tlds", sources.tlds, 1).map((r) => r.cells[0]!.toLowerCase()));
  const whitelist = phraseTable<string>(rows("whitelist", sources.whitelist, 2).map((r) => [r.cells[0]!, r.cells[1]!]));
  const domains = phraseTable<string>(rows("domains", sources.domains, 2).map((r) => [r.cells[0]!, r.cells[1]!]));
  const letterPairs = phraseTable<string>(rows("letter_pairs", sources.letter_pairs, 2).map((r) => [r.cells[0]!, r.cells[1]!]));
  const idioms = phraseTable<string>(rows("idioms", sources.idioms, 2).map((r) => [r.cells[0]!, r.cells[1]!]));
  const labels = new Set<string>();
  const letterLabels = new Set<string>();
  const codeLabels = new Set<string>();
  const abbreviatedLabels = new Set<string>();
  for (const row of rows("labels", sources.labels, 1)) {
    const [word, kind = "number"] = row.cells;
    if (kind !== "number" && kind !== "letter" && kind !== "both" && kind !== "code" && kind !== "abbreviation") {
      throw new ItnTableError(`labels.tsv line ${row.line}: kind must be number, letter, both, code or abbreviation, got ${JSON.stringify(kind)}`);
    }
    const label = word!.toLowerCase();
    if (kind === "code") codeLabels.add(label);
    else if (kind === "abbreviation") abbreviatedLabels.add(label);
    else {
      if (kind !== "letter") labels.add(label);
      if (kind !== "number") letterLabels.add(label);
    }
  }
  const placeCodes = new Set(rows("place_codes", sources.place_codes, 1).map((r) => r.cells[0]!.toLowerCase()));
  const regnalNames = new Map(rows("regnal_names", sources.regnal_names, 1).map((r) => [r.cells[0]!.toLowerCase(), r.cells[0]!]));
  const titles = new Map<string, Title>();
  for (const row of rows("titles", sources.titles, 3)) {
    const before = row.cells[2];
    if (before !== "word" && before !== "name") throw new ItnTableError(`titles.tsv line ${row.line}: what follows must be word or name, got ${JSON.stringify(before)}`);
    titles.set(row.cells[0]!.toLowerCase(), { written: row.cells[1]!, before });
  }
  const titleForms = new Set([...titles].flatMap(([spoken, t]) => [spoken, t.written.replace(/\.$/, "").toLowerCase()]));
  const streetTypes = new Set(rows("street_types", sources.street_types, 1).map((r) => r.cells[0]!.toLowerCase()));
  return { numbers, zeroDigits, plurals, scales, ordinals, months, currencies, currencyMinor, units, timeZones, eras, tlds, whitelist, idioms, domains, letterPairs, labels, letterLabels, codeLabels, abbreviatedLabels, placeCodes, regnalNames, titles, titleForms, streetTypes, unitForms };
}

/** Longest phrase of the table starting at words[i] (within end): its value and end index. */
export function matchPhrase<T>(table: PhraseTable<T>, words: readonly string[], i: number, end: number): { value: T; end: number } | null {
  if (i >= end || !table.firstWords.has(words[i]!)) return null;
  const limit = Math.min(end, i + table.maxWords);
  let key = "";
  let best: { value: T; end: number } | null = null;
  for (let j = i; j < limit; j++) {
    key = j === i ? words[j]! : `${key} ${words[j]!}`;
    const value = table.byPhrase.get(key);
    if (value !== undefined) best = { value, end: j + 1 };
  }
  return best;
}
