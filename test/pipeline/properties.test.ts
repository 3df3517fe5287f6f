// Properties every pipeline output must have, over random segments and profiles.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileProfile, tokenizeSegment, type CompiledPipeline, type SegmentInput, type SegmentResult, type SourceWord, type StreamContext } from "../../src/pipeline/index.js";

const FILLER_WORDS = ["um", "Um", "UH", "uh", "er", "ah", "hmm", "mm", "erm", "uhm", "like"];
const CONTENT_WORDS = ["we", "went", "so", "the", "umbrella", "humm", "literally", "entirely", "as", "well", "Dr", "U.S", "3pm", "iPhone", "ātman", "I", "'tis", "x"];
const PUNCT = ["", "", "", ",", ".", "?", "!", "...", ";", '"', ",,"];

const wordText = fc
  .tuple(fc.oneof(fc.constantFrom(...FILLER_WORDS), fc.constantFrom(...CONTENT_WORDS)), fc.constantFrom(...PUNCT), fc.constantFrom("", "", "", "-", "("))
  .map(([w, p, lead]) => lead + w + p);

const sourceWord: fc.Arbitrary<SourceWord> = fc.record(
  {
    text: wordText,
    startMs: fc.integer({ min: 0, max: 5000 }),
    duration: fc.integer({ min: 0, max: 800 }),
    confidence: fc.double({ min: 0, max: 1, noNaN: true }),
    speaker: fc.constantFrom("", "A", "B"),
  },
  { requiredKeys: ["text", "startMs", "duration"] },
).map(({ duration, ...w }) => ({ ...w, endMs: w.startMs + duration }));

const segment: fc.Arbitrary<SegmentInput> = fc
  .record({
    words: fc.array(sourceWord, { maxLength: 14 }),
    plain: fc.boolean(),
    startMs: fc.integer({ min: 0, max: 1000 }),
    duration: fc.integer({ min: 0, max: 3000 }),
    confidence: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
  })
  .map(({ words, plain, startMs, duration, confidence }) => ({
    id: "p",
    seq: 0,
    isFinal: true,
    startMs,
    endMs: startMs + duration,
    text: words.map((w) => w.text).join(" "),
    words: plain ? [] : words,
    ...(confidence === undefined ? {} : { confidence }),
  }));

const pipelineArb: fc.Arbitrary<CompiledPipeline> = fc
  .record({
    disfluency: fc.boolean(),
    casing: fc.boolean(),
    disfluencyThreshold: fc.constantFrom(0, 0.5, 0.75, 0.9, 0.96, 1),
    casingThreshold: fc.constantFrom(0.5, 0.99),
    fillers: fc.constantFrom<string | string[] | undefined>(undefined, "um,uh,like", ["ah", "hmm"]),
  })
  .map((o) =>
    compileProfile({
      stages: {
        disfluency: { enabled: o.disfluency, params: { apply_threshold: o.disfluencyThreshold, ...(o.fillers === undefined ? {} : { fillers: o.fillers }) } },
        casing: { enabled: o.casing, params: { apply_threshold: o.casingThreshold } },
      },
    }),
  );

const contextArb: fc.Arbitrary<StreamContext> = fc.constantFrom<StreamContext>({}, { v: 1, atSentenceStart: false }, { v: 1, atSentenceStart: true });

/** Source text as the pipeline sees it (trimmed, single inner spaces). */
const normalized = (s: string) => s.trim().replace(/\s+/g, " ");

function feedBack(r: SegmentResult): SegmentInput {
  return {
    id: r.id,
    seq: r.seq,
    isFinal: true,
    startMs: r.startMs,
    endMs: r.endMs,
    text: r.text,
    words: r.words.map((w) => ({ text: w.text, startMs: w.startMs, endMs: w.endMs, confidence: w.confidence, speaker: w.speaker })),
  };
}

// PROPERTY_RUNS raises the count for a longer search (the default keeps CI quick).
const runs = { numRuns: Number(process.env["PROPERTY_RUNS"] ?? 400) };

describe("pipeline properties", () => {
  it("(a) is idempotent on its own output: no applied edits, same text", () => {
    fc.assert(
      fc.property(pipelineArb, segment, (p, seg) => {
        const first = p.run(seg, {}).result;
        const second = p.run(feedBack(first), {}).result;
        expect(second.edits.filter((e) => e.applied)).toEqual([]);
        expect(second.text).toBe(first.text);
      }),
      runs,
    );
  });

  it("(b) every output word has a valid, non-empty source span and carries its sources' timings", () => {
    fc.assert(
      fc.property(pipelineArb, segment, contextArb, (p, seg, ctx) => {
        const sources = tokenizeSegment(seg);
        const r = p.run(seg, ctx).result;
        let lastEnd = 0;
        for (const w of r.words) {
          expect(w.source.start).toBeGreaterThanOrEqual(lastEnd);
          expect(w.source.end).toBeGreaterThan(w.source.start);
          expect(w.source.end).toBeLessThanOrEqual(sources.length);
          lastEnd = w.source.end;
          const covered = sources.slice(w.source.start, w.source.end);
          expect(w.startMs).toBe(Math.min(...covered.map((s) => s.startMs)));
          expect(w.endMs).toBe(Math.max(...covered.map((s) => s.endMs)));
          expect(w.confidence).toBe(Math.min(...covered.map((s) => s.confidence ?? seg.confidence ?? 1)));
        }
        expect(r.text).toBe(r.words.map((w) => w.text).join(" "));
      }),
      runs,
    );
  });

  it("(c) nothing is lost: each source word becomes its output word (or nothing) exactly through applied edits", () => {
    fc.assert(
      fc.property(pipelineArb, segment, contextArb, (p, seg, ctx) => {
        const sources = tokenizeSegment(seg);
        const r = p.run(seg, ctx).result;
        const outputBySource = new Map(r.words.map((w) => [w.source.start, w]));
        for (let i = 0; i < sources.length; i++) {
          let text = normalized(sources[i]!.text);
          if (text === "") continue;
          for (const e of r.edits) {
            if (!e.applied || e.source.start > i || e.source.end <= i) continue;
            expect(e.before).toBe(text); // each edit starts from what the word was
            text = e.after;
          }
          expect(outputBySource.get(i)?.text ?? "").toBe(text);
        }
        for (const e of r.edits) expect(e.source.end).toBeGreaterThan(e.source.start);
        // Suggested edits never change text; they always flag the segment.
        expect(r.needsReview).toBe(r.edits.some((e) => !e.applied));
      }),
      runs,
    );
  });

  it("returns a structured-clone safe result and context", () => {
    fc.assert(
      fc.property(pipelineArb, segment, contextArb, (p, seg, ctx) => {
        const out = p.run(seg, ctx);
        expect(structuredClone(out)).toEqual(out);
      }),
      { numRuns: 100 },
    );
  });
});
