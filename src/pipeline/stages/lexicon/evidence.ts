// Domain evidence. Some spellings a pack lists are also how English writes a
// name: "Shiva", "Ganga", "Parvati", "Pandava", "shree" appear in English
// books and encyclopaedia text that are not about Yoga or Vedānta at all, and
// turning them into IAST there is harm. Such a match (a listed spelling of a
// name entry, one word: a multi-word title such as "bhagwat geeta" says what
// it is about) is applied only when the stream has shown that it is in the
// pack's domain: another match in the same segment, or one in a recent final
// segment (kept in the stage's stream state), that is not itself such a
// name. A lecture on Yoga says "prāṇāyāma", "the Yoga Sūtras" or "the guṇas"
// soon enough, and from then on its names are written in IAST; until then
// they are suggested. A profile that knows its streams are in the domain sets
// domain_evidence: assumed.
import type { IndexedEntry, LexiconIndex } from "../../lexicon/lexicon-index.js";
import type { Candidate, MatchKind } from "../../lexicon/matcher.js";

export const DOMAIN_EVIDENCE_POLICIES = ["required", "assumed"] as const;
export type DomainEvidencePolicy = (typeof DOMAIN_EVIDENCE_POLICIES)[number];

/** Categories whose plain spellings English uses as names, besides proper nouns ("shree" for Śrī is a deity title). */
const NAME_CATEGORIES = new Set(["deity"]);

/** Whether a match is a one-word listed spelling of a name: English usage too, so not evidence of the domain by itself. */
export function isEnglishNameSpelling(e: IndexedEntry, kind: MatchKind, words: number): boolean {
  return kind === "exact" && words === 1 && (e.entry.kind === "proper_noun" || NAME_CATEGORIES.has(e.entry.category));
}

/** What these rules need of a match: its best candidate and why it is held back ("" when it is not). */
interface HeldMatch {
  cand: Candidate;
  words: number;
  hold: string;
}

/** Whether a match that will be applied shows the stream is in the packs' domain. */
export function showsDomain(o: { applyThreshold: number }, index: LexiconIndex, m: HeldMatch): boolean {
  return m.hold === "" && m.cand.score >= o.applyThreshold && !isEnglishNameSpelling(index.entries[m.cand.index]!, m.cand.kind, m.words);
}

/** The match, held back to a suggestion when it is a name's listed spelling and the stream shows no domain evidence. */
export function holdWithoutEvidence<M extends HeldMatch>(o: { domainEvidence: DomainEvidencePolicy }, index: LexiconIndex, m: M, evidence: boolean): M {
  if (evidence || o.domainEvidence === "assumed" || m.hold !== "") return m;
  const e = index.entries[m.cand.index]!;
  if (!isEnglishNameSpelling(e, m.cand.kind, m.words)) return m;
  return { ...m, hold: `"${e.entry.canonical}" is also English usage and the stream shows no other ${e.packId} term yet` };
}
