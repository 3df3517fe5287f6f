import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  foldLexiconText,
  formatLexiconProblem,
  hasLexiconErrors,
  lexiconVariantKey,
  parseLexiconPack,
} from "../../../src/pipeline/lexicon/index.js";
import type { LexiconProblem, LexiconProblemCode } from "../../../src/pipeline/lexicon/index.js";

const PACK_PATH = fileURLToPath(new URL("../../../config/lexicons/yoga-vedanta.yaml", import.meta.url));

/** Six header lines, so the first entry line is line 7. */
const HEADER = ["id: test-pack", "name: Test", "language: en", 'version: "1"', "license: CC0-1.0", "entries:"];

function fixture(...entryLines: string[]): string {
  return [...HEADER, ...entryLines].join("\n") + "\n";
}

function entry(id: string, canonical: string, variants: string, extra: string[] = []): string[] {
  return [`  - id: ${id}`, `    canonical: ${canonical}`, "    kind: term", "    category: concept", `    variants: ${variants}`, ...extra];
}

function only(problems: LexiconProblem[], code: LexiconProblemCode): LexiconProblem {
  const hits = problems.filter((p) => p.code === code);
  expect(hits, `problems with code ${code}: ${problems.map(formatLexiconProblem).join("\n")}`).toHaveLength(1);
  return hits[0]!;
}

