import { describe, expect, it } from "vitest";

import { compileProfile, STAGE_NAMES, StageOptionsError, type CompiledPipeline, type PipelineResources, type SegmentResult, type StageSettingsInput, type StreamContext } from "../../../src/pipeline/index.js";
import { DEFAULT_CASING_DIR, loadCasingTables, loadLexiconResources } from "../../../src/resources/load.js";
import { textSegment, wordSegment } from "../helpers.js";
import { MAX_EVIDENCE_SEGMENTS, readLexiconState } from "../../../src/pipeline/stages/lexicon/cross.js";
import { packOf } from "./helpers.js";

/** The lexicon tables, and the casing stage's names (what English capitalises: "Canada", "David"). */
const resources: PipelineResources = { ...loadLexiconResources(), casing: loadCasingTables(DEFAULT_CASING_DIR) };

/**
 * Only the lexicon stage (casing off, so expectations read literally). Streams
 * are taken to be in the packs' domain unless a test says otherwise: domain
 * evidence has tests of its own.
 */
function lexicon(params: StageSettingsInput["params"] = {}, res: PipelineResources = resources, classes?: Record<string, boolean>): CompiledPipeline {
  const stages: Record<string, StageSettingsInput> = Object.fromEntries(STAGE_NAMES.map((n) => [n, { enabled: false }]));
  stages["lexicon"] = { enabled: true, params: { domain_evidence: "assumed", ...params }, ...(classes ? { classes } : {}) };
  return compileProfile({ stages }, undefined, res);
}

const run = (p: CompiledPipeline, text: string, context: StreamContext = {}): SegmentResult => p.run(textSegment(text), context).result;
const out = (p: CompiledPipeline, text: string) => run(p, text).text;

describe("lexicon stage: matching", () => {
  const p = lexicon();

  it("rewrites listed spellings, single and multi-word, keeping punctuation", () => {
    expect(out(p, "today we read the bhagwat geeta, and krishna speaks.")).toBe("today we read the Bhagavad Gītā, and Kṛṣṇa speaks.");
    expect(out(p, "we practice pranayam")).toBe("we practice prāṇāyāma");
  });

  it("lets a short word be a term with its final vowel left out, when only one vowel makes a term and no stop list has the word", () => {
    expect(out(p, "the students asked about kam")).toBe("the students asked about kāma");
    expect(out(p, "the students asked about vay")).toBe("the students asked about vāyu");
    // Kāla or Kālī: which final vowel was left out is anyone's guess.
    expect(out(p, "the students asked about kal")).toBe("the students asked about kal");
    // The French "des" is deśa's key and one letter off, and "atm" is ātmā's: English text quotes both.
    expect(out(p, "the trophée des alpilles")).toBe("the trophée des alpilles");
    expect(out(p, "the atm was empty")).toBe("the atm was empty");
  });

  it("lets a five-letter word have lost a letter, but not have changed one", () => {
    expect(out(p, "the students asked about yanta")).toBe("the students asked about yantra");
    expect(out(p, "the students asked about banha")).toBe("the students asked about bandha");
    // One letter from nidrā, but a changed one: as likely another word (here Latin).
    expect(out(p, "one is the superior colliculus, from the nigra lateralis")).toBe("one is the superior colliculus, from the nigra lateralis");
  });

  it("matches unlisted spellings by sound and by edit distance", () => {
    const phonetic = run(p, "the bagavat geetha says");
    expect(phonetic.text).toBe("the Bhagavad Gītā says");
    expect(phonetic.edits[0]!.rule).toBe("phonetic");
    const fuzzy = run(p, "he spoke of vivekanada");
    expect(fuzzy.text).toBe("he spoke of Vivekānanda");
    expect(fuzzy.edits.map((e) => e.rule)).toEqual(["fuzzy"]);
  });

  it("works on cased and lower-case input, keeping a heard capital on a term", () => {
    expect(out(p, "Pranayam is breath control")).toBe("Prāṇāyāma is breath control");
    expect(out(p, "KRISHNA said")).toBe("Kṛṣṇa said");
  });

  it("keeps each word's timing when a term maps word for word", () => {
    const r = p.run(wordSegment(["the", "bhagwat", "geeta"]), {}).result;
    expect(r.words.map((w) => [w.text, w.startMs, w.endMs])).toEqual([
      ["the", 0, 90],
      ["Bhagavad", 100, 190],
      ["Gītā", 200, 290],
    ]);
  });

  it("merges words into one when the term has fewer words, with the span's timing", () => {
    const r = p.run(wordSegment(["hatha", "yoga", "helps"]), {}).result;
    expect(r.text).toBe("Haṭha Yoga helps");
    const joined = p.run(wordSegment(["bhagavadgeeta", "is", "old"]), {}).result;
    expect(joined.words[0]).toMatchObject({ text: "Bhagavad Gītā", startMs: 0, endMs: 90 });
  });

  it("keeps possessives and plurals of terms", () => {
    expect(out(p, "krishna's flute")).toBe("Kṛṣṇa's flute");
    expect(out(p, "the asanas")).toBe("the āsanas");
  });

  it("records entry id, score and runner-up for every edit", () => {
    const r = run(p, "the bhagwat geeta");
    expect(r.edits).toHaveLength(1);
    expect(r.edits[0]).toMatchObject({ stage: "lexicon", rule: "exact", before: "bhagwat geeta", after: "Bhagavad Gītā", applied: true, source: { start: 1, end: 3 } });
    expect(r.edits[0]!.confidence).toBeCloseTo(0.97);
    expect(r.edits[0]!.details).toMatchObject({ entry: "yoga-vedanta/bhagavad-gita", match: "exact", score: "0.970" });
    expect(r.needsReview).toBe(false);
  });
});

