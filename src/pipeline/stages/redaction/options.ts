// Redaction options: which classes run, each PII class's policy, the
// profanity style and word list. Parsed once at compile time.
import type { PipelineResources } from "../../resources.js";
import { OptionReader, type BaseStageOptions, type ResolvedStageSettings } from "../../stage.js";

export const PII_CLASSES = ["email", "phone", "credit_card", "ssn", "ip", "url"] as const;
export type PiiClass = (typeof PII_CLASSES)[number];
export const PII_POLICIES = ["mask", "tag", "hash", "keep"] as const;
export type PiiPolicy = (typeof PII_POLICIES)[number];
export const PROFANITY_STYLES = ["mask", "tag", "remove"] as const;
export type ProfanityStyle = (typeof PROFANITY_STYLES)[number];

/** Default policy per class: URLs are usually meant to be read, the rest is tagged. */
const DEFAULT_POLICY: Readonly<Record<PiiClass, PiiPolicy>> = {
  email: "tag",
  phone: "tag",
  credit_card: "tag",
  ssn: "tag",
  ip: "tag",
  url: "keep",
};

export interface RedactionOptions extends BaseStageOptions {
  /** Enabled PII classes with their policy (a class switched off is absent). */
  pii: ReadonlyMap<PiiClass, PiiPolicy>;
  /** Lower-case profane words (list + profanity_words − profanity_allow); empty when the class is off. */
  profanity: ReadonlySet<string>;
  profanityStyle: ProfanityStyle;
  /** Write the original text into an edit's `before` (default false: a placeholder, so PII stays out of the edit log). */
  recordOriginal: boolean;
}

/** Parses a word list file: one word a line, `#` comments, blank lines ignored, lower-cased. */
export function parseWordList(text: string): string[] {
  const words: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const word = line.replace(/#.*$/, "").trim().toLowerCase();
    if (word !== "") words.push(word);
  }
  return words;
}

export function parseRedactionOptions(settings: ResolvedStageSettings, resources: PipelineResources): RedactionOptions {
  const r = new OptionReader("redaction", settings);
  const pii = new Map<PiiClass, PiiPolicy>();
  for (const name of PII_CLASSES) {
    const on = r.classEnabled(name);
    const policy = r.choice(`${name}_policy`, DEFAULT_POLICY[name], PII_POLICIES);
    if (on) pii.set(name, policy);
  }
  // Profanity masking is a profile decision: off unless the class is switched on.
  const profanityOn = r.classEnabled("profanity", false);
  const profanityStyle = r.choice("profanity_style", "mask", PROFANITY_STYLES);
  const extra = r.stringList("profanity_words", []) ?? [];
  const allow = new Set((r.stringList("profanity_allow", []) ?? []).map((w) => w.toLowerCase()));
  const recordOriginal = r.boolean("record_original", false);
  const applyThreshold = r.applyThreshold();
  r.finish();
  const profanity = new Set<string>();
  if (profanityOn) {
    for (const w of [...(resources.profanity ?? []), ...extra.map((w) => w.toLowerCase())]) if (!allow.has(w)) profanity.add(w);
  }
  return { applyThreshold, pii, profanity, profanityStyle, recordOriginal };
}
