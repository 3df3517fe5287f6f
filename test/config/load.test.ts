// Settings: defaults from config/default.yaml, a file over them, LIPI_* env
// over that, all validated with messages that name the key.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, envOverrides, loadConfig } from "../../src/config/load.js";

const problemsOf = (fn: () => unknown): string[] => {
  try {
    fn();
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  throw new Error("expected a ConfigError");
};

function yamlFile(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), "lipi-config-")), "config.yaml");
  writeFileSync(path, text);
  return path;
}

describe("loadConfig", () => {
  it("runs with the embedded defaults: loopback, port 50051, PGlite, the clean profile", () => {
    const config = loadConfig({ env: {} });
    expect(config.server).toMatchObject({ host: "127.0.0.1", port: 50051 });
    expect(config.store.databaseUrl).toBe("");
    expect(config.pipeline.defaultProfile).toBe("clean");
    expect(config.pipeline.profiles.clean!.stages.disfluency!.params.fillers).toContain("um");
  });

  it("layers a file over the defaults and the environment over the file", () => {
    const file = yamlFile("server:\n  port: 6000\n  host: 0.0.0.0\npool:\n  threads: 3\n");
    const config = loadConfig({ file, env: { LIPI_SERVER__PORT: "7000", LIPI_STREAM__MAX_PENDING_SEGMENTS: "512" } });
    expect(config.server.port).toBe(7000);
    expect(config.server.host).toBe("0.0.0.0");
    expect(config.pool.threads).toBe(3);
    expect(config.stream.maxPendingSegments).toBe(512);
  });

  it("takes REDIS_URL for the shared rate limits and revocations", () => {
    expect(loadConfig({ env: { REDIS_URL: "redis://cache:6379" } }).redis.url).toBe("redis://cache:6379");
  });

  it("takes DATABASE_URL for the store", () => {
    expect(loadConfig({ env: { DATABASE_URL: "postgres://db/lipi" } }).store.databaseUrl).toBe("postgres://db/lipi");
  });

  it("maps SNAKE_CASE env segments to camelCase keys and parses YAML scalars", () => {
    expect(envOverrides({ LIPI_SERVER__KEEPALIVE__PERMIT_WITHOUT_CALLS: "false", LIPI_LOG__LEVEL: "debug", OTHER: "x" })).toEqual({
      server: { keepalive: { permitWithoutCalls: false } },
      log: { level: "debug" },
    });
  });

  it("rejects unknown keys, naming them, wherever they come from", () => {
    expect(problemsOf(() => loadConfig({ env: { LIPI_SERVER__PROT: "1" } }))).toEqual(["unknown key: server.prot"]);
    const file = yamlFile("store:\n  databaseURL: postgres://x\n");
    expect(problemsOf(() => loadConfig({ file, env: {} }))).toEqual(["unknown key: store.databaseURL"]);
  });

  it("rejects bad values with the key and the reason, all at once", () => {
    const problems = problemsOf(() => loadConfig({ env: { LIPI_SERVER__PORT: "70000", LIPI_POOL__THREADS: "many" } }));
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^server\.port: /);
    expect(problems[1]).toMatch(/^pool\.threads: .*number/);
  });

  it("checks cross-field rules: the default profile must exist, resume below the pause mark", () => {
    expect(problemsOf(() => loadConfig({ env: { LIPI_PIPELINE__DEFAULT_PROFILE: "missing" } }))).toEqual([
      'pipeline.defaultProfile: no profile named "missing"',
    ]);
    expect(
      problemsOf(() => loadConfig({ env: { LIPI_STREAM__MAX_PENDING_SEGMENTS: "10", LIPI_STREAM__RESUME_PENDING_SEGMENTS: "20" } })),
    ).toEqual(["stream.resumePendingSegments: must not exceed stream.maxPendingSegments"]);
  });

  it("checks every profile's stage settings at start, naming the profile and the parameter", () => {
    const file = yamlFile(
      "pipeline:\n  profiles:\n    odd:\n      stages:\n        disfluency:\n          params:\n            apply_threshold: 3\n        nonsense: {}\n",
    );
    const problems = problemsOf(() => loadConfig({ file, env: {} }));
    expect(problems).toHaveLength(2);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^pipeline\.profiles\.odd\.stages\.disfluency\.params\.apply_threshold: /),
        expect.stringMatching(/^pipeline\.profiles\.odd\.stages\.nonsense: /),
      ]),
    );
  });

  it("accepts the shipped production example", () => {
    const config = loadConfig({ file: new URL("../../config/production.example.yaml", import.meta.url).pathname, env: {} });
    expect(config.server.host).toBe("0.0.0.0");
    expect(config.server.reflection).toBe(false);
  });

  it("reports an unreadable or malformed file with its path", () => {
    expect(problemsOf(() => loadConfig({ file: "/nonexistent/lipi.yaml", env: {} }))[0]).toMatch(/^\/nonexistent\/lipi\.yaml: cannot read/);
    const bad = yamlFile("server: [unclosed\n");
    expect(problemsOf(() => loadConfig({ file: bad, env: {} }))[0]).toContain(bad);
  });
});
