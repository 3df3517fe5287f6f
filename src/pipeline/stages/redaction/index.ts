// redaction: PII (email, phone, credit card, SSN-like ids, IPs, URLs), each
// with its policy (mask | tag | hash | keep), and profanity from an editable
// list (mask | tag | remove). Runs after ITN and casing, so numbers are
// already digits. Interim segments run through it like finals. A number split
// across two final segments is caught through a small digit tail kept in the
// stage's per-stream state (see cross.ts).
//
// The edit log: an edit's `before` would necessarily hold the original PII.
// Unless `record_original: true`, `before` holds a placeholder
// ("[redacted 16 chars]") so PII never leaks through the edit log. Profanity
// edits keep the word in `before` (it is not personal data).
import type { PipelineResources } from "../../resources.js";
import type { ResolvedStageSettings, Stage, StageEnv } from "../../stage.js";
import { mergeTokens, withText, type Token } from "../../tokens.js";
import { endsSentence } from "../../text.js";
import type { EditRecord } from "../../types.js";
import { coreOf } from "../itn/span.js";
import { crossSegmentMatch, nextState, readState, type CrossMatch } from "./cross.js";
import { parseRedactionOptions, type PiiClass, type PiiPolicy, type RedactionOptions } from "./options.js";
import { classifyDigits, findInToken, readDigitToken, shortHash, type DigitToken } from "./pii.js";

export { parseWordList, PII_CLASSES, type RedactionOptions } from "./options.js";

const CONFIDENCE: Readonly<Record<PiiClass | "profanity", number>> = {
  email: 0.95,
  url: 0.9,
  ip: 0.9,
  credit_card: 0.97,
  ssn: 0.9,
  phone: 0.9,
  profanity: 0.95,
};
const DIGIT_CLASSES: readonly PiiClass[] = ["credit_card", "ssn", "phone"];
/** Longest digit run tried as one number, in tokens ("+1 555 123 45 67" style is 6). */
export const MAX_RUN_TOKENS = 8;
const ALNUM = /[\p{L}\p{N}]/gu;

function tagOf(cls: PiiClass): string {
  return `[${cls.toUpperCase()}]`;
}

/** The text a PII value becomes under its policy (never called with keep). */
function replacement(cls: PiiClass, policy: PiiPolicy, value: string, hashKey: string): string {
  if (policy === "mask") return value.replace(ALNUM, "*");
  if (policy === "hash") return `[${cls.toUpperCase()}:${shortHash(hashKey)}]`;
  return tagOf(cls);
}

function hashKeyOf(cls: PiiClass, value: string): string {
  return DIGIT_CLASSES.includes(cls) ? value.replace(/\D/g, "") : value.toLowerCase();
}

function beforeText(o: RedactionOptions, original: string): string {
  return o.recordOriginal ? original : `[redacted ${original.length} chars]`;
}

/** Tokens that are adjacent in the source too (no word removed between them), so a merge keeps exact timings. */
function contiguous(parts: readonly Token[]): boolean {
  for (let i = 1; i < parts.length; i++) if (parts[i]!.source.start !== parts[i - 1]!.source.end) return false;
  return true;
}

class Redactor {
  readonly out: Token[] = [];
  changed = false;
  constructor(
    private readonly o: RedactionOptions,
    private readonly env: StageEnv,
  ) {}

  keep(...tokens: Token[]): void {
    this.out.push(...tokens);
  }

  /** One edit replacing `parts` (adjacent in the source) by `after` ("" drops them). */
  private replace(parts: readonly Token[], after: string, rule: string, confidence: number, before: string): void {
    const source = { start: parts[0]!.source.start, end: parts[parts.length - 1]!.source.end };
    if (!this.env.propose({ rule, before, after, source, confidence })) return this.keep(...parts);
    this.changed = true;
    if (after === "") return;
    this.out.push(parts.length === 1 ? withText(parts[0]!, after) : mergeTokens(parts, after));
  }

