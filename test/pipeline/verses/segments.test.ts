import { describe, expect, it } from "vitest";

import { VERSE_SPLIT_FLAG, type StreamContext } from "../../../src/pipeline/index.js";
import { MAX_TAIL_WORDS } from "../../../src/pipeline/stages/verses/state.js";
import { textSegment } from "../helpers.js";
import { runStream, versesOnly } from "./helpers.js";

const p = versesOnly();

describe("verses / across segments", () => {
  it("completes a verse begun at the end of the previous segment and replaces this segment's part, flagging the part already sent", () => {
    const [first, second] = runStream(p, ["and he said karmanye", "vadhikaraste ma phaleshu kadachana ma karma phala hetur bhur ma te sango stv akarmani"]);
    expect(first!.text).toBe("and he said karmanye");
    expect(first!.edits).toEqual([]);
    // "karmaṇyevādhikāraste" is one word in the IAST; most of it was spoken in
    // this segment, so it is written here whole (the flag points at the overlap).
    expect(second!.text).toBe("karmaṇyevādhikāraste mā phaleṣu kadācana / mā karmaphalaheturbhūrmā te saṅgo'stvakarmaṇi (BG 2.47)");
    expect(second!.edits[0]).toMatchObject({ rule: "partial_recitation", applied: true });
    const flag = second!.flags.find((f) => f.code === VERSE_SPLIT_FLAG);
    expect(flag?.detail).toContain('("karmanye")');
    expect(second!.needsReview).toBe(true);
  });

  it("recognises each half on its own when both halves are long enough", () => {
    const [first, second] = runStream(p, ["karmanye vadhikaraste ma phaleshu kadachana", "ma karma phala hetur bhur ma te sango stv akarmani"]);
    expect(first!.text).toBe("karmaṇyevādhikāraste mā phaleṣu kadācana (BG 2.47)");
    expect(second!.text).toBe("mā karmaphalaheturbhūrmā te saṅgo'stvakarmaṇi (BG 2.47)");
    expect(second!.flags.map((f) => f.code)).not.toContain(VERSE_SPLIT_FLAG);
  });

  it("an interim segment reads the previous final's words but does not advance the stream", () => {
    const r1 = p.run(textSegment("and he said karmanye"), {});
    // Too short to be sure of on its own: only the previous segment's "karmanye" makes it a recitation.
    expect(p.run(textSegment("vadhikaraste ma"), {}).result.edits).toEqual([]);
    const interim = p.run(textSegment("vadhikaraste ma", { isFinal: false }), r1.context);
    expect(interim.result.text).toBe("karmaṇyevādhikāraste mā (BG 2.47)");
    expect(interim.result.flags.map((f) => f.code)).toContain(VERSE_SPLIT_FLAG);
    expect(interim.context).toBe(r1.context);
    const final = p.run(textSegment("vadhikaraste ma"), interim.context);
    expect(final.result.text).toBe("karmaṇyevādhikāraste mā (BG 2.47)");
  });

  it("does not carry words already recognised into the next segment", () => {
    const [, second] = runStream(p, ["yoga karmasu kaushalam", "is what he said"]);
    expect(second!.edits).toEqual([]);
  });

  it("keeps a bounded tail, and ignores a foreign or corrupt state", () => {
    let context: StreamContext = {};
    const tailOf = (c: StreamContext) => (c as { stages?: Record<string, { tail: string[] }> }).stages?.verses?.tail;
    for (let i = 0; i < 50; i++) context = p.run(textSegment("zorblat quindex vlamish trozzle kremp vashtuk plinder grobz yavix thumbrel"), context).context;
    expect(tailOf(context)).toHaveLength(MAX_TAIL_WORDS);
    // A segment ending in English leaves nothing to complete.
    expect(tailOf(p.run(textSegment("zorblat quindex and then we went to the market"), context).context)).toEqual([]);
    const corrupt = { v: 1, atSentenceStart: true, stages: { verses: { v: 1, tail: "not a list" } } };
    expect(p.run(textSegment("yoga karmasu kaushalam"), corrupt).result.text).toBe("yogaḥ karmasu kauśalam (BG 2.50)");
  });
});
