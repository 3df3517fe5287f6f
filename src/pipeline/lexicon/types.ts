// Lexicon pack data model. A pack is a YAML file in config/lexicons/ (format in
// config/lexicons/README.md); parseLexiconPack (pack.ts) validates it into these
// types. Everything here is plain data so packs can be shipped to worker threads.

/** Entry kinds. "phrase" is a fixed multi-word expression (a mantra, a mahāvākya). */
export const LEXICON_KINDS = ["term", "proper_noun", "phrase"] as const;
export type LexiconKind = (typeof LEXICON_KINDS)[number];

export interface LexiconEntry {
  /** Stable kebab-case id, unique within the pack ("bhagavad-gita"). */
  readonly id: string;
  /** The form written into the transcript, NFC ("Bhagavad Gītā"). */
  readonly canonical: string;
  readonly kind: LexiconKind;
  /**
   * Spellings that should become `canonical` ("bhagavad geeta", "bhagwad gita").
   * Matched case-insensitively; the canonical's own diacritic-free fold is implied
   * and need not be listed.
   */
  readonly variants: readonly string[];
  /** Free-form lower-case category ("text", "deity", "posture", …). */
  readonly category: string;
  /** Optional pronunciation hint for phonetic matching or reviewers. */
  readonly pronunciation?: string;
  /**
   * True when the entry must never be auto-applied unless a profile opts in:
   * the canonical (or its everyday spelling) is an ordinary English word
   * ("karma", "yoga", "guru", "avatar").
   */
  readonly protected: boolean;
  /** 1-based line of the entry in its source file, for diagnostics. */
  readonly line: number;
}

export interface LexiconPack {
  /** Kebab-case pack id ("yoga-vedanta"). */
  readonly id: string;
  readonly name: string;
  /** BCP 47 tag of the transcripts the pack is meant for ("en"). */
  readonly language: string;
  readonly version: string;
  readonly description: string;
  /** SPDX expression or short licence statement. */
  readonly license: string;
  /** Provenance notes (the YAML may give a string or a list of strings). */
  readonly source: readonly string[];
  readonly entries: readonly LexiconEntry[];
  /** The sourceName the pack was parsed from (usually a file name). */
  readonly sourceName: string;
}

export type LexiconProblemSeverity = "error" | "warning";

export type LexiconProblemCode =
  /** YAML syntax error reported by the parser (or a YAML warning). */
  | "yaml_syntax"
  /** Anchors/aliases, complex keys, tags we do not accept. */
  | "unsupported_yaml"
  /** A value of the wrong type (a list where a string is expected, …). */
  | "wrong_type"
  | "missing_field"
  | "unknown_key"
  | "empty_string"
  /** Leading, trailing or repeated whitespace in a string. */
  | "whitespace"
  /** A malformed id, category or language tag. */
  | "invalid_value"
  | "invalid_kind"
  | "duplicate_id"
  /** The same variant (case-insensitively) in two entries: it would map to two canonicals. */
  | "duplicate_variant"
  /** The same variant listed twice in one entry (warning). */
  | "repeated_variant"
  /** A variant equal to the canonical after folding diacritics and case (warning: redundant). */
  | "variant_equals_canonical"
  /** A variant that equals another entry's folded canonical (warning: ambiguous). */
  | "variant_shadows_canonical"
  /** Two entries with the same canonical form (warning). */
  | "duplicate_canonical"
  | "not_nfc"
  /** The pack has no entries (warning). */
  | "no_entries";

export interface LexiconProblem {
  /** The sourceName passed to the parser. */
  readonly source: string;
  /** 1-based line. */
  readonly line: number;
  /** 1-based column. */
  readonly column: number;
  /** Path in the document, e.g. "entries[12].variants[3]"; "" for the document itself. */
  readonly path: string;
  readonly message: string;
  readonly severity: LexiconProblemSeverity;
  readonly code: LexiconProblemCode;
}

export interface LexiconParseResult {
  /** Present only when there is no error (warnings allowed). */
  readonly pack?: LexiconPack;
  /** In document order for structural problems; cross-entry problems at the later entry. */
  readonly problems: LexiconProblem[];
}