  /** A digit run tokens[..] read as `cls`; the last token's sentence punctuation stays. */
  digits(parts: readonly Token[], dts: readonly DigitToken[], cls: PiiClass, confidence: number, hashKey?: string): void {
    const policy = this.o.pii.get(cls)!;
    if (policy === "keep") return this.keep(...parts);
    const trail = dts[dts.length - 1]!.trail;
    const values = parts.map((p, k) => (k === parts.length - 1 ? p.text.slice(0, p.text.length - trail.length) : p.text));
    const value = values.join(" ");
    const key = hashKey ?? value.replace(/\D/g, "");
    const before = (texts: readonly string[]) => beforeText(this.o, texts.join(" "));
    if (contiguous(parts)) {
      return this.replace(parts, replacement(cls, policy, value, key) + trail, cls, confidence, before(parts.map((p) => p.text)));
    }
    // A word was removed between the parts: each part is edited on its own so
    // spans stay exact. Masking masks each; a tag or hash goes on the first.
    parts.forEach((p, k) => {
      const last = k === parts.length - 1;
      const after = policy === "mask" ? values[k]!.replace(ALNUM, "*") : k === 0 ? replacement(cls, policy, value, key) : "";
      this.replace([p], after + (last ? trail : ""), cls, confidence, before([p.text]));
    });
  }

  /** Emails, URLs and IPs inside one token. */
  inToken(token: Token): boolean {
    const matches = findInToken(token.text, new Set(this.o.pii.keys()));
    const active = matches.filter((m) => this.o.pii.get(m.cls) !== "keep");
    if (active.length === 0) return false;
    let after = "";
    let at = 0;
    for (const m of active) {
      const value = token.text.slice(m.start, m.end);
      after += token.text.slice(at, m.start) + replacement(m.cls, this.o.pii.get(m.cls)!, value, hashKeyOf(m.cls, value));
      at = m.end;
    }
    after += token.text.slice(at);
    const rule = [...new Set(active.map((m) => m.cls))].join("+");
    const confidence = Math.min(...active.map((m) => CONFIDENCE[m.cls]));
    this.replace([token], after, rule, confidence, beforeText(this.o, token.text));
    return true;
  }

  profanity(token: Token): boolean {
    if (this.o.profanity.size === 0) return false;
    const { lead, core, trail } = coreOf(token.text);
    if (!this.o.profanity.has(core.toLowerCase())) return false;
    const style = this.o.profanityStyle;
    const word = style === "mask" ? core[0]! + "*".repeat(core.length - 1) : style === "tag" ? "[profanity]" : "";
    const after = word === "" && lead === "" && trail === "" ? "" : lead + word + trail;
    this.replace([token], after, "profanity", CONFIDENCE.profanity, token.text);
    return true;
  }
}

/** The longest digit run starting at token i that reads as a number class, or null. */
function digitRunAt(dts: ReadonlyArray<DigitToken | null>, i: number, o: RedactionOptions): { end: number; cls: PiiClass } | null {
  let limit = i + 1;
  while (limit < dts.length && limit - i < MAX_RUN_TOKENS && dts[limit] !== null && !dts[limit]!.plus && dts[limit - 1]!.trail === "") limit++;
  const enabled = new Set(o.pii.keys());
  for (let end = limit; end > i; end--) {
    const cls = classifyDigits(dts.slice(i, end) as DigitToken[], enabled);
    if (cls !== null) return { end, cls };
  }
  return null;
}