describe("lexicon stage: guards", () => {
  const p = lexicon();

  it("leaves ordinary English alone: stop words, frequent words, names in a sentence", () => {
    for (const text of ["I work on my drama with you", "the sun and some data", "we met Thomas in Canada with David", "we saw a ram"]) {
      const r = run(p, text);
      expect(r.text).toBe(text);
      expect(r.edits).toEqual([]);
    }
  });

  it("does not apply protected entries (English words too) unless the profile says so", () => {
    expect(run(p, "my karm is good").edits).toEqual([]);
    const suggest = run(lexicon({ protected_entries: "suggest" }), "my karm is good");
    expect(suggest.text).toBe("my karm is good");
    expect(suggest.edits[0]).toMatchObject({ after: "karma", applied: false });
    expect(suggest.needsReview).toBe(true);
    expect(out(lexicon({ protected_entries: "apply" }), "my karm is good")).toBe("my karma is good");
    // An ordinary English word stays even so; english_terms decides that one.
    expect(out(lexicon({ protected_entries: "apply" }), "the avatar was blue")).toBe("the avatar was blue");
  });

  it("takes stop words from the profile too", () => {
    expect(out(p, "we practice pranayam")).toBe("we practice prāṇāyāma");
    expect(out(lexicon({ stop_words: ["pranayam"] }), "we practice pranayam")).toBe("we practice pranayam");
  });

  it("only suggests, and flags for review, a match that does not beat the runner-up by the margin", () => {
    const pack = packOf("close", [
      "  - {id: aaa, canonical: Rāmakā, kind: proper_noun, category: x, variants: [ramakaa]}",
      "  - {id: bbb, canonical: Rāmikā, kind: proper_noun, category: x, variants: [ramikaa]}",
    ]);
    const res: PipelineResources = { ...resources, lexicons: [pack] };
    // "o" is as far from "a" as from "i": neither entry is nearer.
    const r = run(lexicon({ margin: 0.05 }, res), "then ramokaa came");
    expect(r.text).toBe("then ramokaa came");
    expect(r.edits).toHaveLength(1);
    expect(r.edits[0]!.applied).toBe(false);
    expect(r.needsReview).toBe(true);
    expect(r.edits[0]!.details).toMatchObject({ runner_up: expect.stringMatching(/^close\/(aaa|bbb)$/), held: expect.stringMatching(/^runner-up/) });
    // With no margin required the better candidate is applied.
    expect(run(lexicon({ margin: 0 }, res), "then ramakaa came").edits[0]!.applied).toBe(true);
  });

  it("suggests below the apply threshold", () => {
    const r = run(lexicon({ apply_threshold: 0.99 }), "the bhagwat geeta");
    expect(r.text).toBe("the bhagwat geeta");
    expect(r.edits[0]).toMatchObject({ after: "Bhagavad Gītā", applied: false });
    expect(r.flags.map((f) => f.code)).toContain("low_confidence_edit");
  });

  it("switches matching kinds off per class", () => {
    expect(out(lexicon({}, resources, { phonetic: false, fuzzy: false }), "he spoke of vivekanada")).toBe("he spoke of vivekanada");
    expect(out(lexicon({}, resources, { fuzzy: false }), "the bagavat geeta says")).toBe("the Bhagavad Gītā says");
    const byKey = run(lexicon({}, resources, { exact: false }), "the bhagavat geeta");
    expect(byKey.text).toBe("the Bhagavad Gītā");
    expect(byKey.edits.map((e) => e.rule)).toEqual(["phonetic"]);
  });

  it("is idempotent: its own output proposes nothing", () => {
    for (const text of ["today we read the bhagwat geeta and the yoga sutras of patanjali", "Pranayam and kundalni yoga, said swami vivekanand.", "krishna's asanas"]) {
      const once = out(p, text);
      const again = run(p, once);
      expect(again.text).toBe(once);
      expect(again.edits).toEqual([]);
    }
  });
});

