import { describe, expect, it } from "vitest";

import { parseVerseCorpus, VerseCorpusError } from "../../../src/pipeline/index.js";
import { keyStream, wordKey } from "../../../src/pipeline/stages/verses/fold.js";
import { resources } from "./helpers.js";

const HEADER = '{"work": "yoga-sutras", "title": "Yoga Sūtras", "abbreviation": "YS", "names": ["yoga sutras"]}';

function key(text: string): string {
  return keyStream(text.split(/\s+/).map(wordKey)).key;
}

describe("verses / corpus files", () => {
  it("parses a work record then one verse per line", () => {
    const work = parseVerseCorpus(`${HEADER}\n{"chapter": 1, "verse": 2, "text": "yogaścittavṛttinirodhaḥ"}\n`, "ys.jsonl");
    expect(work).toMatchObject({ id: "yoga-sutras", abbreviation: "YS", names: ["yoga sutras"] });
    expect(work.verses).toEqual([{ chapter: 1, verse: 2, text: "yogaścittavṛttinirodhaḥ" }]);
  });

  it("names the file and line of a bad record", () => {
    const bad = (text: string) => {
      try {
        parseVerseCorpus(text, "ys.jsonl");
      } catch (err) {
        if (err instanceof VerseCorpusError) return err.message;
        throw err;
      }
      return "parsed";
    };
    expect(bad(`${HEADER}\n{"chapter": 0, "verse": 2, "text": "x"}`)).toBe("ys.jsonl:2: chapter and verse must be positive integers");
    expect(bad(`${HEADER}\n\n{"chapter": 1, "verse": 2, "text": "a"}\n{"chapter": 1, "verse": 2, "text": "b"}`)).toBe("ys.jsonl:4: verse 1.2 appears twice");
    expect(bad(`${HEADER}\nnot json`)).toBe("ys.jsonl:2: not valid JSON");
    expect(bad(`{"chapter": 1, "verse": 2, "text": "a"}`)).toMatch(/^ys\.jsonl:1: the first record must describe the work/);
    expect(bad(HEADER)).toBe("ys.jsonl:1: the work has no verses");
  });

  it("ships the whole Bhagavad Gītā: 701 verses in 18 chapters", () => {
    const gita = resources.verses!.find((w) => w.id === "bhagavad-gita")!;
    expect(gita.verses).toHaveLength(701);
    expect(new Set(gita.verses.map((v) => v.chapter)).size).toBe(18);
  });
});

describe("verses / phonetic key", () => {
  it("folds the spellings of one sound together", () => {
    expect(key("karmanye vadhikaraste ma phaleshu kadachana")).toBe(key("karmaṇyevādhikāraste mā phaleṣu kadācana"));
    expect(key("bhagavad geeta")).toBe(key("bhagavad gītā"));
    expect(key("vishwa")).toBe(key("viśva"));
    expect(key("kṛṣṇa")).toBe(key("krishna"));
    expect(key("jñāna")).toBe(key("gyana"));
    expect(key("saṃsāra")).toBe(key("samsara"));
    expect(key("tat tvam")).toBe(key("tattvam"));
  });

  it("keeps different words apart", () => {
    expect(key("dharma")).not.toBe(key("drama"));
    expect(key("karma")).not.toBe(key("kama"));
  });
});
