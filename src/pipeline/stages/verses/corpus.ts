// Verse corpora as data: one JSON-lines file per work under config/verses/.
// The first line describes the work, every other line is one verse:
//   {"work": "bhagavad-gita", "title": "Bhagavad Gītā", "abbreviation": "BG", "names": ["bhagavad gita", "gita"]}
//   {"chapter": 2, "verse": 47, "text": "karmaṇyevādhikāraste mā phaleṣu kadācana\nmā karmaphala…"}
// `text` is the canonical IAST, half-verse lines (pādas) separated by "\n".
// `names` are how a speaker names the work in a spoken reference ("… of the
// gita"); they are matched through the phonetic key, so spelling variants
// need not all be listed. Parsing is pure: the loader reads the file.

export interface Verse {
  readonly chapter: number;
  readonly verse: number;
  /** Canonical IAST; lines separated by "\n". */
  readonly text: string;
}

export interface VerseWork {
  /** Stable id, e.g. "bhagavad-gita". */
  readonly id: string;
  /** Full title for long citations and references: "Bhagavad Gītā". */
  readonly title: string;
  /** Short citation prefix: "BG". */
  readonly abbreviation: string;
  /** Spoken names of the work (lower case). */
  readonly names: readonly string[];
  readonly verses: readonly Verse[];
}

export class VerseCorpusError extends Error {
  override readonly name = "VerseCorpusError";
  constructor(
    readonly file: string,
    readonly line: number,
    reason: string,
  ) {
    super(`${file}:${line}: ${reason}`);
  }
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

function nonEmptyString(x: unknown): x is string {
  return typeof x === "string" && x.trim() !== "";
}

function positiveInt(x: unknown): x is number {
  return typeof x === "number" && Number.isInteger(x) && x > 0;
}

/** Parses one work's file; throws VerseCorpusError naming the file and line of the first bad record. */
export function parseVerseCorpus(text: string, file: string): VerseWork {
  const lines = text.split(/\r?\n/);
  let header: Omit<VerseWork, "verses"> | undefined;
  const verses: Verse[] = [];
  const seen = new Set<string>();
  for (let n = 0; n < lines.length; n++) {
    const raw = lines[n]!.trim();
    if (raw === "") continue;
    const lineNo = n + 1;
    let record: unknown;
    try {
      record = JSON.parse(raw);
    } catch {
      throw new VerseCorpusError(file, lineNo, "not valid JSON");
    }
    if (!isRecord(record)) throw new VerseCorpusError(file, lineNo, "must be a JSON object");
    if (header === undefined) {
      const { work, title, abbreviation, names } = record;
      if (!nonEmptyString(work) || !nonEmptyString(title) || !nonEmptyString(abbreviation)) {
        throw new VerseCorpusError(file, lineNo, "the first record must describe the work: work, title and abbreviation (non-empty strings)");
      }
      if (!Array.isArray(names) || !names.every(nonEmptyString)) throw new VerseCorpusError(file, lineNo, "names must be a list of non-empty strings");
      header = { id: work, title, abbreviation, names: names.map((s) => s.trim().toLowerCase()) };
      continue;
    }
    const { chapter, verse, text: verseText } = record;
    if (!positiveInt(chapter) || !positiveInt(verse)) throw new VerseCorpusError(file, lineNo, "chapter and verse must be positive integers");
    if (!nonEmptyString(verseText)) throw new VerseCorpusError(file, lineNo, "text must be a non-empty string");
    const id = `${chapter}.${verse}`;
    if (seen.has(id)) throw new VerseCorpusError(file, lineNo, `verse ${id} appears twice`);
    seen.add(id);
    verses.push({ chapter, verse, text: verseText.normalize("NFC") });
  }
  if (header === undefined) throw new VerseCorpusError(file, 1, "empty file: no work record");
  if (verses.length === 0) throw new VerseCorpusError(file, 1, "the work has no verses");
  return { ...header, verses };
}
