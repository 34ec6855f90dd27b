import { describe, expect, it } from 'vitest';
import type { GoFlagDefinition } from './go-flag-definition.js';
import { GoFlagError } from './go-flag-error.js';
import { parseGoFlags } from './parse-go-flags.js';

const DEFS: GoFlagDefinition[] = [
  { name: 'ca', kind: 'string', default: '', usage: 'CA' },
  { name: 'ca-key', kind: 'string', default: '', usage: 'CA key' },
  { name: 'address', kind: 'string', default: '127.0.0.1', usage: 'Address to bind' },
  { name: 'initca', kind: 'bool', default: false, usage: 'initialise new CA' },
  { name: 'port', kind: 'int', default: 8888, usage: 'Port to bind' },
  { name: 'interval', kind: 'duration', default: '96h0m0s', usage: 'Interval' },
];

function parseError(argv: string[], defs = DEFS): GoFlagError {
  try {
    parseGoFlags(defs, argv);
  } catch (error) {
    if (error instanceof GoFlagError) return error;
    throw error;
  }
  throw new Error('expected a GoFlagError');
}

describe('parseGoFlags: accepted forms (Go flag package doc)', () => {
  it('fills defaults and an empty set when no flag is given', () => {
    const parsed = parseGoFlags(DEFS, []);
    expect(Object.fromEntries(parsed.values)).toEqual({
      ca: '',
      'ca-key': '',
      address: '127.0.0.1',
      initca: false,
      port: 8888,
      interval: '96h0m0s',
    });
    expect(parsed.set.size).toBe(0);
    expect(parsed.positionals).toEqual([]);
  });

  it.each([[['-ca', 'x.pem']], [['-ca=x.pem']], [['--ca', 'x.pem']], [['--ca=x.pem']]])('reads a string flag from %j', (argv) => {
    const parsed = parseGoFlags(DEFS, argv);
    expect(parsed.values.get('ca')).toBe('x.pem');
    expect([...parsed.set]).toEqual(['ca']);
  });

  it('keeps everything after the first "=" as the value, including further "="', () => {
    expect(parseGoFlags(DEFS, ['-ca=a=b']).values.get('ca')).toBe('a=b');
  });

  it('accepts an empty value with -name=', () => {
    const parsed = parseGoFlags(DEFS, ['-address=']);
    expect(parsed.values.get('address')).toBe('');
    expect(parsed.set.has('address')).toBe(true);
  });

  it('takes the next argument as the value even when it looks like a flag', () => {
    const parsed = parseGoFlags(DEFS, ['-ca', '-ca-key', 'k.pem']);
    expect(parsed.values.get('ca')).toBe('-ca-key');
    expect(parsed.values.get('ca-key')).toBe('');
    expect(parsed.positionals).toEqual(['k.pem']);
  });

  it('sets a boolean flag given alone, without consuming the next argument', () => {
    const parsed = parseGoFlags(DEFS, ['-initca', 'csr.json']);
    expect(parsed.values.get('initca')).toBe(true);
    expect(parsed.positionals).toEqual(['csr.json']);
  });

  it('does not read a separate "false" as a boolean value: it becomes a positional', () => {
    const parsed = parseGoFlags(DEFS, ['-initca', 'false']);
    expect(parsed.values.get('initca')).toBe(true);
    expect(parsed.positionals).toEqual(['false']);
  });

  it.each([
    ['1', true],
    ['t', true],
    ['T', true],
    ['TRUE', true],
    ['true', true],
    ['True', true],
    ['0', false],
    ['f', false],
    ['F', false],
    ['FALSE', false],
    ['false', false],
    ['False', false],
  ])('accepts -initca=%s', (text, value) => {
    const parsed = parseGoFlags(DEFS, [`-initca=${text}`]);
    expect(parsed.values.get('initca')).toBe(value);
    expect(parsed.set.has('initca')).toBe(true);
  });

  it.each([
    ['1234', 1234],
    ['-1', -1],
    ['0x1F', 31],
    ['0664', 436],
    ['0b11', 3],
    ['1_000', 1000],
  ])('parses int flags with base prefixes: -port=%s', (text, value) => {
    expect(parseGoFlags(DEFS, [`-port=${text}`]).values.get('port')).toBe(value);
  });

  it('keeps the last value of a repeated flag', () => {
    const parsed = parseGoFlags(DEFS, ['-ca', 'a', '--ca=b', '-initca', '-initca=false']);
    expect(parsed.values.get('ca')).toBe('b');
    expect(parsed.values.get('initca')).toBe(false);
  });

  it('marks explicitly given flags even when they equal the default', () => {
    const parsed = parseGoFlags(DEFS, ['-port', '8888', '-initca=false']);
    expect([...parsed.set].sort()).toEqual(['initca', 'port']);
  });

  it('keeps duration text when no validator is given', () => {
    expect(parseGoFlags(DEFS, ['-interval', '1h30m']).values.get('interval')).toBe('1h30m');
  });
});

