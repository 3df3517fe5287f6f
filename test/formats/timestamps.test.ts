import { describe, expect, it } from "vitest";
import { formatTimestamp, parseTimestamp } from "../../src/formats/index.js";

const ms = (raw: string, dialect: "srt" | "vtt") => {
  const r = parseTimestamp(raw, dialect);
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

describe("timestamps", () => {
  it.each([
    ["00:00:00,000", 0],
    ["00:00:01,001", 1001],
    ["01:02:03,456", 3_723_456],
    ["99:59:59,999", 359_999_999],
    ["100:00:00,001", 360_000_001],
    ["12345:00:00,000", 12345 * 3_600_000],
  ])("reads the SRT timestamp %s as %d ms, cleanly", (raw, expected) => {
    expect(ms(raw, "srt")).toEqual({ ms: expected, hadHours: true, issues: [] });
  });

  it.each([
    ["00:01.500", 1500, false],
    ["01:00:00.000", 3_600_000, true],
    ["123:00:00.010", 442_800_010, true],
  ])("reads the VTT timestamp %s as %d ms, hours optional", (raw, expected, hadHours) => {
    expect(ms(raw, "vtt")).toEqual({ ms: expected, hadHours, issues: [] });
  });

  it.each([
    ["00:00:01,5", "srt", 1500, /3 digits \(",5" read as 500 ms\)/],
    ["00:00:01,05", "srt", 1050, /read as 50 ms/],
    ["00:00:01,5000", "srt", 1500, /read as 500 ms/],
    ["00:00:01.500", "srt", 1500, /uses "\." .* instead of ","/],
    ["00:01,500", "srt", 1500, /hours are missing/],
    ["0:00:01,500", "srt", 1500, /hours need at least 2 digits/],
    ["00:00:01", "srt", 1000, /milliseconds are missing/],
    ["00:00:75,000", "srt", 75_000, /seconds 75 are over 59/],
    ["00:00:01,500", "vtt", 1500, /uses ","/],
    ["1:02.500", "vtt", 62_500, /minutes need 2 digits/],
  ])("recovers the malformed %s (%s) as %d ms and says why", (raw, dialect, expected, issue) => {
    const value = ms(raw, dialect as "srt" | "vtt");
    expect(value.ms).toBe(expected);
    expect(value.issues.join("; ")).toMatch(issue);
  });

  it.each(["", "abc", "00-00-01,000", "1.5", "00:00:01,abc", " : : , "])("rejects %j with a message", (raw) => {
    const r = parseTimestamp(raw, "srt");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain("not a timestamp");
  });

  it("rejects a timestamp too large to hold in a safe integer", () => {
    expect(parseTimestamp("99999999999999:00:00,000", "srt").ok).toBe(false);
  });

  it.each([
    [0, "srt", "00:00:00,000"],
    [1, "srt", "00:00:00,001"],
    [3_723_456, "srt", "01:02:03,456"],
    [360_000_001, "srt", "100:00:00,001"],
    [3_723_456, "vtt", "01:02:03.456"],
  ])("formats %d ms in %s as %s", (value, dialect, expected) => {
    expect(formatTimestamp(value, dialect as "srt" | "vtt")).toBe(expected);
  });

  it("omits zero hours in VTT only when asked, and only when they are zero", () => {
    expect(formatTimestamp(62_500, "vtt", { omitZeroHours: true })).toBe("01:02.500");
    expect(formatTimestamp(3_662_500, "vtt", { omitZeroHours: true })).toBe("01:01:02.500");
    expect(formatTimestamp(62_500, "srt", { omitZeroHours: true })).toBe("00:01:02,500");
  });

  it("round-trips every millisecond value it formats", () => {
    for (const value of [0, 999, 1000, 59_999, 3_599_999, 3_600_000, 359_999_999, 360_000_000, 7_654_321_987]) {
      expect(ms(formatTimestamp(value, "srt"), "srt").ms).toBe(value);
      expect(ms(formatTimestamp(value, "vtt", { omitZeroHours: true }), "vtt").ms).toBe(value);
    }
  });
});
