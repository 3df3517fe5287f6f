// Table parsing (pure) and loading (config/itn/en).
import { describe, expect, it } from "vitest";
import { ItnTableError, parseItnTables } from "../../../src/pipeline/index.js";
import { resources } from "./helpers.js";

describe("itn tables", () => {
  it("load from config/itn/en", () => {
    const t = resources.itn!;
    expect(t.numbers.get("ninety")).toBe(90);
    expect(t.scales.get("crore")).toBe(10_000_000n);
    expect(t.months.get("july")).toEqual({ written: "July", number: 7 });
    expect(t.currencies.byPhrase.get("united states dollars")?.symbol).toBe("$");
    expect(t.units.byPhrase.get("kilometers per hour")?.written).toBe("km/h");
    expect(t.labels.has("volume")).toBe(true);
  });

  it("name the file and line of a malformed row", () => {
    expect(() => parseItnTables({ months: "# header\njuly\tJuly\n" })).toThrow(ItnTableError);
    expect(() => parseItnTables({ months: "# header\njuly\tJuly\n" })).toThrow(/months.tsv line 2/);
    expect(() => parseItnTables({ scales: "thousand\t1e3\n" })).toThrow(/scales.tsv line 1/);
  });

  it("missing tables are empty, not an error", () => {
    expect(parseItnTables({}).numbers.size).toBe(0);
  });
});
