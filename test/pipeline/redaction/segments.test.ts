// Spec: interims are redacted; a number spoken across two segments is caught
// (only the current part can be masked); redaction is idempotent.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { SegmentInput, StreamContext } from "../../../src/pipeline/index.js";
import { textSegment } from "../helpers.js";
import { redactionOnly } from "./helpers.js";

const p = redactionOnly();

function stream(texts: string[], interimLast = false) {
  let context: StreamContext = {};
  return texts.map((t, i) => {
    const r = p.run(textSegment(t, { isFinal: !(interimLast && i === texts.length - 1) }), context);
    context = r.context;
    return r.result;
  });
}

describe("redaction across segments", () => {
  it("redacts interim segments like finals", () => {
    expect(p.run(textSegment("mail a@b.com 555-123-4567", { isFinal: false }), {}).result.text).toBe("mail [EMAIL] [PHONE]");
  });

  it("a card split across two finals: the current part is redacted and the segment flagged", () => {
    const [first, second] = stream(["card 4111 1111", "1111 1111 thanks"]);
    expect(first!.text).toBe("card 4111 1111"); // already sent: cannot be taken back
    expect(second!.text).toBe("[CREDIT_CARD] thanks");
    expect(second!.flags).toEqual([{ code: "pii_split_across_segments", stage: "redaction", detail: expect.stringContaining("already sent") }]);
    expect(second!.needsReview).toBe(true);
  });

  it("a phone split across three finals, and the interim that completes it", () => {
    expect(stream(["call 555", "123", "4567."]).map((r) => r.text)).toEqual(["call 555", "123", "[PHONE]."]);
    expect(stream(["call 555 123", "4567"], true)[1]!.text).toBe("[PHONE]");
  });

  it("does not join across a sentence end, or when the current digits are a number on their own", () => {
    expect(stream(["card 4111 1111.", "1111 1111"])[1]!.text).toBe("1111 1111");
    expect(stream(["press 1", "555-123-4567"])[1]!.flags).toEqual([]);
  });

  it("joins across a full stop lipi put at the segment's end, not across one the recogniser sent", () => {
    // The punctuation stage closes a final segment's sentence; the speaker had not finished the number.
    const punctuated = redactionOnly({}, { itn: { enabled: true }, punctuation: { enabled: true } });
    const run = (texts: string[]) => {
      let context: StreamContext = {};
      return texts.map((t) => {
        const r = punctuated.run(textSegment(t), context);
        context = r.context;
        return r.result.text;
      });
    };
    expect(run(["my card number is 4111", "1111 1111 1111"])[1]).toBe("[CREDIT_CARD].");
    // Spoken digits have no grouping across the pause: three, then six.
    expect(run(["my social security number is one two three", "four five six seven eight nine"])[1]).toBe("[SSN].");
    expect(run(["my card number is 4111.", "1111 1111 1111"])[1]).not.toContain("[CREDIT_CARD]");
  });

  it("keeps its per-stream state small and plain", () => {
    let context: StreamContext = {};
    for (const t of ["1 2 3 4 5 6 7 8 9 10 11 12", "13 14"]) context = p.run(textSegment(t), context).context;
    const slot = (context as { stages?: Record<string, { tail: unknown[] }> }).stages!["redaction"]!;
    expect(slot.tail.length).toBeLessThanOrEqual(6);
    expect(structuredClone(context)).toEqual(context);
  });
});

const word = fc.constantFrom("call", "me", "at", "4111", "1111", "555-123-4567", "a@b.com", "10.0.0.1", "123-45-6789", "(555)", "123", "4567.", "+1", "x.io", "shit", "and");
const segmentArb: fc.Arbitrary<SegmentInput> = fc.array(word, { maxLength: 12 }).map((ws) => textSegment(ws.join(" ")));

describe("redaction: idempotence", () => {
  it("running on its own output proposes no applied edit", () => {
    const profiles = [
      p,
      redactionOnly({ classes: { profanity: true }, params: { email_policy: "mask", phone_policy: "hash", url_policy: "tag", profanity_style: "remove" } }),
      redactionOnly({ classes: { profanity: true }, params: { credit_card_policy: "mask", ssn_policy: "hash", ip_policy: "mask", profanity_style: "tag" } }),
    ];
    fc.assert(
      fc.property(fc.constantFrom(...profiles), segmentArb, (pl, seg) => {
        const first = pl.run(seg, {}).result;
        const second = pl.run(textSegment(first.text), {}).result;
        expect(second.edits.filter((e) => e.applied)).toEqual([]);
        expect(second.text).toBe(first.text);
      }),
      { numRuns: 400 },
    );
  });
});