describe('parseGoFlags: where flag parsing stops', () => {
  it('stops at the first non-flag argument (cfssl gencert csr.json -ca x does not see -ca)', () => {
    const parsed = parseGoFlags(DEFS, ['csr.json', '-ca', 'ca.pem']);
    expect(parsed.values.get('ca')).toBe('');
    expect(parsed.set.size).toBe(0);
    expect(parsed.positionals).toEqual(['csr.json', '-ca', 'ca.pem']);
  });

  it('treats a lone "-" as a positional and stops there', () => {
    const parsed = parseGoFlags(DEFS, ['-initca', '-', '-ca', 'x']);
    expect(parsed.values.get('initca')).toBe(true);
    expect(parsed.positionals).toEqual(['-', '-ca', 'x']);
  });

  it('drops "--" and takes everything after it as positionals', () => {
    const parsed = parseGoFlags(DEFS, ['-initca', '--', '-ca', 'x']);
    expect(parsed.values.get('ca')).toBe('');
    expect(parsed.positionals).toEqual(['-ca', 'x']);
  });

  it('keeps a second "--" after the terminator', () => {
    expect(parseGoFlags(DEFS, ['--', '--']).positionals).toEqual(['--']);
  });

  it('treats an empty argument as a positional', () => {
    expect(parseGoFlags(DEFS, ['', '-initca']).positionals).toEqual(['', '-initca']);
  });
});

describe('parseGoFlags: errors with Go texts', () => {
  it('rejects an unknown flag', () => {
    const error = parseError(['-initca', '-frobnicate', 'csr.json']);
    expect(error.code).toBe('ERR_FLAG_NOT_DEFINED');
    expect(error.message).toBe('flag provided but not defined: -frobnicate');
    expect(error.flag).toBe('frobnicate');
  });

  it('names an unknown flag without its value or dashes', () => {
    expect(parseError(['--nope=1']).message).toBe('flag provided but not defined: -nope');
  });

  it('requires a value for a non-boolean flag at the end', () => {
    const error = parseError(['-ca']);
    expect(error.code).toBe('ERR_FLAG_NEEDS_ARGUMENT');
    expect(error.message).toBe('flag needs an argument: -ca');
  });

  it('rejects a bad boolean value', () => {
    const error = parseError(['-initca=yes']);
    expect(error.code).toBe('ERR_FLAG_INVALID_VALUE');
    expect(error.message).toBe('invalid boolean value "yes" for -initca: parse error');
  });

  it('rejects an empty boolean value', () => {
    expect(parseError(['-initca=']).message).toBe('invalid boolean value "" for -initca: parse error');
  });

  it('rejects a bad int value', () => {
    const error = parseError(['-port', 'eighty']);
    expect(error.code).toBe('ERR_FLAG_INVALID_VALUE');
    expect(error.message).toBe('invalid value "eighty" for flag -port: parse error');
  });

  it('reports an int out of range', () => {
    expect(parseError(['-port=9223372036854775808']).message).toBe(
      'invalid value "9223372036854775808" for flag -port: value out of range',
    );
  });

  it('quotes the value with Go %q', () => {
    expect(parseError(['-port', 'a"b\n']).message).toBe('invalid value "a\\"b\\n" for flag -port: parse error');
  });

  it('rejects a duration the validator refuses, hiding its message like Go', () => {
    expect(() =>
      parseGoFlags(DEFS, ['-interval', '1y'], {
        parseDuration: () => {
          throw new Error('time: unknown unit "y" in duration "1y"');
        },
      }),
    ).toThrow('invalid value "1y" for flag -interval: parse error');
  });

  it.each([['---ca'], ['-=x'], ['--=x']])('rejects bad syntax %j', (arg) => {
    const error = parseError([arg]);
    expect(error.code).toBe('ERR_FLAG_BAD_SYNTAX');
    expect(error.message).toBe(`bad flag syntax: ${arg}`);
  });

  it.each([['-h'], ['-help'], ['--help'], ['--h'], ['-h=1']])('reports %j as a help request', (arg) => {
    const error = parseError(['-initca', arg, '-frobnicate']);
    expect(error.code).toBe('ERR_FLAG_HELP');
    expect(error.message).toBe('flag: help requested');
  });

  it('treats -h as an ordinary flag when it is defined', () => {
    const defs: GoFlagDefinition[] = [{ name: 'h', kind: 'bool', default: false, usage: '' }];
    expect(parseGoFlags(defs, ['-h']).values.get('h')).toBe(true);
  });

  it('reports the first error in argument order', () => {
    expect(parseError(['-port=x', '-nope']).message).toBe('invalid value "x" for flag -port: parse error');
  });

  it('refuses a table that defines a flag twice', () => {
    expect(() => parseGoFlags([...DEFS, DEFS[0] as GoFlagDefinition], [])).toThrow('flag redefined: ca');
  });
});
