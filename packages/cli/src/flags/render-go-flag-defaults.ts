// Go flag.FlagSet.PrintDefaults: the flag list of Go's default usage message.

import { goQuote } from '@cfssl-ts/core/go';
import { goFlagDefaultText, type GoFlagDefinition } from './go-flag-definition.js';

const ZERO_TEXT: Readonly<Record<GoFlagDefinition['kind'], string>> = {
  string: '',
  bool: 'false',
  int: '0',
  duration: '0s',
};

const VALUE_NAME: Readonly<Record<GoFlagDefinition['kind'], string>> = {
  string: 'string',
  bool: '',
  int: 'int',
  duration: 'duration',
};

// Go flag.UnquoteUsage: a `back-quoted` word in the usage names the value.
function unquoteUsage(definition: GoFlagDefinition): { valueName: string; usage: string } {
  const { usage } = definition;
  const open = usage.indexOf('`');
  if (open >= 0) {
    const close = usage.indexOf('`', open + 1);
    if (close >= 0) {
      return {
        valueName: usage.slice(open + 1, close),
        usage: usage.slice(0, open) + usage.slice(open + 1, close) + usage.slice(close + 1),
      };
    }
  }
  return { valueName: VALUE_NAME[definition.kind], usage };
}

/**
 * Render the flags like Go's `FlagSet.PrintDefaults`: sorted by name, `  -name type` then the usage
 * on the next line after four spaces and a tab (same line for one-letter booleans), and
 * ` (default ...)` when the default is not the zero value.
 *
 * @example
 * renderGoFlagDefaults([{ name: 'f', kind: 'string', default: '-', usage: 'JSON input' }]);
 * // '  -f string\n    \tJSON input (default "-")\n'
 */
export function renderGoFlagDefaults(definitions: readonly GoFlagDefinition[]): string {
  const sorted = [...definitions].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  let out = '';
  for (const definition of sorted) {
    let line = `  -${definition.name}`;
    const { valueName, usage } = unquoteUsage(definition);
    if (valueName.length > 0) line += ` ${valueName}`;
    line += new TextEncoder().encode(line).length <= 4 ? '\t' : '\n    \t'; // Go counts bytes
    line += usage.replaceAll('\n', '\n    \t');
    const defaultText = goFlagDefaultText(definition);
    if (defaultText !== ZERO_TEXT[definition.kind]) {
      line += definition.kind === 'string' ? ` (default ${goQuote(defaultText)})` : ` (default ${defaultText})`;
    }
    out += `${line}\n`;
  }
  return out;
}
