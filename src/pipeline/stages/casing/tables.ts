// The casing stage's tables (config/casing/*.txt): each line is a name or
// acronym in its canonical form ("New York", "Vicksburg", "EBITDA"), matched
// case-insensitively against lowercase words. Only unambiguous entries belong
// there: a name that is also a common word ("grant", "may", "turkey") would
// capitalise ordinary speech. A name list's line "General *" is a title and
// "* Island" a place word: each is capitalised only together with the name
// before or after it ("General Nemo", "Campbell Island"; not "the general
// store", "an island").

export interface CasingTables {
  /** Lowercase phrase (words joined by one space) -> canonical form, for names. */
  readonly names: ReadonlyMap<string, string>;
  /** Lowercase word -> canonical form, for acronyms. */
  readonly acronyms: ReadonlyMap<string, string>;
  /** Most words in any name; bounds the lookahead. */
  readonly maxNameWords: number;
  /** Lowercase title -> canonical form ("general" -> "General"), for titles before a name. */
  readonly titles: ReadonlyMap<string, string>;
  /** Lowercase place word -> canonical form ("island" -> "Island"), for a place word after a name. */
  readonly placeHeads: ReadonlyMap<string, string>;
}

/** A name list's title line ("General *") and place-word line ("* Island"). */
const TITLE_ENTRY = /^(\S+) \*$/u;
const PLACE_HEAD_ENTRY = /^\* (\S+)$/u;

export class CasingTableError extends Error {}

/** Canonical forms, one a line; `#` comments and blank lines ignored; a line's words are separated by single spaces. */
export function parseCasingList(text: string, file: string): string[] {
  const out: string[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const entry = lines[i]!.replace(/#.*$/, "").trim().replace(/\s+/g, " ");
    if (entry === "") continue;
    if (!/\p{Lu}/u.test(entry)) throw new CasingTableError(`${file}:${i + 1}: "${entry}" has no capital letter (entries are canonical forms)`);
    out.push(entry);
  }
  return out;
}

/** Builds the lookups; a later list's entry for the same key wins (derived lists first, curated last). */
export function buildCasingTables(nameLists: readonly string[][], acronymList: readonly string[]): CasingTables {
  const names = new Map<string, string>();
  const titles = new Map<string, string>();
  const placeHeads = new Map<string, string>();
  let maxNameWords = 1;
  for (const list of nameLists) {
    for (const entry of list) {
      const title = TITLE_ENTRY.exec(entry)?.[1];
      if (title !== undefined) {
        titles.set(title.toLowerCase(), title);
        continue;
      }
      const head = PLACE_HEAD_ENTRY.exec(entry)?.[1];
      if (head !== undefined) {
        placeHeads.set(head.toLowerCase(), head);
        continue;
      }
      names.set(entry.toLowerCase(), entry);
      maxNameWords = Math.max(maxNameWords, entry.split(" ").length);
    }
  }
  const acronyms = new Map<string, string>();
  for (const entry of acronymList) acronyms.set(entry.toLowerCase(), entry);
  return { names, acronyms, maxNameWords, titles, placeHeads };
}
