// Profiles reloaded at run time (SIGHUP in `lipi serve`) reach every worker
// before its next batch; no restart, no stale results.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestLipi, type TestLipi } from "../helpers/lipi.js";
import { StreamProbe } from "../helpers/stream-probe.js";

let t: TestLipi;
beforeAll(async () => {
  t = await startTestLipi("pglite");
});
afterAll(async () => {
  await t?.stop();
});

async function processOnce(text: string, profile = ""): Promise<string> {
  const probe = new StreamProbe(t.client);
  probe.config({ profile });
  probe.segment({ seq: 1, text });
  await probe.finish();
  return probe.segments[0]!.text;
}

describe("profile reload", () => {
  it("applies new profiles to the next segments and offers new profile names", async () => {
    expect(await processOnce("um hello there")).toBe("Hello there.");
    const profiles = t.config.pipeline.profiles;
    t.lipi.reloadProfiles({
      ...profiles,
      clean: { stages: { ...profiles.clean!.stages, disfluency: { enabled: true, classes: {}, params: { fillers: ["there"] } } } },
      terse: { stages: { disfluency: { enabled: true, classes: {}, params: { fillers: ["hello"] } } } },
    });
    // Several streams so every worker thread has to pick the change up.
    const after = await Promise.all(Array.from({ length: 6 }, () => processOnce("um hello there")));
    expect(new Set(after)).toEqual(new Set(["Um, hello."]));
    expect(await processOnce("um hello there", "terse")).toBe("Um there");
  });
});
