// Lexicon pack validation: YAML text in, LexiconPack + line-precise problems out.
// Pure (no file I/O) so it can run in the pipeline, in workers and in tests.
// One pass over the YAML AST plus hash maps for the cross-entry checks, so the
// cost is linear in the number of entries (100k entries parse in seconds).

import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument } from "yaml";
import type { Node, Pair, YAMLMap } from "yaml";
import { LEXICON_KINDS } from "./types.js";
import type {
  LexiconEntry,
  LexiconKind,
  LexiconPack,
  LexiconParseResult,
  LexiconProblem,
  LexiconProblemCode,
  LexiconProblemSeverity,
} from "./types.js";

const PACK_KEYS = ["id", "name", "language", "version", "description", "license", "source", "entries"] as const;
const PACK_REQUIRED = new Set<string>(["id", "name", "language", "version", "license", "entries"]);
const ENTRY_KEYS = ["id", "canonical", "kind", "variants", "category", "pronunciation", "protected"] as const;
const ENTRY_REQUIRED = new Set<string>(["id", "canonical", "kind", "variants", "category"]);
const PACK_KEY_SET = new Set<string>(PACK_KEYS);
const ENTRY_KEY_SET = new Set<string>(ENTRY_KEYS);
const KIND_SET = new Set<string>(LEXICON_KINDS);

const KEBAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const CATEGORY = /^[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*$/;
const LANGUAGE_TAG = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/;
const MARKS = /\p{M}+/gu;
const SPACE_RUN = /\s+/g;
const BAD_WHITESPACE = /^\s|\s$|\s\s|[\t\n\r\f\v]/;

/**
 * Folds a string for comparison: NFD, combining marks removed, lower-case,
 * whitespace collapsed. "Bhagavad Gītā" -> "bhagavad gita", "Kṛṣṇa" -> "krsna".
 */
export function foldLexiconText(text: string): string {
  return text.normalize("NFD").replace(MARKS, "").toLowerCase().replace(SPACE_RUN, " ").trim();
}

/** The key under which variants are compared: NFC, lower-case, whitespace collapsed (diacritics kept). */
export function lexiconVariantKey(variant: string): string {
  return variant.normalize("NFC").toLowerCase().replace(SPACE_RUN, " ").trim();
}

/** "yoga-vedanta.yaml:12:5: error: entries[3].kind: …" */
export function formatLexiconProblem(p: LexiconProblem): string {
  const where = p.path === "" ? "" : `${p.path}: `;
  return `${p.source}:${p.line}:${p.column}: ${p.severity}: ${where}${p.message}`;
}

export function hasLexiconErrors(problems: readonly LexiconProblem[]): boolean {
  return problems.some((p) => p.severity === "error");
}

interface Ctx {
  readonly source: string;
  readonly lines: LineCounter;
  readonly problems: LexiconProblem[];
}

function report(
  ctx: Ctx,
  offset: number,
  path: string,
  code: LexiconProblemCode,
  message: string,
  severity: LexiconProblemSeverity = "error",
): void {
  const pos = ctx.lines.linePos(offset);
  // linePos reports line 0 before the first newline is registered (one-line input).
  ctx.problems.push({
    source: ctx.source,
    line: Math.max(1, pos.line),
    column: Math.max(1, pos.col),
    path,
    message,
    severity,
    code,
  });
}

function startOf(node: Node | null | undefined, fallback: number): number {
  return node?.range?.[0] ?? fallback;
}

function describe(node: unknown): string {
  if (node === null || node === undefined) return "nothing";
  if (isMap(node)) return "a mapping";
  if (isSeq(node)) return "a list";
  if (isScalar(node)) {
    const v = node.value;
    if (v === null) return "null";
    if (typeof v === "string") return "a string";
    return `a ${typeof v}`;
  }
  return "an unsupported node";
}

/** Key name of a pair, or undefined (after reporting) when the key is not a plain string. */
function keyName(ctx: Ctx, pair: Pair<unknown, unknown>, parentPath: string, fallback: number): string | undefined {
  const key = pair.key;
  if (isScalar(key)) return typeof key.value === "string" ? key.value : String(key.value);
  report(ctx, startOf(key as Node | null, fallback), parentPath, "unsupported_yaml", "mapping keys must be plain strings");
  return undefined;
}

/** Reports problems in a string value; returns it when it is a usable string. */
function checkString(ctx: Ctx, value: unknown, offset: number, path: string, what: string): string | undefined {
  if (isAlias(value)) {
    report(ctx, offset, path, "unsupported_yaml", "YAML aliases are not supported in lexicon packs");
    return undefined;
  }
  if (!isScalar(value) || value.value === null) {
    if (isScalar(value) || value === null || value === undefined) {
      report(ctx, offset, path, "empty_string", `${what} must not be empty`);
    } else {
      report(ctx, offset, path, "wrong_type", `${what} must be a string, got ${describe(value)}`);
    }
    return undefined;
  }
  const v = value.value;
  if (typeof v !== "string") {
    report(ctx, offset, path, "wrong_type", `${what} must be a string, got ${describe(value)} (quote it)`);
    return undefined;
  }
  if (v.trim() === "") {
    report(ctx, offset, path, "empty_string", `${what} must not be empty`);
    return undefined;
  }
  if (BAD_WHITESPACE.test(v)) {
    report(ctx, offset, path, "whitespace", `${what} has leading, trailing, repeated or non-space whitespace: ${JSON.stringify(v)}`);
  }
  return v;
}

interface FieldMap {
  readonly fields: Map<string, { value: unknown; offset: number }>;
}

/** Collects a mapping's fields, reporting unknown keys. */
function readFields(ctx: Ctx, map: YAMLMap<unknown, unknown>, path: string, allowed: Set<string>, allowedList: readonly string[]): FieldMap {
  const fields = new Map<string, { value: unknown; offset: number }>();
  const mapStart = startOf(map, 0);
  for (const pair of map.items) {
    const name = keyName(ctx, pair, path, mapStart);
    if (name === undefined) continue;
    const keyOffset = startOf(pair.key as Node | null, mapStart);
    const fieldPath = path === "" ? name : `${path}.${name}`;
    if (!allowed.has(name)) {
      report(ctx, keyOffset, fieldPath, "unknown_key", `unknown key "${name}" (allowed: ${allowedList.join(", ")})`);
      continue;
    }
    const value = pair.value;
    const offset = value === null || value === undefined ? keyOffset : startOf(value as Node, keyOffset);
    fields.set(name, { value, offset });
  }
  return { fields };
}

function requireFields(ctx: Ctx, { fields }: FieldMap, required: Set<string>, path: string, offset: number, what: string): void {
  for (const name of required) {
    if (!fields.has(name)) {
      report(ctx, offset, path === "" ? name : `${path}.${name}`, "missing_field", `${what} is missing required field "${name}"`);
    }
  }
}

interface VariantOwner {
  readonly entryIndex: number;
  readonly id: string;
  readonly canonical: string;
  readonly line: number;
}

interface CrossIndex {
  readonly ids: Map<string, { line: number }>;
  readonly variants: Map<string, VariantOwner>;
  readonly canonicals: Map<string, VariantOwner>;
  /** Folded canonical -> first owner. */
  readonly folds: Map<string, VariantOwner>;
  /** Variants to check against folds after all entries are read: [key, path, offset, owner]. */
  readonly pendingShadow: Array<{ key: string; variant: string; path: string; offset: number; owner: VariantOwner }>;
}

function parseEntry(ctx: Ctx, node: unknown, index: number, cross: CrossIndex, fallback: number): LexiconEntry | undefined {
  const path = `entries[${index}]`;
  const offset = startOf(node as Node | null, fallback);
  if (isAlias(node)) {
    report(ctx, offset, path, "unsupported_yaml", "YAML aliases are not supported in lexicon packs");
    return undefined;
  }
  if (!isMap(node)) {
    report(ctx, offset, path, "wrong_type", `an entry must be a mapping, got ${describe(node)}`);
    return undefined;
  }
  const fm = readFields(ctx, node, path, ENTRY_KEY_SET, ENTRY_KEYS);
  requireFields(ctx, fm, ENTRY_REQUIRED, path, offset, "entry");
  const f = fm.fields;
  const line = Math.max(1, ctx.lines.linePos(offset).line);
  const before = ctx.problems.length;

  let id: string | undefined;
  const idField = f.get("id");
  if (idField !== undefined) {
    id = checkString(ctx, idField.value, idField.offset, `${path}.id`, "id");
    if (id !== undefined) {
      if (!KEBAB_ID.test(id)) {
        report(ctx, idField.offset, `${path}.id`, "invalid_value", `id "${id}" must be kebab-case ([a-z0-9] words joined by "-")`);
      } else {
        const first = cross.ids.get(id);
        if (first !== undefined) {
          report(ctx, idField.offset, `${path}.id`, "duplicate_id", `duplicate id "${id}" (first used on line ${first.line})`);
        } else {
          cross.ids.set(id, { line });
        }
      }
    }
  }

  let canonical: string | undefined;
  const canField = f.get("canonical");
  if (canField !== undefined) {
    canonical = checkString(ctx, canField.value, canField.offset, `${path}.canonical`, "canonical");
    if (canonical !== undefined && canonical.normalize("NFC") !== canonical) {
      report(
        ctx,
        canField.offset,
        `${path}.canonical`,
        "not_nfc",
        `canonical "${canonical}" is not in Unicode NFC (use precomposed letters, e.g. "ā" U+0101, not "a" + U+0304)`,
      );
    }
  }

  let kind: LexiconKind | undefined;
  const kindField = f.get("kind");
  if (kindField !== undefined) {
    const k = checkString(ctx, kindField.value, kindField.offset, `${path}.kind`, "kind");
    if (k !== undefined) {
      if (KIND_SET.has(k)) kind = k as LexiconKind;
      else report(ctx, kindField.offset, `${path}.kind`, "invalid_kind", `kind "${k}" must be one of ${LEXICON_KINDS.join(", ")}`);
    }
  }

  let category: string | undefined;
  const catField = f.get("category");
  if (catField !== undefined) {
    category = checkString(ctx, catField.value, catField.offset, `${path}.category`, "category");
    if (category !== undefined && !CATEGORY.test(category)) {
      report(ctx, catField.offset, `${path}.category`, "invalid_value", `category "${category}" must be a lower-case word (letters, digits, "-" or "_")`);
    }
  }

  let pronunciation: string | undefined;
  const pronField = f.get("pronunciation");
  if (pronField !== undefined) {
    pronunciation = checkString(ctx, pronField.value, pronField.offset, `${path}.pronunciation`, "pronunciation");
  }

  let isProtected = false;
  const protField = f.get("protected");
  if (protField !== undefined) {
    const v = protField.value;
    if (isScalar(v) && typeof v.value === "boolean") isProtected = v.value;
    else report(ctx, protField.offset, `${path}.protected`, "wrong_type", `protected must be true or false, got ${describe(v)}`);
  }

  const owner: VariantOwner | undefined =
    id !== undefined && canonical !== undefined ? { entryIndex: index, id, canonical, line } : undefined;
  const canonicalFold = canonical === undefined ? undefined : foldLexiconText(canonical);
  if (owner !== undefined && canonicalFold !== undefined) {
    const dup = cross.canonicals.get(canonical!);
    if (dup !== undefined) {
      report(
        ctx,
        canField!.offset,
        `${path}.canonical`,
        "duplicate_canonical",
        `canonical "${canonical}" is also the canonical of entry "${dup.id}" (line ${dup.line})`,
        "warning",
      );
    } else {
      cross.canonicals.set(canonical!, owner);
    }
    if (!cross.folds.has(canonicalFold)) cross.folds.set(canonicalFold, owner);
  }

  const variants: string[] = [];
  const varField = f.get("variants");
  if (varField !== undefined) {
    const v = varField.value;
    if (isAlias(v)) {
      report(ctx, varField.offset, `${path}.variants`, "unsupported_yaml", "YAML aliases are not supported in lexicon packs");
    } else if (v === null || (isScalar(v) && v.value === null)) {
      // `variants:` with nothing after it: treat as an empty list.
    } else if (!isSeq(v)) {
      report(ctx, varField.offset, `${path}.variants`, "wrong_type", `variants must be a list of strings, got ${describe(v)}`);
    } else {
      const seen = new Set<string>();
      v.items.forEach((item, j) => {
        const vPath = `${path}.variants[${j}]`;
        const vOffset = startOf(item as Node | null, varField.offset);
        const variant = checkString(ctx, item, vOffset, vPath, "variant");
        if (variant === undefined) return;
        if (variant.normalize("NFC") !== variant) {
          report(ctx, vOffset, vPath, "not_nfc", `variant "${variant}" is not in Unicode NFC`);
        }
        const key = lexiconVariantKey(variant);
        if (seen.has(key)) {
          report(ctx, vOffset, vPath, "repeated_variant", `variant "${variant}" is listed twice in this entry`, "warning");
          return;
        }
        seen.add(key);
        if (canonicalFold !== undefined && foldLexiconText(variant) === canonicalFold) {
          report(
            ctx,
            vOffset,
            vPath,
            "variant_equals_canonical",
            `variant "${variant}" equals the canonical "${canonical}" after folding; it is implied and can be removed`,
            "warning",
          );
        }
        variants.push(variant);
        if (owner === undefined) return;
        const other = cross.variants.get(key);
        if (other !== undefined && other.entryIndex !== index) {
          report(
            ctx,
            vOffset,
            vPath,
            "duplicate_variant",
            `variant "${variant}" already maps to "${other.canonical}" (entry "${other.id}", line ${other.line}); ` +
              `it cannot also map to "${owner.canonical}"`,
          );
          return;
        }
        cross.variants.set(key, owner);
        cross.pendingShadow.push({ key: foldLexiconText(variant), variant, path: vPath, offset: vOffset, owner });
      });
    }
  }

  const hadError = ctx.problems.slice(before).some((p) => p.severity === "error");
  if (hadError || id === undefined || canonical === undefined || kind === undefined || category === undefined) {
    return undefined;
  }
  const entry: LexiconEntry = {
    id,
    canonical,
    kind,
    variants,
    category,
    protected: isProtected,
    line,
    ...(pronunciation !== undefined ? { pronunciation } : {}),
  };
  return entry;
}

/**
 * Parses and validates one lexicon pack. `sourceName` is only used in problems
 * (usually the file name). The pack is returned only when there are no errors;
 * warnings never block it.
 */
export function parseLexiconPack(yamlText: string, sourceName: string): LexiconParseResult {
  const lines = new LineCounter();
  const ctx: Ctx = { source: sourceName, lines, problems: [] };
  const doc = parseDocument(yamlText, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });

  for (const err of doc.errors) report(ctx, err.pos[0], "", "yaml_syntax", err.message);
  for (const warn of doc.warnings) report(ctx, warn.pos[0], "", "yaml_syntax", warn.message, "warning");
  if (doc.errors.length > 0) return { problems: ctx.problems };

  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) {
    report(ctx, 0, "", "missing_field", "the file is empty; a lexicon pack is a mapping with id, name, …, entries");
    return { problems: ctx.problems };
  }
  if (!isMap(root)) {
    report(ctx, startOf(root, 0), "", "wrong_type", `a lexicon pack must be a mapping, got ${describe(root)}`);
    return { problems: ctx.problems };
  }

  const fm = readFields(ctx, root, "", PACK_KEY_SET, PACK_KEYS);
  const rootOffset = startOf(root, 0);
  requireFields(ctx, fm, PACK_REQUIRED, "", rootOffset, "the pack");
  const f = fm.fields;

  const str = (name: string): string | undefined => {
    const field = f.get(name);
    return field === undefined ? undefined : checkString(ctx, field.value, field.offset, name, name);
  };
  const id = str("id");
  if (id !== undefined && !KEBAB_ID.test(id)) {
    report(ctx, f.get("id")!.offset, "id", "invalid_value", `pack id "${id}" must be kebab-case`);
  }
  const name = str("name");
  const language = str("language");
  if (language !== undefined && !LANGUAGE_TAG.test(language)) {
    report(ctx, f.get("language")!.offset, "language", "invalid_value", `language "${language}" must be a BCP 47 tag such as "en" or "sa-Latn"`);
  }
  const version = str("version");
  const description = str("description");
  const license = str("license");

  const source: string[] = [];
  const srcField = f.get("source");
  if (srcField !== undefined) {
    const v = srcField.value;
    if (isSeq(v)) {
      v.items.forEach((item, j) => {
        const s = checkString(ctx, item, startOf(item as Node | null, srcField.offset), `source[${j}]`, "source note");
        if (s !== undefined) source.push(s);
      });
    } else {
      const s = checkString(ctx, v, srcField.offset, "source", "source");
      if (s !== undefined) source.push(s);
    }
  }

  const entries: LexiconEntry[] = [];
  const entField = f.get("entries");
  if (entField !== undefined) {
    const v = entField.value;
    if (!isSeq(v)) {
      report(ctx, entField.offset, "entries", "wrong_type", `entries must be a list of entries, got ${describe(v)}`);
    } else {
      const cross: CrossIndex = {
        ids: new Map(),
        variants: new Map(),
        canonicals: new Map(),
        folds: new Map(),
        pendingShadow: [],
      };
      v.items.forEach((item, i) => {
        const entry = parseEntry(ctx, item, i, cross, entField.offset);
        if (entry !== undefined) entries.push(entry);
      });
      for (const p of cross.pendingShadow) {
        const target = cross.folds.get(p.key);
        if (target !== undefined && target.entryIndex !== p.owner.entryIndex) {
          report(
            ctx,
            p.offset,
            p.path,
            "variant_shadows_canonical",
            `variant "${p.variant}" (→ "${p.owner.canonical}") is also the plain spelling of "${target.canonical}" (entry "${target.id}", line ${target.line})`,
            "warning",
          );
        }
      }
      if (v.items.length === 0) {
        report(ctx, entField.offset, "entries", "no_entries", "the pack has no entries", "warning");
      }
    }
  }

  // Cross-entry warnings are collected after the pass; present everything in file order.
  ctx.problems.sort((a, b) => a.line - b.line || a.column - b.column);
  if (hasLexiconErrors(ctx.problems)) return { problems: ctx.problems };
  const pack: LexiconPack = {
    id: id!,
    name: name!,
    language: language!,
    version: version!,
    description: description ?? "",
    license: license!,
    source,
    entries,
    sourceName,
  };
  return { pack, problems: ctx.problems };
}
