// The casing stage's tables (config/casing/*.txt): each line is a name or
// acronym in its canonical form ("New York", "Vicksburg", "EBITDA"), matched
// case-insensitively against lowercase words. Only unambiguous entries belong
// there: a name that is also a common word ("grant", "may", "turkey") would
// capitalise ordinary speech.

export interface CasingTables {
  /** Lowercase phrase (words joined by one space) -> canonical form, for names. */
  readonly names: ReadonlyMap<string, string>;
  /** Lowercase word -> canonical form, for acronyms. */
  readonly acronyms: ReadonlyMap<string, string>;
  /** Most words in any name; bounds the lookahead. */
  readonly maxNameWords: number;
}

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
  let maxNameWords = 1;
  for (const list of nameLists) {
    for (const entry of list) {
      names.set(entry.toLowerCase(), entry);
      maxNameWords = Math.max(maxNameWords, entry.split(" ").length);
    }
  }
  const acronyms = new Map<string, string>();
  for (const entry of acronymList) acronyms.set(entry.toLowerCase(), entry);
  return { names, acronyms, maxNameWords };
}
