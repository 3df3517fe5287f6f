// Lexicon packs: data model and the pure YAML validator. Loading files from
// config/lexicons/ and matching live elsewhere (resources loader, lexicon stage).

export { LEXICON_KINDS } from "./types.js";
export type {
  LexiconEntry,
  LexiconKind,
  LexiconPack,
  LexiconParseResult,
  LexiconProblem,
  LexiconProblemCode,
  LexiconProblemSeverity,
} from "./types.js";
export { foldLexiconText, formatLexiconProblem, hasLexiconErrors, lexiconVariantKey, parseLexiconPack } from "./pack.js";