describe("the shipped Yoga-Vedānta pack", () => {
  const text = readFileSync(PACK_PATH, "utf8");
  const { pack, problems } = parseLexiconPack(text, "yoga-vedanta.yaml");

  it("validates with no errors and no warnings", () => {
    expect(problems.map(formatLexiconProblem)).toEqual([]);
    expect(pack).toBeDefined();
    expect(pack!.id).toBe("yoga-vedanta");
    expect(pack!.language).toBe("en");
    expect(pack!.source.length).toBeGreaterThan(0);
  });

  it("has at least 300 entries", () => {
    expect(pack!.entries.length).toBeGreaterThanOrEqual(300);
  });

  it("writes every canonical with IAST letters, ASCII letters, spaces, hyphens and apostrophes only", () => {
    const IAST = /^[A-Za-zāīūṛṝḷḹṅñṭḍṇśṣṃḥĀĪŪṚṜḶḸṄÑṬḌṆŚṢṂḤ' -]+$/u;
    const bad = pack!.entries.filter((e) => !IAST.test(e.canonical)).map((e) => `${e.id}: ${e.canonical}`);
    expect(bad).toEqual([]);
    for (const e of pack!.entries) expect(e.canonical.normalize("NFC")).toBe(e.canonical);
  });

  it("does not use IAST-impossible letters in canonicals (ASCII-only spellings like sh, ee, w, x)", () => {
    // "sh" never occurs in IAST (ś/ṣ are single letters); "ee"/"oo" doublings, "w", "x", "q", "f", "z" do not either.
    const NOT_IAST = /sh|ee|oo|[wxqfz]/i;
    const bad = pack!.entries.filter((e) => NOT_IAST.test(e.canonical)).map((e) => `${e.id}: ${e.canonical}`);
    expect(bad).toEqual([]);
  });

  it("maps the popular spellings to IAST (listed variants plus each canonical's implied fold)", () => {
    const byVariant = new Map<string, string>();
    for (const e of pack!.entries) {
      byVariant.set(foldLexiconText(e.canonical), e.canonical);
      for (const v of e.variants) byVariant.set(lexiconVariantKey(v), e.canonical);
    }
    expect(byVariant.get("bhagavad geeta")).toBe("Bhagavad Gītā");
    expect(byVariant.get("bhagwad gita")).toBe("Bhagavad Gītā");
    expect(byVariant.get("krishna")).toBe("Kṛṣṇa");
    expect(byVariant.get("shankaracharya")).toBe("Śaṅkarācārya");
    expect(byVariant.get("upanishad")).toBe("Upaniṣad");
    expect(byVariant.get("pranayama")).toBe("prāṇāyāma");
    expect(byVariant.get("ajna chakra")).toBe("ājñā cakra");
    expect(byVariant.get("hatha yoga pradipika")).toBe("Haṭha Yoga Pradīpikā");
  });

  it("marks ordinary English words as protected", () => {
    const protectedCanonicals = new Set(pack!.entries.filter((e) => e.protected).map((e) => e.canonical));
    for (const c of ["yoga", "karma", "guru", "mantra", "avatāra", "māyā"]) expect(protectedCanonicals.has(c), c).toBe(true);
    const krishna = pack!.entries.find((e) => e.id === "krishna")!;
    expect(krishna.protected).toBe(false);
    expect(krishna.kind).toBe("proper_noun");
  });

  it("keeps ids unique and categories from the documented set", () => {
    const known = new Set([
      "text", "deity", "person", "place", "school", "concept", "practice", "posture", "breath",
      "chakra", "subtle-body", "gesture", "mantra", "ayurveda", "script",
    ]);
    for (const e of pack!.entries) expect(known.has(e.category), `${e.id}: ${e.category}`).toBe(true);
    expect(new Set(pack!.entries.map((e) => e.id)).size).toBe(pack!.entries.length);
  });
});

describe("parseLexiconPack: a valid pack", () => {
  it("returns entries with defaults, source notes and source lines", () => {
    const text = [
      "id: mini",
      "name: Mini",
      "language: en",
      'version: "0.1"',
      "description: two entries",
      "license: CC0-1.0",
      "source: hand-written",
      "entries:",
      "  - id: bhagavad-gita",
      "    canonical: Bhagavad Gītā",
      "    kind: proper_noun",
      "    category: text",
      "    variants: [bhagavad geeta, bhagwad gita]",
      "    pronunciation: BHUH-guh-vud GEE-taa",
      "  - id: karma",
      "    canonical: karma",
      "    kind: term",
      "    category: concept",
      "    variants: []",
      "    protected: true",
    ].join("\n");
    const { pack, problems } = parseLexiconPack(text, "mini.yaml");
    expect(problems).toEqual([]);
    expect(pack).toMatchObject({
      id: "mini",
      name: "Mini",
      language: "en",
      version: "0.1",
      description: "two entries",
      license: "CC0-1.0",
      source: ["hand-written"],
      sourceName: "mini.yaml",
    });
    expect(pack!.entries).toEqual([
      {
        id: "bhagavad-gita",
        canonical: "Bhagavad Gītā",
        kind: "proper_noun",
        category: "text",
        variants: ["bhagavad geeta", "bhagwad gita"],
        pronunciation: "BHUH-guh-vud GEE-taa",
        protected: false,
        line: 9,
      },
      { id: "karma", canonical: "karma", kind: "term", category: "concept", variants: [], protected: true, line: 15 },
    ]);
  });

  it("accepts block-style variant lists, a list of source notes and an empty variants key", () => {
    const text = [
      "id: mini",
      "name: Mini",
      "language: sa-Latn",
      'version: "1"',
      "license: CC0-1.0",
      "source:",
      "  - one",
      "  - two",
      "entries:",
      "  - id: gita",
      "    canonical: Gītā",
      "    kind: proper_noun",
      "    category: text",
      "    variants:",
      "      - geeta",
      "      - geetha",
      "  - id: om",
      "    canonical: Oṃ",
      "    kind: term",
      "    category: mantra",
      "    variants:",
    ].join("\n");
    const { pack, problems } = parseLexiconPack(text, "mini.yaml");
    expect(problems).toEqual([]);
    expect(pack!.source).toEqual(["one", "two"]);
    expect(pack!.entries.map((e) => e.variants)).toEqual([["geeta", "geetha"], []]);
    expect(pack!.description).toBe("");
  });
});

describe("parseLexiconPack: problems carry source, line, column and path", () => {
  it("reports missing pack fields at the document start", () => {
    const { pack, problems } = parseLexiconPack("id: x\nname: X\nentries: []\n", "p.yaml");
    expect(pack).toBeUndefined();
    const missing = problems.filter((p) => p.code === "missing_field").map((p) => [p.path, p.line, p.column]);
    expect(missing).toEqual([
      ["language", 1, 1],
      ["version", 1, 1],
      ["license", 1, 1],
    ]);
    expect(problems.every((p) => p.source === "p.yaml")).toBe(true);
  });

  it("reports missing entry fields at the entry's first key", () => {
    const text = fixture("  - id: a", "    kind: term", "    variants: []");
    const { problems } = parseLexiconPack(text, "p.yaml");
    const missing = problems.filter((p) => p.code === "missing_field");
    expect(missing.map((p) => p.path)).toEqual(["entries[0].canonical", "entries[0].category"]);
    expect(missing.every((p) => p.line === 7 && p.column === 5)).toBe(true);
    expect(missing[0]!.message).toContain('"canonical"');
  });

  it("reports an invalid kind at the value", () => {
    const text = fixture("  - id: a", "    canonical: ā", "    kind: noun", "    category: concept", "    variants: []");
    const p = only(parseLexiconPack(text, "p.yaml").problems, "invalid_kind");
    expect(p).toMatchObject({ line: 9, column: 11, path: "entries[0].kind", severity: "error" });
    expect(p.message).toContain("term, proper_noun, phrase");
  });

  it("reports duplicate ids at the second id", () => {
    const text = fixture(...entry("same", "ātman", "[atman]"), ...entry("same", "ātmā", "[atma]"));
    const p = only(parseLexiconPack(text, "p.yaml").problems, "duplicate_id");
    expect(p).toMatchObject({ line: 12, column: 9, path: "entries[1].id", severity: "error" });
    expect(p.message).toContain("line 7");
  });

  it("reports a variant that maps to two canonicals (case-insensitively) as an error", () => {
    const text = fixture(
      ...entry("brahman", "Brahman", "[bramhan, brahmaa]"),
      ...entry("brahma", "Brahmā", "[bramha, Brahmaa]"),
    );
    const { pack, problems } = parseLexiconPack(text, "p.yaml");
    expect(pack).toBeUndefined();
    const p = only(problems, "duplicate_variant");
    expect(p).toMatchObject({ line: 16, column: 24, path: "entries[1].variants[1]", severity: "error" });
    expect(p.message).toContain('"Brahman"');
    expect(p.message).toContain('"brahman"');
  });

  it("warns about a variant repeated within one entry", () => {
    const text = fixture(...entry("gita", "Gītā", "[geeta, Geeta]"));
    const { pack, problems } = parseLexiconPack(text, "p.yaml");
    expect(pack).toBeDefined();
    expect(only(problems, "repeated_variant")).toMatchObject({ line: 11, column: 23, path: "entries[0].variants[1]", severity: "warning" });
  });

  it("reports empty and whitespace-only strings", () => {
    const text = fixture(
      "  - id: a",
      '    canonical: ""',
      "    kind: term",
      "    category: concept",
      '    variants: [ok, "  "]',
    );
    const empties = parseLexiconPack(text, "p.yaml").problems.filter((p) => p.code === "empty_string");
    expect(empties.map((p) => [p.path, p.line, p.column])).toEqual([
      ["entries[0].canonical", 8, 16],
      ["entries[0].variants[1]", 11, 20],
    ]);
  });

  it("reports a key with no value as empty", () => {
    const text = fixture("  - id: a", "    canonical:", "    kind: term", "    category: concept", "    variants: []");
    const p = only(parseLexiconPack(text, "p.yaml").problems, "empty_string");
    expect(p).toMatchObject({ line: 8, path: "entries[0].canonical" });
  });

  it("reports leading, trailing and doubled whitespace", () => {
    const text = fixture(...entry("a", '"Bhagavad  Gītā"', '["gita "]'));
    const ws = parseLexiconPack(text, "p.yaml").problems.filter((p) => p.code === "whitespace");
    expect(ws.map((p) => p.path)).toEqual(["entries[0].canonical", "entries[0].variants[0]"]);
  });

  it("warns when a variant equals the canonical after folding diacritics and case", () => {
    const text = fixture(...entry("krishna", "Kṛṣṇa", "[krishna, KRSNA]"));
    const { pack, problems } = parseLexiconPack(text, "p.yaml");
    expect(pack).toBeDefined();
    expect(only(problems, "variant_equals_canonical")).toMatchObject({
      line: 11,
      column: 25,
      path: "entries[0].variants[1]",
      severity: "warning",
    });
  });

  it("rejects a canonical that is not NFC and accepts the composed form", () => {
    const decomposed = "Gi\u0304ta\u0304"; // i + combining macron, a + combining macron
    const bad = parseLexiconPack(fixture(...entry("gita", decomposed, "[geeta]")), "p.yaml");
    expect(bad.pack).toBeUndefined();
    expect(only(bad.problems, "not_nfc")).toMatchObject({ line: 8, column: 16, path: "entries[0].canonical", severity: "error" });

    const good = parseLexiconPack(fixture(...entry("gita", decomposed.normalize("NFC"), "[geeta]")), "p.yaml");
    expect(good.problems).toEqual([]);
    expect(good.pack!.entries[0]!.canonical).toBe("Gītā");
  });

  it("rejects a variant that is not NFC", () => {
    const text = fixture(...entry("gita", "Gītā", "[gi\u0304ta]"));
    expect(only(parseLexiconPack(text, "p.yaml").problems, "not_nfc").path).toBe("entries[0].variants[0]");
  });

  it("reports unknown keys at the key, at pack and entry level", () => {
    const text = ["id: x", "name: X", "language: en", 'version: "1"', "license: CC0-1.0", "author: me", "entries:",
      "  - id: a", "    canonical: ā", "    kind: term", "    category: concept", "    variants: []", "    gloss: long a"].join("\n");
    const unknown = parseLexiconPack(text, "p.yaml").problems.filter((p) => p.code === "unknown_key");
    expect(unknown.map((p) => [p.path, p.line, p.column])).toEqual([
      ["author", 6, 1],
      ["entries[0].gloss", 13, 5],
    ]);
    expect(unknown[1]!.message).toContain("allowed: id, canonical, kind, variants, category, pronunciation, protected");
  });

  it("reports wrong types", () => {
    const text = ["id: x", "name: X", "language: en", "version: 1", "license: CC0-1.0", "entries:",
      "  - id: a", "    canonical: ā", "    kind: term", "    category: concept", "    variants: aa", "    protected: yes",
      "  - just a string"].join("\n");
    const wrong = parseLexiconPack(text, "p.yaml").problems.filter((p) => p.code === "wrong_type");
    expect(wrong.map((p) => [p.path, p.line, p.column])).toEqual([
      ["version", 4, 10],
      ["entries[0].variants", 11, 15],
      ["entries[0].protected", 12, 16],
      ["entries[1]", 13, 5],
    ]);
    expect(wrong[0]!.message).toContain("quote it");
  });

  it("reports malformed ids, categories and language tags", () => {
    const text = ["id: Yoga Pack", "name: X", "language: english!", 'version: "1"', "license: CC0-1.0", "entries:",
      "  - id: Bhagavad_Gita", "    canonical: Bhagavad Gītā", "    kind: proper_noun", "    category: Sacred Text", "    variants: []"].join("\n");
    const invalid = parseLexiconPack(text, "p.yaml").problems.filter((p) => p.code === "invalid_value");
    expect(invalid.map((p) => [p.path, p.line])).toEqual([
      ["id", 1],
      ["language", 3],
      ["entries[0].id", 7],
      ["entries[0].category", 10],
    ]);
  });

  it("reports YAML syntax errors with their position and stops there", () => {
    const text = fixture("  - id: a", "    canonical: [unclosed", "    kind: term");
    const { pack, problems } = parseLexiconPack(text, "p.yaml");
    expect(pack).toBeUndefined();
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => p.code === "yaml_syntax")).toBe(true);
    expect(problems[0]!.line).toBeGreaterThanOrEqual(8);
  });

  it("reports duplicate mapping keys as a YAML error at the second key", () => {
    const text = fixture("  - id: a", "    canonical: ā", "    canonical: ī", "    kind: term", "    category: c", "    variants: []");
    const p = parseLexiconPack(text, "p.yaml").problems[0]!;
    expect(p).toMatchObject({ code: "yaml_syntax", line: 9, column: 5 });
  });

  it("rejects YAML aliases", () => {
    const text = fixture(...entry("a", "ātman", "&v [atman]"), ...entry("b", "ātmā", "*v"));
    const p = only(parseLexiconPack(text, "p.yaml").problems, "unsupported_yaml");
    expect(p).toMatchObject({ path: "entries[1].variants", line: 16 });
  });

  it("handles an empty file and a non-mapping document", () => {
    expect(parseLexiconPack("", "e.yaml").problems).toMatchObject([{ code: "missing_field", line: 1, column: 1, path: "" }]);
    expect(parseLexiconPack("- a\n- b\n", "s.yaml").problems).toMatchObject([{ code: "wrong_type", line: 1, column: 1 }]);
  });

  it("warns about variants that shadow another entry's plain spelling and about duplicate canonicals", () => {
    const text = fixture(
      ...entry("brahma", "Brahmā", "[bramha]"),
      ...entry("brahman", "Brahman", "[brahma]"),
      ...entry("brahma-2", "Brahmā", "[brahmaa]"),
    );
    const { pack, problems } = parseLexiconPack(text, "p.yaml");
    expect(pack).toBeDefined();
    expect(only(problems, "variant_shadows_canonical")).toMatchObject({ path: "entries[1].variants[0]", line: 16, severity: "warning" });
    expect(only(problems, "duplicate_canonical")).toMatchObject({ path: "entries[2].canonical", line: 18, severity: "warning" });
  });

  it("warns about an empty entries list", () => {
    const { pack, problems } = parseLexiconPack(fixture().replace("entries:\n", "entries: []\n"), "p.yaml");
    expect(pack!.entries).toEqual([]);
    expect(only(problems, "no_entries").severity).toBe("warning");
  });

  it("lists problems in file order and formats them compiler-style", () => {
    const text = fixture(...entry("b", "ātmā", "[aatma]", ["    colour: red"]), ...entry("a", "ātman", "[aatma]"));
    const { problems } = parseLexiconPack(text, "yv.yaml");
    const lines = problems.map((p) => p.line);
    expect(lines).toEqual([...lines].sort((x, y) => x - y));
    expect(hasLexiconErrors(problems)).toBe(true);
    expect(formatLexiconProblem(problems[0]!)).toBe(
      'yv.yaml:12:5: error: entries[0].colour: unknown key "colour" (allowed: id, canonical, kind, variants, category, pronunciation, protected)',
    );
  });
});

describe("folding helpers", () => {
  it("folds diacritics, case and whitespace", () => {
    expect(foldLexiconText("Bhagavad  Gītā")).toBe("bhagavad gita");
    expect(foldLexiconText("Kṛṣṇa")).toBe("krsna");
    expect(foldLexiconText("ṝḷṅñṭḍṇśṣṃḥ")).toBe("rlnntdnssmh");
    expect(lexiconVariantKey(" Bhagwad   GITA ")).toBe("bhagwad gita");
  });
});

describe("scale", () => {
  it("validates 10k entries and still finds a duplicate variant at the end", () => {
    const lines = [...HEADER];
    for (let i = 0; i < 10_000; i++) lines.push(...entry(`term-${i}`, `Tērm ${i}`, `[term-${i}, terrm ${i}]`));
    lines.push(...entry("late", "Lāte", "[terrm 17]"));
    const t0 = performance.now();
    const { problems } = parseLexiconPack(lines.join("\n"), "big.yaml");
    const ms = performance.now() - t0;
    expect(problems.map((p) => p.path)).toEqual(["entries[10000].variants[0]"]);
    expect(problems[0]!.line).toBe(7 + 10_000 * 5 + 4);
    expect(ms).toBeLessThan(30_000);
  });
});
