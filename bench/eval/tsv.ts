// Reading `spoken<TAB>written` test files: any such file can be dropped in.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export interface TsvRow {
  spoken: string;
  written: string;
  /** 1-based line number in the file, for failure listings. */
  line: number;
}

/**
 * Lines starting with "#" and empty lines are skipped (a lone tab is a row: NeMo tests empty input). Spoken text is kept
 * byte-exact (some test lines end in a space on purpose); a line without a tab
 * is reported rather than guessed at.
 */
export function parseTsv(content: string): { rows: TsvRow[]; malformed: number[] } {
  const rows: TsvRow[] = [];
  const malformed: number[] = [];
  const lines = content.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith("#") || line === "") continue; // "\t" alone is a row: empty in, empty out
    const tab = line.indexOf("\t");
    if (tab < 0) {
      malformed.push(i + 1);
      continue;
    }
    rows.push({ spoken: line.slice(0, tab), written: line.slice(tab + 1), line: i + 1 });
  }
  return { rows, malformed };
}

export function readTsv(file: string): { rows: TsvRow[]; malformed: number[] } {
  return parseTsv(readFileSync(file, "utf8"));
}

/** Every *.tsv directly in `dir`, sorted, as absolute paths. */
export function tsvFilesIn(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".tsv"))
    .sort()
    .map((f) => path.join(dir, f));
}
