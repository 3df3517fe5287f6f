// What the punctuation stage gets from the process's resources.
import { buildCues, type PunctuationCues, type PunctuationCueSources } from "./cues.js";
import { parsePunctuationModel, type PunctuationModel } from "./model.js";

export interface PunctuationResources {
  model?: PunctuationModel;
  cues: PunctuationCues;
}

export interface PunctuationSources extends PunctuationCueSources {
  /** The model file's text (JSON); absent: no model. */
  model?: string;
}

/** Parses the model and word lists (each list: lowercase phrases, already read line by line). Throws on a bad model. */
export function buildPunctuationResources(sources: PunctuationSources): PunctuationResources {
  return {
    ...(sources.model !== undefined ? { model: parsePunctuationModel(sources.model) } : {}),
    cues: buildCues(sources),
  };
}
