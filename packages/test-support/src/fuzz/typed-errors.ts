// The invariant every parser shares: bad input ends in the parser's typed error, never in anything else.

type ErrorClass = abstract new (...args: never[]) => Error;

/** Call `fn`; return its result, or undefined when it threw one of `allowed` (with a message). Anything else is rethrown. */
export function allowingTypedErrors<R>(allowed: readonly ErrorClass[], fn: () => R): R | undefined {
  try {
    return fn();
  } catch (err) {
    if (allowed.some((c) => err instanceof c) && (err as Error).message !== '') return undefined;
    throw err;
  }
}

/** The async form of {@link allowingTypedErrors}. */
export async function allowingTypedErrorsAsync<R>(allowed: readonly ErrorClass[], fn: () => Promise<R>): Promise<R | undefined> {
  try {
    return await fn();
  } catch (err) {
    if (allowed.some((c) => err instanceof c) && (err as Error).message !== '') return undefined;
    throw err;
  }
}
