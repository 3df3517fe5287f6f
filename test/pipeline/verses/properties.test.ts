import { describe, expect, it } from "vitest";

import { resources, run, versesOnly } from "./helpers.js";

const p = versesOnly();
const gita = resources.verses!.find((w) => w.id === "bhagavad-gita")!;
/** Every 7th verse: a spread over all chapters, quick enough for the unit suite. */
const sample = gita.verses.filter((_, i) => i % 7 === 0);

describe("verses / properties over the shipped corpus", () => {
  it("a verse written in canonical IAST only gains its citation, and a second run changes nothing", () => {
    let citedVerses = 0;
    for (const v of sample) {
      const text = v.text.replace(/\n/g, " ");
      const once = run(p, text);
      const cited = once.edits.filter((e) => e.applied);
      // Verses whose words also make up another verse may stay uncited (no margin); none may cite a wrong verse.
      for (const e of cited) expect(e.after, `${v.chapter}.${v.verse}`).toContain(`(BG ${v.chapter}.${v.verse})`);
      if (cited.length > 0) citedVerses++;
      const twice = run(p, once.text);
      expect(twice.edits.filter((e) => e.applied), `${v.chapter}.${v.verse}`).toEqual([]);
    }
    expect(citedVerses).toBeGreaterThanOrEqual(Math.floor(sample.length * 0.97));
  });

  it("never throws on odd input and leaves it as it was", () => {
    for (const text of ["🙂 ॐ ०१२ —", "(((", "2.47) (BG", "a".repeat(500), "ṃṃṃ ḥḥ ṛṛṛ", "x y z ' - ’"]) {
      const r = run(p, text);
      expect(r.edits.filter((e) => e.applied), text).toEqual([]);
    }
  });
});
