// Shared fixtures for the store tests: real databases only (PGlite in a temp
// dir, PostgreSQL on 127.0.0.1:5432 in a schema unique to the test run).
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { SegmentInput, SegmentResult } from "../../src/pipeline/types.js";
import { openDatabase, type Database, type StoreSettings } from "../../src/store/db.js";
import type { PersistenceSettings } from "../../src/store/persistence-writer.js";
import { silentLogger } from "../../src/telemetry/logger.js";
import { freshPgliteDir } from "../helpers/pglite-dir.js";
import { TEST_DATABASE_URL } from "../helpers/postgres.js";

const base = new URL(TEST_DATABASE_URL);
export const POSTGRES_HOST = base.hostname;
export const POSTGRES_PORT = Number(base.port || 5432);

export function postgresUrl(schema: string, port = POSTGRES_PORT): string {
  const url = new URL(TEST_DATABASE_URL);
  url.port = String(port);
  url.searchParams.set("options", `-c search_path=${schema}`);
  return url.toString();
}

/** A schema name no other test run uses; drop it with dropSchema. */
export function uniqueSchemaName(label: string): string {
  return `lipi_test_${label}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
}

export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

export async function makeTempDir(label: string): Promise<{ path: string; remove: () => Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), `lipi-${label}-`));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

/** An initialised PGlite data dir (copied from a shared template: initdb takes seconds, a copy milliseconds). */
export async function makePgliteDir(): Promise<{ path: string; remove: () => Promise<void> }> {
  const { dir, remove } = await freshPgliteDir();
  return { path: dir, remove: async () => remove() };
}

export function storeSettings(overrides: Partial<StoreSettings>): StoreSettings {
  return { databaseUrl: "", dataDir: "./data/pglite", poolSize: 4, migrateOnStart: false, ...overrides };
}

export function persistenceSettings(overrides: Partial<PersistenceSettings> = {}): PersistenceSettings {
  return { bufferRows: 5_000, batchRows: 500, flushIntervalMs: 10, retryInitialMs: 20, retryMaxMs: 200, closeTimeoutMs: 1_000, ...overrides };
}

/** A realistic processed segment: words with timings, an edit, IAST text, a flag now and then. */
export function makeSegment(session: number, index: number): { input: SegmentInput; result: SegmentResult } {
  const startMs = index * 1_000;
  const words = ["so", "the", "bhagavad", "geeta", "chapter", String(index)].map((text, i) => ({
    text,
    startMs: startMs + i * 150,
    endMs: startMs + i * 150 + 120,
    confidence: 0.9,
    speaker: `spk${session}`,
  }));
  const input: SegmentInput = {
    id: `s${session}-seg${index}`,
    seq: index,
    isFinal: index % 3 !== 0,
    startMs,
    endMs: startMs + 900,
    text: words.map((w) => w.text).join(" "),
    words,
  };
  const needsReview = index % 7 === 0;
  const result: SegmentResult = {
    id: input.id,
    seq: index,
    isFinal: input.isFinal,
    startMs,
    endMs: startMs + 900,
    text: `So the Bhagavad Gītā, chapter ${index}.`,
    words: [
      { text: "So", startMs, endMs: startMs + 120, confidence: 0.9, speaker: `spk${session}`, source: { start: 0, end: 1 } },
      { text: "the", startMs: startMs + 150, endMs: startMs + 270, confidence: 0.9, speaker: `spk${session}`, source: { start: 1, end: 2 } },
      { text: "Bhagavad Gītā,", startMs: startMs + 300, endMs: startMs + 570, confidence: 0.8, speaker: `spk${session}`, source: { start: 2, end: 4 } },
      { text: "chapter", startMs: startMs + 600, endMs: startMs + 720, confidence: 0.9, speaker: `spk${session}`, source: { start: 4, end: 5 } },
      { text: `${index}.`, startMs: startMs + 750, endMs: startMs + 870, confidence: 0.9, speaker: `spk${session}`, source: { start: 5, end: 6 } },
    ],
    edits: [
      { stage: "lexicon", rule: "iast:bhagavad-gita", before: "bhagavad geeta", after: "Bhagavad Gītā", source: { start: 2, end: 4 }, confidence: 0.8, applied: true },
    ],
    flags: needsReview ? [{ code: "low_confidence", stage: "guard", detail: "edit confidence below 0.85" }] : [],
    needsReview,
    speaker: `spk${session}`,
  };
  return { input, result };
}

/** Polls a condition every 10 ms until it holds, or fails after timeoutMs. */
export function waitUntil(predicate: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const check = () => {
      if (predicate()) resolve();
      else if (Date.now() > deadline) reject(new Error("condition not reached in time"));
      else setTimeout(check, 10);
    };
    check();
  });
}

/** A fresh database on one backend, and how to throw it away. */
export interface StoreBackend {
  name: "pglite" | "postgres";
  open(): Promise<{ database: Database; cleanup: () => Promise<void> }>;
}

/** Both backends: a new PGlite directory, or a new schema on PostgreSQL named after `label`. */
export function storeBackends(label: string): StoreBackend[] {
  return [
    {
      name: "pglite",
      async open() {
        const dir = await makePgliteDir();
        const database = await openDatabase(storeSettings({ dataDir: dir.path }), silentLogger);
        return { database, cleanup: dir.remove };
      },
    },
    {
      name: "postgres",
      async open() {
        const schema = uniqueSchemaName(label);
        const database = await openDatabase(storeSettings({ databaseUrl: postgresUrl(schema) }), silentLogger);
        return { database, cleanup: () => dropSchema(schema) };
      },
    },
  ];
}

