// json.Unmarshal of a request body into a described Go type; Go's error text on failure.
import { decodeGoJson, GoError, unmarshalGoJson, zeroGoValue, type GoType } from '@cfssl-ts/core/go';
import { apiError } from './api-error.js';

/** Decode `text` as Go would into `type`; a Go error becomes `onError(message)`. */
export function decodeGoRequest<T>(text: string, type: GoType<T>, onError: (goMessage: string) => Error, target?: T): T {
  try {
    return unmarshalGoJson(decodeGoJson(text), type, target ?? zeroGoValue(type));
  } catch (e) {
    if (e instanceof GoError) throw onError(e.message);
    // An unmarshaler's own failure (a *big.Int, a subject) is a Go error too.
    if (e instanceof Error) throw onError(e.message);
    throw e;
  }
}

/** errors.NewBadRequest(err): 400 with Go's text. */
export const badRequestWithGoText = (goMessage: string): Error => apiError(400, goMessage);