describe("lexicon stage: near ties", () => {
  const p = lexicon();

  it("gives a tie by sound to the entry the heard spelling is clearly nearer", () => {
    // brahmacārī sounds almost as near as brahmacarya; the spelling is two edits from one, four from the other.
    expect(out(p, "the students asked about vrhmacharya")).toBe("the students asked about brahmacarya");
    expect(out(p, "the students asked about viparyyaa")).toBe("the students asked about viparyaya");
    // Even when the sound ranks the other first: "drisht" is one vowel from draṣṭā and from dṛṣṭi, spelled one edit from dṛṣṭi.
    expect(out(p, "the students asked about drisht")).toBe("the students asked about dṛṣṭi");
  });

  it("gives a tie in spelling to the entry that also sounds clearly nearer", () => {
    // One edit from vajrāsana and from vīrāsana: a vowel left out of one, a consonant changed in the other.
    expect(out(p, "the students asked about vjrasana")).toBe("the students asked about vajrāsana");
    // One edit from pramāṇa and from prāṇa ("praana"), but only pramāṇa sounds near.
    expect(out(p, "the students asked about prmaana")).toBe("the students asked about pramāṇa");
  });

  it("changes nothing when the spelling does not settle the tie", () => {
    // One edit from tantra, one from tanmātra.
    expect(run(p, "the students asked about tanatra").edits.filter((e) => e.applied)).toEqual([]);
  });
});

