// A bound on concurrent signing and key generation: beyond it a request is refused with 503 at once.
import { apiError } from './api-error.js';

/** A counter of work in flight. */
export interface WorkLimiter {
  /** Run `work` if a slot is free, else throw 503. */
  run<T>(work: () => Promise<T>): Promise<T>;
}

/** A limiter of `max` slots. */
export function createWorkLimiter(max: number): WorkLimiter {
  let inFlight = 0;
  return {
    async run<T>(work: () => Promise<T>): Promise<T> {
      if (inFlight >= max) throw apiError(503, 'server busy: too many signing requests in flight');
      inFlight++;
      try {
        return await work();
      } finally {
        inFlight--;
      }
    },
  };
}
