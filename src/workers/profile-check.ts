// Profiles are checked by compiling them where they will run — on a worker
// thread, with the workers' resources (lexicon packs, models) — before they
// go live, at start and at every reload. A profile naming a pack that does
// not exist, or a param out of range, then stops the start or the reload
// instead of failing every stream that picks the profile later.
import type { ProfileInput } from "../pipeline/types.js";
import type { ProfileProblem } from "./codec.js";

export type { ProfileProblem };

/** Compiles every profile once; the problems, in profile order (none when all compile). */
export function checkProfiles(compile: (profile: ProfileInput) => unknown, profiles: Record<string, ProfileInput>): ProfileProblem[] {
  const problems: ProfileProblem[] = [];
  for (const [name, profile] of Object.entries(profiles)) {
    try {
      compile(profile);
    } catch (error) {
      problems.push({ profile: name, message: error instanceof Error ? error.message : String(error) });
    }
  }
  return problems;
}

export class InvalidProfilesError extends Error {
  override readonly name = "InvalidProfilesError";
  constructor(readonly problems: readonly ProfileProblem[]) {
    super(`invalid profiles: ${problems.map((p) => `${p.profile}: ${p.message}`).join("; ")}`);
  }
}
