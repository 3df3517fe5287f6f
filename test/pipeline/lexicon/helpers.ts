// Builders shared by the lexicon tests.
import { parseLexiconPack, type LexiconPack } from "../../../src/pipeline/lexicon/index.js";

/** A validated pack from entry lines (YAML flow mappings under `entries:`). */
export function packOf(id: string, entries: string[]): LexiconPack {
  const yaml = [`id: ${id}`, "name: Test", "language: en", 'version: "1"', "license: CC0-1.0", "entries:", ...entries].join("\n") + "\n";
  const { pack, problems } = parseLexiconPack(yaml, `${id}.yaml`);
  if (pack === undefined) throw new Error(problems.map((p) => p.message).join("\n"));
  return pack;
}
