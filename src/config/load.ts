// Loads settings: config/default.yaml, then an optional file (--config or
// LIPI_CONFIG), then LIPI_* environment variables, validated as one object
// against the schema. Errors name the exact key and source so a bad deploy
// fails at start with a message an operator can act on.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { compileProfile, StageOptionsError, violationField } from "../pipeline/index.js";
import { configSchema, type LipiConfig } from "./schema.js";

export const DEFAULT_CONFIG_PATH = fileURLToPath(new URL("../../config/default.yaml", import.meta.url));

const ENV_PREFIX = "LIPI_";
/** Variables under the prefix that are not config keys. */
const RESERVED_ENV = new Set(["LIPI_CONFIG"]);

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n  ${problems.join("\n  ")}`);
    this.name = "ConfigError";
  }
}

export interface LoadConfigOptions {
  /** Extra YAML file layered over the defaults. */
  file?: string;
  env?: NodeJS.ProcessEnv;
  /** Plain object layered last (tests, CLI flags). */
  overrides?: Record<string, unknown>;
}

type Tree = Record<string, unknown>;

function isTree(value: unknown): value is Tree {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Objects merge key by key; anything else (arrays included) replaces. */
export function deepMerge(base: Tree, over: Tree): Tree {
  const out: Tree = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const prev = out[key];
    out[key] = isTree(prev) && isTree(value) ? deepMerge(prev, value) : value;
  }
  return out;
}

function readYamlFile(path: string): Tree {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    throw new ConfigError([`${path}: cannot read (${(err as Error).message})`]);
  }
  let doc: unknown;
  try {
    doc = parseYaml(text) ?? {};
  } catch (err) {
    throw new ConfigError([`${path}: ${(err as Error).message}`]);
  }
  if (!isTree(doc)) throw new ConfigError([`${path}: top level must be a mapping`]);
  return doc;
}

function snakeToCamel(part: string): string {
  return part.toLowerCase().replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** LIPI_SERVER__PORT=50052 → { server: { port: 50052 } }; values are YAML scalars. */
export function envOverrides(env: NodeJS.ProcessEnv): Tree {
  let tree: Tree = {};
  for (const [name, raw] of Object.entries(env)) {
    if (raw === undefined) continue;
    // The conventional names platforms set (Heroku, Render, compose files).
    if (name === "DATABASE_URL") {
      tree = deepMerge(tree, { store: { databaseUrl: raw } });
      continue;
    }
    if (name === "REDIS_URL") {
      tree = deepMerge(tree, { redis: { url: raw } });
      continue;
    }
    if (!name.startsWith(ENV_PREFIX) || RESERVED_ENV.has(name)) continue;
    const path = name.slice(ENV_PREFIX.length).split("__").map(snakeToCamel);
    let value: unknown = raw;
    try {
      value = raw === "" ? "" : parseYaml(raw);
    } catch {
      value = raw; // not YAML: keep the string and let the schema judge it
    }
    const leaf: Tree = {};
    let node = leaf;
    path.forEach((key, i) => {
      if (i === path.length - 1) node[key] = value;
      else node = node[key] = {} as Tree;
    });
    tree = deepMerge(tree, leaf);
  }
  return tree;
}

function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const where = issue.path.length ? issue.path.join(".") : "(top level)";
    if (issue.code === "unrecognized_keys") {
      const keys = issue.keys.map((k) => (issue.path.length ? `${where}.${k}` : k));
      return `unknown key${keys.length > 1 ? "s" : ""}: ${keys.join(", ")}`;
    }
    return `${where}: ${issue.message}`;
  });
}

export function loadConfig(options: LoadConfigOptions = {}): LipiConfig {
  const env = options.env ?? process.env;
  let tree = readYamlFile(DEFAULT_CONFIG_PATH);
  const file = options.file ?? env.LIPI_CONFIG;
  if (file) tree = deepMerge(tree, readYamlFile(file));
  tree = deepMerge(tree, envOverrides(env));
  if (options.overrides) tree = deepMerge(tree, options.overrides);
  const parsed = configSchema.safeParse(tree);
  if (!parsed.success) throw new ConfigError(describeIssues(parsed.error));
  const config = parsed.data;
  const problems: string[] = [];
  if (!(config.pipeline.defaultProfile in config.pipeline.profiles)) {
    problems.push(`pipeline.defaultProfile: no profile named "${config.pipeline.defaultProfile}"`);
  }
  if (config.stream.resumePendingSegments > config.stream.maxPendingSegments) {
    problems.push("stream.resumePendingSegments: must not exceed stream.maxPendingSegments");
  }
  problems.push(...profileProblems(config));
  if (problems.length) throw new ConfigError(problems);
  return config;
}

/** Stage settings are checked by the stages themselves, by compiling each profile. */
function profileProblems(config: LipiConfig): string[] {
  const problems: string[] = [];
  for (const [name, profile] of Object.entries(config.pipeline.profiles)) {
    try {
      compileProfile(profile);
    } catch (err) {
      if (!(err instanceof StageOptionsError)) throw err;
      for (const v of err.violations) problems.push(`pipeline.profiles.${name}.${violationField(v)}: ${v.reason}`);
    }
  }
  return problems;
}
