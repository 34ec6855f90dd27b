// File-system failures injected into code that takes its fs as a parameter (layout's LayoutFs).
import * as nodeFs from 'node:fs/promises';

/** An Error shaped like Node's for `code` (message `CODE: injected`). */
export function injectedErrno(code: string): Error {
  return Object.assign(new Error(`${code}: injected`), { code });
}

/** node:fs/promises with the n-th call (1-based) of `name` failing with `code`; every other call passes through. */
export function failingNthCall(name: 'link' | 'rename' | 'mkdir' | 'open', n: number, code = 'EIO'): typeof nodeFs {
  let calls = 0;
  const real = nodeFs[name] as (...args: unknown[]) => Promise<void>;
  return {
    ...nodeFs,
    [name]: async (...args: unknown[]) => {
      calls++;
      if (calls === n) throw injectedErrno(code);
      return real(...args);
    },
  };
}
