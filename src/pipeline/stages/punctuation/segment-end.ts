// What happens at a segment's last word. An ASR final segment usually ends at
// an endpointed pause, so the default closes the sentence there; a profile
// that feeds segments cut mid-sentence (fixed-length chunks) says "open" and
// lets the next segment continue it. Interim segments stay open by default:
// the speaker is still talking and a final will replace them. Either way a
// sentence never ends on a word that cannot end one ("… and the").
import type { PunctuationCues } from "./cues.js";
import { NONE, PERIOD } from "./features.js";
import type { SegmentEndPolicy } from "./options.js";

/** Endpointing is reliable but not certain; high enough to survive the drift guard's keep_confidence. */
export const SEGMENT_END_CONFIDENCE = 0.9;

export function segmentEndLabel(policy: SegmentEndPolicy, lastKey: string, cues: PunctuationCues): number {
  if (policy === "open" || cues.openWords.has(lastKey)) return NONE;
  return PERIOD;
}