describe("lexicon stage: names", () => {
  const p = lexicon();

  it("lets a name be a slip of a term's spelling: a letter left out or two swapped, none changed", () => {
    expect(out(p, "the students asked about Arjnua")).toBe("the students asked about Arjuna");
    expect(out(p, "the students asked about Brahamn")).toBe("the students asked about Brahman");
  });

  it("changes a capitalised word by sound only one cheap confusion or one swap away, and only when it is long enough", () => {
    expect(out(p, "we read the Upaneshads")).toBe("we read the Upaniṣads");
    expect(out(p, "the students asked about Aurveda")).toBe("the students asked about Āyurveda");
    expect(out(p, "the students asked about Chravak")).toBe("the students asked about Cārvāka");
    expect(out(p, "the students asked about Nyaia")).toBe("the students asked about Nyāya");
    // Four letters are too few to tell a name from a mishearing.
    expect(out(p, "the students asked about Seth")).toBe("the students asked about Seth");
  });

  it("lets a name lose a letter, but not change one: a name with a letter of its own may be spelled so on purpose", () => {
    expect(out(p, "the students asked about Sarawati")).toBe("the students asked about Sarasvatī");
    expect(out(p, "the students asked about Ahtanga yoga")).toBe("the students asked about Aṣṭāṅga Yoga");
    expect(out(p, "the students asked about Vedata")).toBe("the students asked about Vedānta");
    expect(out(p, "the second large town is Sadda")).toBe("the second large town is Sadda");
    expect(out(p, "a symphony by Brahms")).toBe("a symphony by Brahms");
  });

  it("leaves a name English capitalises anyway, even one cheap confusion from an entry", () => {
    expect(out(p, "we flew to Canada")).toBe("we flew to Canada");
    const noNames = lexicon({}, { ...resources, casing: { ...resources.casing!, names: new Map() } });
    expect(out(noNames, "we flew to Canada")).toBe("we flew to Kaṇāda");
  });

  it("leaves such a name in lower case too, as a recogniser writes it", () => {
    expect(out(p, "we flew to canada and russia with thomas")).toBe("we flew to canada and russia with thomas");
    const noNames = lexicon({}, { ...resources, casing: { ...resources.casing!, names: new Map() } });
    expect(out(noNames, "we flew to canada")).toBe("we flew to Kaṇāda");
  });

  it("changes an acronym only from a listed spelling, and a word with other signs in it not at all", () => {
    expect(out(p, "the campaign by PETA was loud")).toBe("the campaign by PETA was loud");
    expect(out(p, "utility O&M costs rose")).toBe("utility O&M costs rose");
    // Text all in capitals has no acronyms to tell apart.
    expect(out(p, "we read the UPANESHADS")).toBe("we read the UPANESHADS");
    expect(out(p, "WE READ THE UPANESHADS")).toBe("WE READ THE Upaniṣads");
  });
});

describe("lexicon stage: domain evidence", () => {
  const p = lexicon({ domain_evidence: "required" });
  const final = (text: string, context: StreamContext = {}) => p.run(textSegment(text), context);

  it("only suggests a name's listed spelling that English uses too, in a stream with no other term", () => {
    const r = run(p, "a temple dedicated to Shiva");
    expect(r.text).toBe("a temple dedicated to Shiva");
    expect(r.edits[0]).toMatchObject({ after: "Śiva", applied: false });
    expect(r.edits[0]!.details?.["held"]).toContain("English usage");
    // Names do not vouch for each other.
    expect(run(p, "we met Shiva and Parvati").edits.map((e) => e.applied)).toEqual([false, false]);
  });

  it("applies a multi-word title's listed spelling at once, and counts it as evidence", () => {
    expect(out(p, "they read the bhagwat geeta")).toBe("they read the Bhagavad Gītā");
    expect(out(p, "Shiva in the bhagwat geeta")).toBe("Śiva in the Bhagavad Gītā");
  });

  it("applies it when the segment has another term, before or after it", () => {
    expect(out(p, "Shiva taught pranayam")).toBe("Śiva taught prāṇāyāma");
    expect(out(p, "after pranayam we honour Shiva")).toBe("after prāṇāyāma we honour Śiva");
  });

  it("counts a name heard by sound (not an English spelling) as evidence", () => {
    expect(out(p, "the flute of krishnaa and Shiva")).toBe("the flute of Kṛṣṇa and Śiva");
  });

  it("carries evidence to later final segments of the stream, for evidence_segments segments", () => {
    const lecture = lexicon({ domain_evidence: "required", evidence_segments: 2 });
    let context = lecture.run(textSegment("we practice pranayam"), {}).context;
    const later: boolean[] = [];
    for (let k = 0; k < 3; k++) {
      const next = lecture.run(textSegment("a temple dedicated to Shiva"), context);
      later.push(next.result.edits[0]!.applied);
      context = next.context;
    }
    expect(later).toEqual([true, true, false]);
  });

  it("does not carry evidence from an interim segment", () => {
    const interim = p.run(textSegment("we practice pranayam", { isFinal: false }), {});
    expect(final("a temple dedicated to Shiva", interim.context).result.edits[0]!.applied).toBe(false);
  });

  it("treats a stored evidence count as untrusted", () => {
    expect(readLexiconState({ v: 1, tail: [], evidence: 1e12 }).evidence).toBe(MAX_EVIDENCE_SEGMENTS);
    for (const evidence of [-3, 2.5, "7", undefined]) expect(readLexiconState({ v: 1, tail: [], evidence }).evidence).toBe(0);
    expect(readLexiconState({ v: 1, tail: [], evidence: 3 }).evidence).toBe(3);
  });

  it("applies names at once when the profile says the domain is assumed", () => {
    expect(out(lexicon({ domain_evidence: "assumed" }), "a temple dedicated to Shiva")).toBe("a temple dedicated to Śiva");
  });
});

