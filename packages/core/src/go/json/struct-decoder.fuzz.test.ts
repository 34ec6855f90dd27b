// Fuzzing Go json.Unmarshal into a struct with a field of every kind: documents with the struct's keys and
// values of any JSON type end in a value or in a GoError subclass (type, syntax, number, base64, time errors).
import fc from 'fast-check';
import { fuzzTarget } from '@cfssl-ts/test-support/fuzz/fuzz-target';
import { allowingTypedErrors } from '@cfssl-ts/test-support/fuzz/typed-errors';
import { GoError } from '../go-error.js';
import { unmarshalGoJsonTime } from '../unmarshal-json-time.js';
import { decodeGoJson } from './decode-go-json.js';
import {
  goBoolType,
  goBytesType,
  goField,
  goIntType,
  goInterfaceType,
  goMapType,
  goPointerType,
  goSliceType,
  goStringType,
  goStructType,
  goUnmarshalerType,
} from './go-type.js';
import { unmarshalGoJson } from './struct-decoder.js';

const inner = goStructType('fuzz.Inner', [goField('N', goIntType('int8', { bits: 8 }), 'n'), goField('S', goStringType(), 's')]);
const FUZZ_TYPE = goStructType('fuzz.Outer', [
  goField('Str', goStringType(), 'str'),
  goField('Flag', goBoolType(), 'flag'),
  goField('Int', goIntType()),
  goField('U16', goIntType('uint16', { bits: 16, unsigned: true }), 'u16'),
  goField('Big', goIntType('time.Duration', { big: true }), 'big'),
  goField('Bytes', goBytesType(), 'bytes'),
  goField('List', goSliceType(goStringType()), 'list'),
  goField('Map', goMapType(goIntType()), 'map'),
  goField('Ptr', goPointerType(inner), 'ptr'),
  goField('Inner', inner, 'inner'),
  goField('Any', goInterfaceType('interface {}', true), 'any'),
  goField(
    'When',
    goUnmarshalerType(
      'time.Time',
      () => 0n,
      (raw, current) => unmarshalGoJsonTime(raw) ?? current,
    ),
    'when',
  ),
]);
const KEYS = ['str', 'flag', 'Int', 'INT', 'u16', 'big', 'bytes', 'list', 'map', 'ptr', 'inner', 'any', 'when', 'n', 's', 'other'];

const member = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(
    'AAEC',
    'AA=',
    '2030-01-01T00:00:00Z',
    '2030-13-01T00:00:00Z',
    300,
    -1,
    1e20,
    65535,
    65536,
    0.5,
    { n: 127, s: 'x' },
    { n: 128 },
  ),
);
const documents = fc.oneof(
  fc.dictionary(fc.constantFrom(...KEYS), member, { maxKeys: 6 }).map((o) => JSON.stringify(o)),
  fc.json({ maxDepth: 2 }),
);

fuzzTarget({
  target: 'go-json-unmarshal',
  arbitrary: documents,
  check: (text) => {
    allowingTypedErrors([GoError], () => unmarshalGoJson(decodeGoJson(text), FUZZ_TYPE));
  },
  runs: 400,
});
