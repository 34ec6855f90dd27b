// How cfssl prints an error it returns (cli.Start): its JSON form, or the bare text of a plain Go error.
import type { CfsslError } from '@cfssl-ts/core';
import { formatCfsslErrorJson } from '@cfssl-ts/core/go';

/**
 * `{"code":N,"message":"..."}` for a cfssl error, the message alone for a plain one (`cfsslCode` 0).
 *
 * @example renderCfsslError(new CfsslError('ERR_POLICY', 5400)) // '{"code":5400,"message":"Unknown policy profile"}'
 */
export function renderCfsslError(err: CfsslError): string {
  return err.plain ? err.message : formatCfsslErrorJson(err.cfsslCode, err.message);
}
