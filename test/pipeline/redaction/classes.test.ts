// Spec: each PII class and policy, Luhn negatives, profanity styles, no PII in `before` by default.
import { describe, expect, it } from "vitest";
import { compileProfile, StageOptionsError } from "../../../src/pipeline/index.js";
import { runText } from "../helpers.js";
import { redactionOnly, resources } from "./helpers.js";

const tagAll = redactionOnly({ params: { url_policy: "tag" } });
const text = (s: string, p = tagAll) => runText(p, s).text;

describe("redaction: PII classes (tag policy)", () => {
  it.each([
    ["write to satish@gmail.com.", "write to [EMAIL]."],
    ["call 555-123-4567 now", "call [PHONE] now"],
    ["call (555) 123-4567", "call [PHONE]"],
    ["call +44 20 7946 0958", "call [PHONE]"],
    ["my card is 4111 1111 1111 1111", "my card is [CREDIT_CARD]"],
    ["card 4111111111111111, thanks", "card [CREDIT_CARD], thanks"],
    ["ssn 123-45-6789", "ssn [SSN]"],
    ["ssn 123 45 6789", "ssn [SSN]"],
    ["host 192.168.1.20 is up", "host [IP] is up"],
    ["host fe80::1:2:3 is up", "host [IP] is up"],
    ["see https://example.com/a?b=1.", "see [URL]."],
    ["see kore.ai today", "see [URL] today"],
  ])("%s", (input, expected) => {
    expect(text(input)).toBe(expected);
  });

  it("leaves look-alikes alone", () => {
    expect(text("a non-Luhn 4111 1111 1111 1112 is not a card")).toBe("a non-Luhn 4111 1111 1111 1112 is not a card");
    expect(text("years 1990 1991 1992 and 2:30 and 1,000 and 256.300.1.1")).toBe("years 1990 1991 1992 and 2:30 and 1,000 and 256.300.1.1");
    expect(text("ssn 000-12-3456 is impossible")).toBe("ssn 000-12-3456 is impossible");
  });
});

describe("redaction: policies", () => {
  it("mask keeps the shape, hides letters and digits", () => {
    const p = redactionOnly({ params: { email_policy: "mask", credit_card_policy: "mask" } });
    expect(text("a.b@x.io and 4111 1111 1111 1111", p)).toBe("*.*@*.** and **** **** **** ****");
  });

  it("hash is short and stable: the same value always hashes the same", () => {
    const p = redactionOnly({ params: { email_policy: "hash", phone_policy: "hash" } });
    const a = text("mail Ann@x.com or 555-123-4567", p);
    expect(a).toMatch(/^mail \[EMAIL:[0-9a-f]{8}\] or \[PHONE:[0-9a-f]{8}\]$/);
    expect(text("mail ann@x.com or (555) 123 4567", p)).toBe(a);
  });

  it("keep leaves the value (the default for urls)", () => {
    expect(text("see https://example.com", redactionOnly())).toBe("see https://example.com");
    expect(text("mail a@b.com", redactionOnly({ params: { email_policy: "keep" } }))).toBe("mail a@b.com");
  });

  it("a class switched off is not detected", () => {
    expect(text("mail a@b.com", redactionOnly({ classes: { email: false } }))).toBe("mail a@b.com");
  });

  it("rejects bad policies and unknown params", () => {
    expect(() => redactionOnly({ params: { email_policy: "shred", emial_policy: "tag" } })).toThrow(StageOptionsError);
  });
});

describe("redaction: the edit log", () => {
  it("records one edit per value with class, span and confidence, and no PII in before by default", () => {
    const r = runText(tagAll, "card 4111 1111 1111 1111 ok");
    expect(r.edits).toEqual([
      { stage: "redaction", rule: "credit_card", before: "[redacted 19 chars]", after: "[CREDIT_CARD]", source: { start: 1, end: 5 }, confidence: expect.any(Number), applied: true },
    ]);
    expect(JSON.stringify(r)).not.toContain("4111");
  });

  it("record_original: true writes the original into before", () => {
    const r = runText(redactionOnly({ params: { record_original: true } }), "mail a@b.com");
    expect(r.edits[0]).toMatchObject({ rule: "email", before: "a@b.com", after: "[EMAIL]" });
  });

  it("earlier stages' edits over a redacted span are scrubbed too (ITN wrote the digits)", () => {
    const p = compileProfile({ stages: { redaction: { enabled: true } } }, undefined, resources);
    const r = runText(p, "my number is five five five one two three four five six seven");
    expect(r.text).toBe("My number is [PHONE]");
    expect(JSON.stringify(r.edits)).not.toMatch(/555|five/);
  });
});

describe("redaction: profanity", () => {
  const on = (params: Record<string, string | string[]> = {}) => redactionOnly({ classes: { profanity: true }, params });

  it("is off unless the profile switches it on", () => {
    expect(text("well shit", redactionOnly())).toBe("well shit");
  });

  it.each([
    ["mask", "well shit, damn it", "well s***, d*** it"],
    ["tag", "well shit, damn it", "well [profanity], [profanity] it"],
    ["remove", "well shit, damn it", "well , it"],
  ])("style %s", (style, input, expected) => {
    expect(text(input, on({ profanity_style: style }))).toBe(expected);
  });

  it("profanity_words adds words, profanity_allow exempts them", () => {
    const p = on({ profanity_words: "frak, gorram", profanity_allow: ["damn"] });
    expect(text("Frak this damn gorram thing", p)).toBe("F*** this damn g***** thing");
  });
});