function run(input: Token[], o: RedactionOptions, env: StageEnv): Token[] {
  if (input.length === 0 || (o.pii.size === 0 && o.profanity.size === 0)) return input;
  // Profanity first: a removed word must not join the numbers around it on a
  // later run only (idempotence), so numbers are read after removal.
  let tokens = input;
  if (o.profanity.size > 0) {
    const p = new Redactor(o, env);
    for (const token of tokens) if (!p.profanity(token)) p.keep(token);
    if (p.changed) tokens = p.out;
  }
  if (o.pii.size === 0) return tokens;
  const wantDigits = DIGIT_CLASSES.some((c) => o.pii.has(c));
  const dts = tokens.map((t) => (wantDigits ? readDigitToken(t.text) : null));
  const state = readState(env.state);
  const r = new Redactor(o, env);
  /** Token indexes that ended up inside a number match (they leave no tail). */
  let matchedUpTo = 0;
  let i = 0;
  const cross: CrossMatch | null = wantDigits ? crossSegmentMatch(state, dts, (parts) => classifyDigits(parts, new Set(o.pii.keys())), MAX_RUN_TOKENS) : null;
  if (cross !== null) {
    const parts = tokens.slice(0, cross.end);
    // The previous segment was already sent: only this segment's part can be masked.
    r.digits(parts, dts.slice(0, cross.end) as DigitToken[], cross.cls, CONFIDENCE[cross.cls] - 0.05, cross.digits);
    if (o.pii.get(cross.cls) !== "keep") {
      env.flag(
        "pii_split_across_segments",
        `${cross.cls} spoken across segments: only this segment's part (${cross.end} word(s)) was redacted; the previous segment's part was already sent unredacted`,
        true,
      );
    }
    i = matchedUpTo = cross.end;
  }
  while (i < tokens.length) {
    const token = tokens[i]!;
    const run = dts[i] !== null ? digitRunAt(dts, i, o) : null;
    if (run !== null) {
      r.digits(tokens.slice(i, run.end), dts.slice(i, run.end) as DigitToken[], run.cls, CONFIDENCE[run.cls]);
      i = matchedUpTo = run.end;
      continue;
    }
    if (!r.inToken(token)) r.keep(token);
    i++;
  }
  if (env.isFinal && wantDigits) env.state = nextState(state, withSaidEnd(tokens, dts, env), matchedUpTo, cross !== null);
  return r.changed ? r.out : tokens;
}

/**
 * The digit tokens as the speaker ended the segment: a full stop the
 * punctuation stage put after the segment's last number (a final segment
 * closes its sentence by default) is not the speaker's, and must not stop the
 * number from going on in the next segment ("my card is 4111." | "1111 …").
 */
function withSaidEnd(tokens: readonly Token[], dts: ReadonlyArray<DigitToken | null>, env: StageEnv): ReadonlyArray<DigitToken | null> {
  const last = dts[dts.length - 1];
  if (last === null || last === undefined || last.trail === "") return dts;
  const source = env.sources[tokens[tokens.length - 1]!.source.end - 1];
  if (source === undefined || endsSentence(source.text)) return dts;
  return [...dts.slice(0, -1), { ...last, trail: "" }];
}

export const redactionStage: Stage<RedactionOptions> = {
  name: "redaction",
  enabledByDefault: false,
  parseOptions: (settings: ResolvedStageSettings, resources: PipelineResources) => parseRedactionOptions(settings, resources),
  run,
};

const PLACEHOLDER = /^\[redacted \d+ chars\]$/;

/**
 * Earlier stages' edits hold the value too (ITN's "four one one one …" ->
 * "4111 1111 1111 1111"). When a redaction edit wrote a placeholder (not
 * record_original), every earlier edit overlapping its span gets placeholders
 * for `before` and `after`, so the edit log carries no copy of what was hidden.
 */
export function scrubRedactedEdits(edits: EditRecord[]): void {
  for (let k = 0; k < edits.length; k++) {
    const r = edits[k]!;
    if (r.stage !== "redaction" || !r.applied || !PLACEHOLDER.test(r.before)) continue;
    for (let j = 0; j < k; j++) {
      const e = edits[j]!;
      if (e.stage === "redaction" || e.source.start >= r.source.end || r.source.start >= e.source.end) continue;
      e.before = `[redacted ${e.before.length} chars]`;
      e.after = `[redacted ${e.after.length} chars]`;
    }
  }
}
