import { describe, expect, it } from 'vitest';
import { GO_ZERO_TIME_UNIX_NANOS, GoTimeParseError, unmarshalGoJsonTime } from './unmarshal-json-time.js';

// Expected texts were observed from Go 1.19.8 (cfssl 1.2 Debian build, `cfssl sign -config` with the
// value as a profile's not_before), plus the reference's §3.7 row.
const LAYOUT = '"\\"2006-01-02T15:04:05Z07:00\\""';

describe('unmarshalGoJsonTime', () => {
  it('parses RFC 3339 timestamps to Unix nanoseconds', () => {
    expect(unmarshalGoJsonTime('"2030-01-01T00:00:00Z"')).toBe(BigInt(Date.UTC(2030, 0, 1)) * 1_000_000n);
    expect(unmarshalGoJsonTime('"2030-01-01T01:00:00+01:00"')).toBe(BigInt(Date.UTC(2030, 0, 1)) * 1_000_000n);
    expect(unmarshalGoJsonTime('"2029-12-31T23:00:00-01:00"')).toBe(BigInt(Date.UTC(2030, 0, 1)) * 1_000_000n);
    expect(unmarshalGoJsonTime('"2050-01-01T00:00:00.5Z"')).toBe(BigInt(Date.UTC(2050, 0, 1)) * 1_000_000n + 500_000_000n);
    // Go accepts a comma, more than nine fraction digits (truncated), a one-digit hour and unchecked offsets
    expect(unmarshalGoJsonTime('"2030-01-01T00:00:00,25Z"')).toBe(BigInt(Date.UTC(2030, 0, 1)) * 1_000_000n + 250_000_000n);
    expect(unmarshalGoJsonTime('"2030-01-01T00:00:00.1234567890123Z"')).toBe(BigInt(Date.UTC(2030, 0, 1)) * 1_000_000n + 123456789n);
    expect(unmarshalGoJsonTime('"2030-01-01T1:00:00Z"')).toBe(BigInt(Date.UTC(2030, 0, 1, 1)) * 1_000_000n);
    expect(unmarshalGoJsonTime('"2030-01-01T00:00:00+25:99"')).toBe(
      (BigInt(Date.UTC(2030, 0, 1)) / 1000n - 25n * 3600n - 99n * 60n) * 1_000_000_000n,
    );
    expect(unmarshalGoJsonTime('"2028-02-29T00:00:00Z"')).toBe(BigInt(Date.UTC(2028, 1, 29)) * 1_000_000n);
  });

  it('maps Go zero time and null', () => {
    expect(unmarshalGoJsonTime('"0001-01-01T00:00:00Z"')).toBe(GO_ZERO_TIME_UNIX_NANOS);
    expect(unmarshalGoJsonTime('null')).toBeUndefined();
  });

  it.each([
    ['"2030-01-01"', `parsing time "\\"2030-01-01\\"" as ${LAYOUT}: cannot parse "\\"" as "T"`],
    ['5', `parsing time "5" as ${LAYOUT}: cannot parse "5" as "\\""`],
    ['true', `parsing time "true" as ${LAYOUT}: cannot parse "true" as "\\""`],
    ['{}', `parsing time "{}" as ${LAYOUT}: cannot parse "{}" as "\\""`],
    ['"x"', `parsing time "\\"x\\"" as ${LAYOUT}: cannot parse "x\\"" as "2006"`],
    ['"2030-01-01T00:00:00"', `parsing time "\\"2030-01-01T00:00:00\\"" as ${LAYOUT}: cannot parse "\\"" as "Z07:00"`],
    ['"2030-13-01T00:00:00Z"', 'parsing time "\\"2030-13-01T00:00:00Z\\"": month out of range'],
    ['"2030-00-01T00:00:00Z"', 'parsing time "\\"2030-00-01T00:00:00Z\\"": month out of range'],
    ['"2030-02-30T00:00:00Z"', 'parsing time "\\"2030-02-30T00:00:00Z\\"": day out of range'],
    ['"2029-02-29T00:00:00Z"', 'parsing time "\\"2029-02-29T00:00:00Z\\"": day out of range'],
    ['"2030-01-00T00:00:00Z"', 'parsing time "\\"2030-01-00T00:00:00Z\\"": day out of range'],
    ['"2030-01-01T24:00:00Z"', 'parsing time "\\"2030-01-01T24:00:00Z\\"": hour out of range'],
    ['"2030-01-01T00:60:00Z"', 'parsing time "\\"2030-01-01T00:60:00Z\\"": minute out of range'],
    ['"2030-01-01T00:00:60Z"', 'parsing time "\\"2030-01-01T00:00:60Z\\"": second out of range'],
    ['"2030-1-01T00:00:00Z"', `parsing time "\\"2030-1-01T00:00:00Z\\"" as ${LAYOUT}: cannot parse "1-01T00:00:00Z\\"" as "01"`],
    ['"+030-01-01T00:00:00Z"', `parsing time "\\"+030-01-01T00:00:00Z\\"" as ${LAYOUT}: cannot parse "+030-01-01T00:00:00Z\\"" as "2006"`],
    ['"2030-01-01T00:00:00+0100"', `parsing time "\\"2030-01-01T00:00:00+0100\\"" as ${LAYOUT}: cannot parse "+0100\\"" as "Z07:00"`],
    ['"2030-01-01T00:00:00.Z"', `parsing time "\\"2030-01-01T00:00:00.Z\\"" as ${LAYOUT}: cannot parse ".Z\\"" as "Z07:00"`],
    ['"2030-01-01t00:00:00Z"', `parsing time "\\"2030-01-01t00:00:00Z\\"" as ${LAYOUT}: cannot parse "t00:00:00Z\\"" as "T"`],
    ['"2030-01-01T00:00:00.5+01:00x"', `parsing time "\\"2030-01-01T00:00:00.5+01:00x\\"" as ${LAYOUT}: cannot parse "x\\"" as "\\""`],
    // escapes are not decoded: Go parses the raw JSON bytes
    [
      '"2030-01-01T00:00:00\\u005a"',
      `parsing time "\\"2030-01-01T00:00:00\\\\u005a\\"" as ${LAYOUT}: cannot parse "\\\\u005a\\"" as "Z07:00"`,
    ],
    [
      '"2030-01-01T00:00:00Z\u00e9"',
      `parsing time "\\"2030-01-01T00:00:00Z\\xc3\\xa9\\"" as ${LAYOUT}: cannot parse "\\xc3\\xa9\\"" as "\\""`,
    ],
  ])('rejects %s like Go 1.19', (raw, message) => {
    expect(() => unmarshalGoJsonTime(raw)).toThrow(new GoTimeParseError(message));
  });
});
