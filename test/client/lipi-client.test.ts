// The SDK's streaming wrapper against a real server: responses in order,
// errors surfaced as events, back-pressure honoured for a large input.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LipiClient, decodeBadRequest } from "../../clients/typescript/index.js";
import { startTestLipi, type TestLipi } from "../helpers/lipi.js";

let t: TestLipi;
beforeAll(async () => {
  t = await startTestLipi("pglite");
});
afterAll(async () => {
  await t?.stop();
});

describe("LipiClient.stream", () => {
  it("yields the started status, every segment in order and per-segment errors", async () => {
    const client = new LipiClient(t.address, { token: t.token });
    const kinds: string[] = [];
    const texts: string[] = [];
    const inputs = [{ text: "um first.", seq: 1 }, { text: "bad", seq: 2, startMs: 9, endMs: 1 }, { text: "uh third", seq: 3 }];
    for await (const r of client.stream({}, inputs)) {
      kinds.push(r.response!.$case);
      if (r.response?.$case === "segment") texts.push(r.response.value.text);
      if (r.response?.$case === "error") expect(decodeBadRequest(r.response.value.status)[0]!.field).toBe("segment.end_ms");
    }
    client.close();
    expect(kinds).toEqual(["status", "segment", "error", "segment"]);
    expect(texts).toEqual(["First.", "Third."]);
  });

  it("streams a generator of 5,000 segments without buffering it all", async () => {
    const client = new LipiClient(t.address, { token: t.token });
    function* many() {
      for (let i = 1; i <= 5_000; i++) yield { text: `line ${i}`, seq: i };
    }
    let last = 0;
    let count = 0;
    for await (const r of client.stream({ profile: "verbatim" }, many())) {
      if (r.response?.$case !== "segment") continue;
      expect(r.response.value.seq).toBe(last + 1);
      last = r.response.value.seq;
      count++;
    }
    client.close();
    expect(count).toBe(5_000);
  });
});
