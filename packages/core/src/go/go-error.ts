// Base class for errors whose message is exactly the text Go (or cfssl's Go code) would print.

/**
 * An error reproducing a Go error value: `message` is the exact `err.Error()` text.
 * Subclasses name the Go function or type they emulate.
 */
export class GoError extends Error {
  override name = 'GoError';
}
