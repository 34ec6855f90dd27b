// Types of scripts/check-portable-paths.mjs for the TypeScript tests that import it.

/** `file:line: text` for every line of the scanned `files` that names a machine path or reaches outside the repository. */
export function findMachinePaths(files: readonly string[], readText: (file: string) => string): string[];
