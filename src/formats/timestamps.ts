// Millisecond timestamps shared by SRT ("01:02:03,456") and WebVTT
// ("01:02:03.456", hours optional). Parsing is tolerant: anything with a
// readable number of ms is accepted and every deviation from the dialect is
// listed, so the parser can warn and keep the exact value.

export type TimestampDialect = "srt" | "vtt";

export interface ParsedTimestamp {
  ms: number;
  /** Whether the text had an hours field (VTT may omit it). */
  hadHours: boolean;
  /** Deviations from the dialect's canonical form; empty for a clean timestamp. */
  issues: string[];
}

export type TimestampParse = { ok: true; value: ParsedTimestamp } | { ok: false; error: string };

const SHAPE = /^(?:(\d+):)?(\d+):(\d+)(?:([.,])(\d+))?$/;

export function parseTimestamp(raw: string, dialect: TimestampDialect): TimestampParse {
  const text = raw.trim();
  const m = SHAPE.exec(text);
  if (!m) return { ok: false, error: `"${raw}" is not a timestamp (expected ${example(dialect)})` };
  const [, hh, mm, ss, sep, frac] = m as unknown as [string, string | undefined, string, string, string?, string?];
  const issues: string[] = [];
  if (hh === undefined) {
    if (dialect === "srt") issues.push("hours are missing");
  } else if (hh.length < 2) issues.push("hours need at least 2 digits");
  if (mm.length !== 2) issues.push("minutes need 2 digits");
  if (ss.length !== 2) issues.push("seconds need 2 digits");
  const minutes = Number(mm);
  const seconds = Number(ss);
  if (minutes > 59) issues.push(`minutes ${mm} are over 59`);
  if (seconds > 59) issues.push(`seconds ${ss} are over 59`);
  const wantSep = dialect === "srt" ? "," : ".";
  let millis = 0;
  if (sep === undefined || frac === undefined) {
    issues.push("milliseconds are missing (read as 0)");
  } else {
    if (sep !== wantSep) issues.push(`uses "${sep}" before the milliseconds instead of "${wantSep}"`);
    // A fraction of a second, whatever its length: ",5" is half a second.
    millis = Math.round(Number(`0.${frac}`) * 1000);
    if (frac.length !== 3) issues.push(`milliseconds need 3 digits ("${sep}${frac}" read as ${millis} ms)`);
  }
  const hours = hh === undefined ? 0 : Number(hh);
  const ms = ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis;
  if (!Number.isSafeInteger(ms)) return { ok: false, error: `"${raw}" is too large to be a timestamp` };
  return { ok: true, value: { ms, hadHours: hh !== undefined, issues } };
}

export interface FormatTimestampOptions {
  /** VTT only: leave hours out when they are zero ("01:02.003"). SRT always writes hours. */
  omitZeroHours?: boolean;
}

/** Formats whole milliseconds; hours get more than 2 digits when needed (>= 100 h). */
export function formatTimestamp(ms: number, dialect: TimestampDialect, options: FormatTimestampOptions = {}): string {
  const total = Math.max(0, Math.round(ms));
  const millis = total % 1000;
  const seconds = Math.floor(total / 1000) % 60;
  const minutes = Math.floor(total / 60_000) % 60;
  const hours = Math.floor(total / 3_600_000);
  const sep = dialect === "srt" ? "," : ".";
  const tail = `${pad(minutes, 2)}:${pad(seconds, 2)}${sep}${pad(millis, 3)}`;
  if (dialect === "vtt" && options.omitZeroHours && hours === 0) return tail;
  return `${pad(hours, 2)}:${tail}`;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

function example(dialect: TimestampDialect): string {
  return dialect === "srt" ? "HH:MM:SS,mmm" : "[HH:]MM:SS.mmm";
}
