import { describe, expect, it } from 'vitest';
import type { GoFlagDefinition } from './go-flag-definition.js';
import { renderGoFlagDefaults } from './render-go-flag-defaults.js';

describe('renderGoFlagDefaults (Go FlagSet.PrintDefaults)', () => {
  it('matches the flag list real cfssljson (Debian 1.2, Go 1.19) prints for -h', () => {
    const defs: GoFlagDefinition[] = [
      { name: 'stdout', kind: 'bool', default: false, usage: 'output the response instead of saving to a file' },
      { name: 'f', kind: 'string', default: '-', usage: 'JSON input' },
      { name: 'bare', kind: 'bool', default: false, usage: 'the response from CFSSL is not wrapped in the API standard response' },
    ];
    expect(renderGoFlagDefaults(defs)).toBe(
      '  -bare\n' +
        '    \tthe response from CFSSL is not wrapped in the API standard response\n' +
        '  -f string\n' +
        '    \tJSON input (default "-")\n' +
        '  -stdout\n' +
        '    \toutput the response instead of saving to a file\n',
    );
  });

  // Go's flag_test.go TestPrintDefaults, restricted to the kinds we model.
  it('matches Go TestPrintDefaults for bool, string, int and duration flags', () => {
    const defs: GoFlagDefinition[] = [
      { name: 'A', kind: 'bool', default: false, usage: "for bootstrapping, allow 'any' type" },
      { name: 'Alongflagname', kind: 'bool', default: false, usage: 'disable bounds checking' },
      { name: 'C', kind: 'bool', default: true, usage: 'a boolean defaulting to true' },
      { name: 'D', kind: 'string', default: '', usage: 'set relative `path` for local imports' },
      { name: 'E', kind: 'string', default: '0', usage: 'issue 23543' },
      { name: 'M', kind: 'string', default: '', usage: 'a multiline\nhelp\nstring' },
      { name: 'N', kind: 'int', default: 27, usage: 'a non-zero int' },
      { name: 'O', kind: 'bool', default: true, usage: 'a flag\nmultiline help string' },
      { name: 'Z', kind: 'int', default: 0, usage: 'an int that defaults to zero' },
      { name: 'maxT', kind: 'duration', default: '0s', usage: 'set `timeout` for dial' },
    ];
    expect(renderGoFlagDefaults(defs)).toBe(
      "  -A\tfor bootstrapping, allow 'any' type\n" +
        '  -Alongflagname\n' +
        '    \tdisable bounds checking\n' +
        '  -C\ta boolean defaulting to true (default true)\n' +
        '  -D path\n' +
        '    \tset relative path for local imports\n' +
        '  -E string\n' +
        '    \tissue 23543 (default "0")\n' +
        '  -M string\n' +
        '    \ta multiline\n' +
        '    \thelp\n' +
        '    \tstring\n' +
        '  -N int\n' +
        '    \ta non-zero int (default 27)\n' +
        '  -O\ta flag\n' +
        '    \tmultiline help string (default true)\n' +
        '  -Z int\n' +
        '    \tan int that defaults to zero\n' +
        '  -maxT timeout\n' +
        '    \tset timeout for dial\n',
    );
  });

  it('shows a non-zero duration default and names the value "duration"', () => {
    const defs: GoFlagDefinition[] = [{ name: 'interval', kind: 'duration', default: '96h0m0s', usage: 'x' }];
    expect(renderGoFlagDefaults(defs)).toBe('  -interval duration\n    \tx (default 96h0m0s)\n');
  });

  it('renders nothing for no flags', () => {
    expect(renderGoFlagDefaults([])).toBe('');
  });
});
