// Where a worker thread's entry module is and how to start it. Built code runs
// .js modules; under tsx or vitest the caller is a .ts module, its sibling
// entry is .ts too, and the thread needs tsx's loader.

/** The sibling module `name` (without extension) of the module at `base`, in the caller's own extension. */
export function siblingEntryUrl(base: string, name: string): URL {
  const extension = base.endsWith(".ts") ? "ts" : "js";
  return new URL(`./${name}.${extension}`, base);
}

/** execArgv for a thread running `entry`: tsx's loader for TypeScript, the parent's flags otherwise (undefined). */
export function threadExecArgv(entry: URL): string[] | undefined {
  if (!entry.pathname.endsWith(".ts")) return undefined;
  const hasTsx = process.execArgv.some((arg) => arg === "tsx" || /[\\/]tsx[\\/]/.test(arg));
  return hasTsx ? [...process.execArgv] : [...process.execArgv, "--import", "tsx"];
}

/**
 * new Worker() arguments for `entry`. A TypeScript entry (development: tsx,
 * vitest) is loaded through tsx's tsImport from a one-line data: module:
 * Node loads a worker's main module before hooks registered by --import are
 * in effect, so handing it the .ts file directly fails.
 */
export function workerArgs(entry: URL): [URL, { execArgv?: string[] }] {
  const execArgv = threadExecArgv(entry);
  if (!execArgv) return [entry, {}];
  const api = import.meta.resolve("tsx/esm/api");
  const source = `const { tsImport } = await import(${JSON.stringify(api)}); await tsImport(${JSON.stringify(entry.href)}, ${JSON.stringify(entry.href)});`;
  return [new URL(`data:text/javascript,${encodeURIComponent(source)}`), { execArgv }];
}
