// `npm run eval -- <suite> [files…]`: quality of one stage on external test
// sets. Suites: itn (spoken<TAB>written files), disfluency (Rev16, Disfl-QA, no-harm on book text),
// format (whole profiles on raw ASR: JSON lines of {asr, reference}),
// lexicon (heard<TAB>canonical files → recall/precision, plus a no-harm count on English text),
// verses (generated recitations → top-1 per condition, false positives on English).
// Prints a report (or one JSON summary with --json) and merges the summary
// into bench/results/quality.json.
import { existsSync } from "node:fs";
import path from "node:path";

import { Command } from "commander";

import { loadConfig } from "../../src/config/load.js";

import { defaultDisfluencyFiles, runDisfluencySuite } from "./disfluency-suite.js";
import { formatRedactionReport, runRedactionSuite, type RedactionSummary } from "./redaction-suite.js";
import { defaultFormatFiles, runFormatSuite } from "./format-suite.js";
import { runItnSuite } from "./itn-suite.js";
import { beyondNoHarmSources, defaultNoHarmFiles, formatLexiconReport, generatedVariantSet, runLexiconSuite, variantFiles, type LexiconSummary } from "./lexicon-suite.js";
import { defaultEnglishSources, formatVersesReport, runVersesSuite, type VersesSummary } from "./verses-suite.js";
import { loadResources, REPO_ROOT } from "./pipelines.js";
import { formatReport, withoutFailures, writeQuality, type SuiteSummary } from "./report.js";
import { tsvFilesIn } from "./tsv.js";

interface EvalOptions {
  data: string;
  json?: boolean;
  failures?: boolean | string;
  write: boolean;
  profile?: string;
  config?: string;
  seed?: string;
}

const DEFAULT_FAILURES_SHOWN = 50;

async function main(argv: string[]): Promise<void> {
  const program = new Command()
    .name("eval")
    .description("Scores a pipeline stage on test sets; results merge into bench/results/quality.json")
    .argument("<suite>", "itn | disfluency | format | lexicon | redaction | verses")
    .argument("[files...]", "test files (default: the suite's dev sets under --data)")
    .option("--data <dir>", "data directory", path.resolve(REPO_ROOT, "../shared/data"))
    .option("--json", "print one machine-readable summary to stdout")
    .option("--failures [n]", `list misses (first n, default ${DEFAULT_FAILURES_SHOWN})`)
    .option("--profile <name>", "format: one profile for every file (default: verbatim for Earnings-21, clean otherwise)")
    .option("--config <file>", "format: YAML merged over config/default.yaml for the profiles (environment overrides are ignored)")
    .option("--seed <n>", "lexicon: generate the misspellings with this seed instead of the dev set's (pair with --no-write)")
    .option("--no-write", "do not update bench/results/quality.json")
    .parse(argv);
  const [suite, given] = program.processedArgs as [string, string[]];
  const opts = program.opts<EvalOptions>();
  const files = given.map((f) => path.resolve(f));

  let summary: SuiteSummary;
  if (suite === "itn") {
    const googleTn = path.join(opts.data, "itn/google_tn_nemo/sentences.tsv");
    const dataFiles =
      files.length > 0 ? files : [...tsvFilesIn(path.join(opts.data, "itn/en")), ...(existsSync(googleTn) ? [googleTn] : [])];
    summary = runItnSuite(dataFiles, await loadResources(), REPO_ROOT) as unknown as SuiteSummary;
  } else if (suite === "disfluency") {
    summary = runDisfluencySuite(files.length > 0 ? files : defaultDisfluencyFiles(opts.data), REPO_ROOT) as unknown as SuiteSummary;
  } else if (suite === "format") {
    const config = loadConfig(opts.config === undefined ? { env: {} } : { env: {}, file: path.resolve(opts.config) });
    const formatOptions = { profiles: config.pipeline.profiles, resources: await loadResources(), repoRoot: REPO_ROOT };
    summary = runFormatSuite(files.length > 0 ? files : defaultFormatFiles(opts.data), {
      ...formatOptions,
      ...(opts.profile === undefined ? {} : { profile: opts.profile }),
    }) as unknown as SuiteSummary;
  } else if (suite === "lexicon") {
    const config = loadConfig(opts.config === undefined ? { env: {} } : { env: {}, file: path.resolve(opts.config) });
    const resources = (await loadResources()) as Parameters<typeof runLexiconSuite>[2];
    const sets = files.length > 0 ? variantFiles(files, REPO_ROOT) : generatedVariantSet(opts.data, resources.lexicons ?? [], opts.seed === undefined ? undefined : Number(opts.seed));
    summary = runLexiconSuite(sets, defaultNoHarmFiles(opts.data), resources, REPO_ROOT, config.pipeline.profiles, beyondNoHarmSources(opts.data)) as unknown as SuiteSummary;
  } else if (suite === "redaction") {
    const config = loadConfig(opts.config === undefined ? { env: {} } : { env: {}, file: path.resolve(opts.config) });
    summary = runRedactionSuite({ profiles: config.pipeline.profiles, resources: await loadResources(), repoRoot: REPO_ROOT, englishFile: path.join(opts.data, "itn/google_tn_nemo/sentences.tsv") }) as unknown as SuiteSummary;
  } else if (suite === "verses") {
    // A scripture JSON-lines file may be given; the English no-verse sets are the dev sets under --data.
    const scriptureFile = files[0] ?? path.join(opts.data, "scripture/bhagavad_gita.jsonl");
    summary = runVersesSuite({ scriptureFile, english: defaultEnglishSources(opts.data), resources: await loadResources(), repoRoot: REPO_ROOT }) as unknown as SuiteSummary;
  } else {
    return program.error(`unknown suite "${suite}" (known: itn, disfluency, format, lexicon, redaction, verses)`);
  }

  // Sentences the lexicon stage touched in the no-harm sets: listed with --failures, not stored.
  const harmed = suite === "lexicon" ? (summary as unknown as LexiconSummary).harmed ?? [] : suite === "redaction" ? (summary as unknown as RedactionSummary).flagged ?? [] : [];
  if (suite === "lexicon") delete (summary as Partial<LexiconSummary>).harmed;
  if (suite === "redaction") delete (summary as Partial<RedactionSummary>).flagged;
  if (opts.write) writeQuality(path.join(REPO_ROOT, "bench/results/quality.json"), summary);
  if (opts.json) {
    process.stdout.write(JSON.stringify(opts.failures ? summary : withoutFailures(summary), null, 2) + "\n");
    return;
  }
  console.log(
    suite === "lexicon"
      ? formatLexiconReport(summary as unknown as LexiconSummary)
      : suite === "verses"
        ? formatVersesReport(summary as unknown as VersesSummary)
        : suite === "redaction"
          ? formatRedactionReport(summary as unknown as RedactionSummary)
          : formatReport(summary),
  );
  if (opts.failures) for (const h of harmed) console.log(JSON.stringify(h));
  if (opts.failures) {
    const limit = opts.failures === true ? DEFAULT_FAILURES_SHOWN : Number(opts.failures);
    const list = (summary.failures ?? []).slice(0, limit);
    for (const f of list) console.log(JSON.stringify(f));
    if ((summary.failures?.length ?? 0) > list.length) console.log(`… ${summary.failures!.length - list.length} more`);
  }
}

main(process.argv).catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
