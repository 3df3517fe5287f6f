// Profiles reloaded at run time (SIGHUP in `lipi serve`) reach every worker
// before its next batch; no restart, no stale results.
import { status } from "@grpc/grpc-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InvalidProfilesError } from "../../src/workers/profile-check.js";
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
    await t.lipi.reloadProfiles({
      ...profiles,
      clean: { stages: { ...profiles.clean!.stages, disfluency: { enabled: true, classes: {}, params: { fillers: ["there"] } } } },
      terse: { stages: { disfluency: { enabled: true, classes: {}, params: { fillers: ["hello"] } } } },
    });
    // Several streams so every worker thread has to pick the change up.
    const after = await Promise.all(Array.from({ length: 6 }, () => processOnce("um hello there")));
    expect(new Set(after)).toEqual(new Set(["Um hello."]));
    expect(await processOnce("um hello there", "terse")).toBe("Um there");
  });

  it("refuses profiles that do not compile on the workers and keeps the running ones", async () => {
    const profiles = t.config.pipeline.profiles;
    const broken = {
      ...profiles,
      clean: { stages: { ...profiles.clean!.stages, disfluency: { enabled: true, classes: {}, params: { fillers: ["um"] } } } },
      talk: { stages: { lexicon: { enabled: true, classes: {}, params: { packs: ["no-such-pack"] } } } },
    };
    const refused = await t.lipi.reloadProfiles(broken).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(InvalidProfilesError);
    expect((refused as InvalidProfilesError).problems).toEqual([{ profile: "talk", message: expect.stringContaining("no-such-pack") }]);
    // Neither profile went live: "talk" is unknown and "clean" still has the earlier reload's fillers.
    expect(await processOnce("um hello there")).toBe("Um hello.");
    const unknown = new StreamProbe(t.client);
    unknown.config({ profile: "talk" });
    expect((await unknown.finish()).code).toBe(status.INVALID_ARGUMENT);
  });
});

describe("profiles at start", () => {
  it("refuses to start when a profile does not compile, naming the profile and the problem", async () => {
    const start = startTestLipi("pglite", {
      pipeline: { profiles: { talk: { stages: { lexicon: { enabled: true, params: { packs: ["no-such-pack"] } } } } } },
    });
    await expect(start).rejects.toThrow(/invalid profiles: talk: .*no-such-pack/);
  });
});
