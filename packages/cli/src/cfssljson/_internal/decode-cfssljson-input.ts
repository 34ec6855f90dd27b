// cfssljson's json.Unmarshal targets: the flat map (-bare) or the API envelope (cmd/cfssljson Response).

import {
  decodeGoJson,
  goBoolType,
  goField,
  goIntType,
  goInterfaceType,
  goMapType,
  goSliceType,
  goStringType,
  goStructType,
  unmarshalGoJson,
  type GoValue,
} from '@cfssl-ts/core/go';
import { CfssljsonExit } from './cfssljson-exit.js';

// map[string]interface{}
const RESULT_MAP = goMapType(goInterfaceType('interface {}', true));

// cfssljson's ResponseMessage: Code is tagged "int" in cfssl (so a "code" key is ignored).
const RESPONSE_MESSAGE = goStructType('main.ResponseMessage', [
  goField('Code', goIntType(), 'int'),
  goField('Message', goStringType(), 'message'),
]);

const RESPONSE = goStructType('main.Response', [
  goField('Success', goBoolType(), 'success'),
  goField('Result', RESULT_MAP, 'result'),
  goField('Errors', goSliceType(RESPONSE_MESSAGE), 'errors'),
  goField('Messages', goSliceType(RESPONSE_MESSAGE), 'messages'),
]);

function parseFailure(error: unknown): never {
  if (error instanceof Error) throw new CfssljsonExit(`Failed to parse input: ${error.message}\n`, 1);
  throw error;
}

/**
 * Decode cfssljson's input as cfssl 1.6.5 does: with `bare`, a `map[string]interface{}`; otherwise the
 * API envelope, whose `success` must be true (else `Request failed:` and one `\t<message>` per error).
 * Returns the map the outputs are taken from (`null` when the JSON holds none).
 */
export function decodeCfssljsonInput(text: string, bare: boolean): Map<string, unknown> | null {
  let tree;
  try {
    tree = decodeGoJson(text);
  } catch (error) {
    parseFailure(error);
  }
  if (bare) {
    try {
      return unmarshalGoJson(tree, RESULT_MAP);
    } catch (error) {
      parseFailure(error);
    }
  }
  let response: GoValue<typeof RESPONSE>;
  try {
    response = unmarshalGoJson(tree, RESPONSE);
  } catch (error) {
    parseFailure(error);
  }
  if (!response.Success) {
    let stderr = 'Request failed:\n';
    for (const message of response.Errors ?? []) stderr += `\t${message.Message}\n`;
    throw new CfssljsonExit(stderr, 1);
  }
  return response.Result;
}