describe("lexicon stage: across segments", () => {
  const p = lexicon();

  it("completes a multi-word term begun in the previous segment, and says the first part was already sent", () => {
    const first = p.run(textSegment("we now hear the swami"), {});
    expect(first.result.text).toBe("we now hear the swami");
    const second = p.run(textSegment("vivekanand said"), first.context).result;
    expect(second.text).toBe("Vivekānanda said");
    expect(second.edits[0]!.details).toMatchObject({ entry: "yoga-vedanta/svami-vivekananda" });
    const flag = second.flags.find((f) => f.code === "lexicon_split_across_segments")!;
    expect(flag.detail).toContain('("swami" for "Svāmī") was already sent');
    expect(second.needsReview).toBe(true);
  });

  it("does not join across a sentence end, nor from an interim segment", () => {
    const ended = p.run(textSegment("we hear the swami."), {});
    expect(p.run(textSegment("vivekanand said"), ended.context).result.flags.map((f) => f.code)).not.toContain("lexicon_split_across_segments");
    const interim = p.run(textSegment("we hear the swami", { isFinal: false }), {});
    expect(interim.context).toEqual({});
  });

  it("bounds what it keeps to a few words", () => {
    const long = p.run(textSegment(Array.from({ length: 50 }, (_, i) => `w${i}x`).join(" ")), {});
    const state = (long.context as { stages: Record<string, { tail: unknown[] }> }).stages["lexicon"]!;
    expect(state.tail.length).toBeLessThanOrEqual(5);
  });
});

describe("lexicon stage: options", () => {
  it("rejects an unknown pack when packs are loaded, and bad values, naming the field", () => {
    try {
      lexicon({ packs: ["nope"], margin: 2, english_terms: "maybe", domain_evidence: "sometimes", evidence_segments: 0 });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(StageOptionsError);
      const params = (err as StageOptionsError).violations.map((v) => v.param).sort();
      expect(params).toEqual(["params.domain_evidence", "params.english_terms", "params.evidence_segments", "params.margin", "params.packs"]);
    }
  });

  it("changes nothing without resources (validation only)", () => {
    const p = compileProfile({ stages: { lexicon: { enabled: true, params: { packs: ["yoga-vedanta"] } }, casing: { enabled: false } } });
    expect(p.run(textSegment("the bhagwat geeta"), {}).result.text).toBe("the bhagwat geeta");
  });

  it("knows which English words some pack uses from the packs' own words, once per index and word lists", async () => {
    const { englishWordsInPacks, frequentEnglishWords } = await import("../../../src/pipeline/stages/lexicon/options.js");
    const { buildLexiconIndex } = await import("../../../src/pipeline/lexicon/lexicon-index.js");
    const pack = packOf("t", ["  - {id: hy, canonical: Haṭha Yoga, kind: term, category: practice, variants: [hata yoga]}", "  - {id: rama, canonical: Rāma, kind: proper_noun, category: person, variants: [raam]}"]);
    const index = buildLexiconIndex([pack]);
    const words = new Map([["yoga", 20], ["practice", 10]]);
    const names = new Map([["rama", "Rama"]]);
    const found = englishWordsInPacks(index, words, names);
    // "hatha" and "raam" are no English words, "practice" is no pack's; "rama" is the name's fold.
    expect([...found].sort()).toEqual(["rama", "yoga"]);
    expect(englishWordsInPacks(index, words, names)).toBe(found);
    expect([...frequentEnglishWords(words)]).toEqual([["practice", 10]]);
  });

  it("builds the index once per pack set, not per compile", async () => {
    const { indexFor } = await import("../../../src/pipeline/stages/lexicon/options.js");
    expect(indexFor(resources.lexicons!, ["yoga-vedanta"])).toBe(indexFor(resources.lexicons!, ["yoga-vedanta"]));
  });
});
