// The `lipi` command as a user runs it: process a file locally, report bad
// input precisely, and refuse a bad config with the key named.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

function lipi(args: string[], input?: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], {
    input,
    encoding: "utf8",
    env: { ...process.env, ...env },
    timeout: 30_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("lipi process", () => {
  it("processes text lines from stdin through the pipeline, carrying sentence context", () => {
    // Each line is a final segment: it closes its sentence unless it cannot end there ("… and").
    const out = lipi(["process"], "um so this is the first line and\nthat ends here\nuh and a new one\n");
    expect(out.code).toBe(0);
    expect(out.stdout).toBe("So this is the first line and\nthat ends here.\nAnd a new one.\n");
  });

  it("keeps every word with the verbatim profile", () => {
    const out = lipi(["process", "--profile", "verbatim"], "um so it begins\n");
    expect(out.stdout).toBe("Um, so it begins.\n");
  });

  it("reads and writes JSON lines with word timings and edits", () => {
    const dir = mkdtempSync(join(tmpdir(), "lipi-cli-"));
    const file = join(dir, "in.jsonl");
    writeFileSync(
      file,
      `${JSON.stringify({ seq: 1, words: [{ text: "uh", startMs: 0, endMs: 100 }, { text: "hello", startMs: 150, endMs: 400 }] })}\n` +
        `${JSON.stringify({ seq: 2, startMs: 10, endMs: 5, text: "bad span" })}\n`,
    );
    const out = lipi(["process", "--format", "jsonl", file]);
    expect(out.code).toBe(1); // one segment was invalid
    const lines = out.stdout.trim().split("\n").map((l) => JSON.parse(l));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ seq: 1, text: "Hello", words: [{ text: "Hello", startMs: 150, endMs: 400 }] });
    expect(lines[0].edits.map((e: { rule: string }) => e.rule)).toEqual(["filler", "sentence_start"]);
    expect(out.stderr).toContain("line 2.end_ms: must not be before start_ms");
  });

  it("refuses a bad configuration naming the key, with exit code 2", () => {
    const out = lipi(["process"], "x\n", { LIPI_POOL__THREADS: "-4" });
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/pool\.threads/);
  });

  it("processes an SRT file into an SRT file, keeping cue timings and reporting problems by line and cue", () => {
    const dir = mkdtempSync(join(tmpdir(), "lipi-cli-"));
    const input = join(dir, "talk.srt");
    const output = join(dir, "out.srt");
    writeFileSync(
      input,
      "1\n00:00:01,000 --> 00:00:03,500\num so the talk\nbegins here.\n\n" +
        "2\n00:00:04,000 --> 00:00:02,000\nuh and it ends\n\n" +
        "3\n00:01:00,250 --> 00:01:02,999\nwell.\n",
    );
    const out = lipi(["process", input, "--out", output]);
    expect(out.code).toBe(1); // cue 2 ends before it starts: reported, kept, exit 1
    expect(out.stderr).toMatch(/line 7, cue 2: error end_before_start/);
    const written = readFileSync(output, "utf8");
    expect(written).toBe(
      "1\n00:00:01,000 --> 00:00:03,500\nSo the talk begins here.\n\n" +
        "2\n00:00:04,000 --> 00:00:02,000\nAnd it ends.\n\n" +
        "3\n00:01:00,250 --> 00:01:02,999\nWell.\n",
    );
  });
});
