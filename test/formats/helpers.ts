// Shared expectations for the caption format tests.
import type { CaptionProblem, ProblemKind } from "../../src/formats/index.js";

/** [line, cue, kind, severity] of each problem, for compact exact assertions. */
export function where(problems: readonly CaptionProblem[]): Array<[number | undefined, number | undefined, ProblemKind, string]> {
  return problems.map((p) => [p.line, p.cue, p.kind, p.severity]);
}

export function ofKind(problems: readonly CaptionProblem[], kind: ProblemKind): CaptionProblem[] {
  return problems.filter((p) => p.kind === kind);
}

/** Builds a file from lines joined with "\n" and a final newline. */
export const file = (...lines: string[]) => `${lines.join("\n")}\n`;
