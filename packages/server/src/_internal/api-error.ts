// cfssl errors.HTTPError: an API refusal whose code is its HTTP status (reference §6.1).
import { CfsslError } from '@cfssl-ts/core';

/** cfssl errors.NewBadRequestString and friends: status = code. */
export function apiError(status: 400 | 405 | 413 | 503, message: string): CfsslError {
  return new CfsslError('ERR_API_REQUEST', status, message);
}

/** cfssl errors.NewMethodNotAllowed: `Method is not allowed:"PUT"`. */
export function methodNotAllowed(method: string): CfsslError {
  return apiError(405, `Method is not allowed:${JSON.stringify(method)}`);
}

/** cfssl api.HandleError: HTTP status and envelope code of an error. */
export function statusAndCode(err: unknown): { status: number; code: number; message: string } {
  if (err instanceof CfsslError) {
    if (err.code === 'ERR_API_REQUEST') return { status: err.cfsslCode, code: err.cfsslCode, message: err.message };
    // A plain error is any other Go error: 500 with code 0.
    if (err.cfsslCode === 0) return { status: 500, code: 0, message: err.message };
    return { status: 400, code: err.cfsslCode, message: err.message };
  }
  return { status: 500, code: 0, message: err instanceof Error ? err.message : String(err) };
}
