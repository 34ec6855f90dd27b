// ASN.1 UTCTime / GeneralizedTime as Go reads them (time.Parse with "060102150405Z0700" /
// "0601021504Z0700" / "20060102150405Z0700", then the re-serialisation check), and Go's JSON form.

/** A time as Go holds it after parsing: the wall clock as written plus its zone offset. */
export interface GoTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** Zone offset in minutes east of UTC (0 for `Z`). */
  offsetMinutes: number;
}

/** Days in `month` of `year` (proleptic Gregorian, as Go's time.daysIn). */
export function daysIn(month: number, year: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

// The two ASCII digits at b[i], b[i + 1] as a number, or -1 (also past the end).
function digits2(b: Uint8Array, i: number): number {
  const h = b[i]! - 0x30;
  const l = b[i + 1]! - 0x30;
  return h >= 0 && h <= 9 && l >= 0 && l <= 9 ? h * 10 + l : -1;
}

// The zone part of layout "Z0700" from b[i] to the end: "Z", or a sign and hhmm that Format would write back unchanged.
function zoneAt(b: Uint8Array, i: number): number | null {
  const rest = b.length - i;
  if (rest === 1 && b[i] === 0x5a) return 0;
  if (rest !== 5 || (b[i] !== 0x2b && b[i] !== 0x2d)) return null;
  const hh = digits2(b, i + 1);
  const mm = digits2(b, i + 3);
  // Format writes a zero offset as "Z" and carries minutes above 59 into hours; Go 1.19's Parse has no upper
  // bound on the hours (`+2500` and `+9959` read back as written).
  if (hh < 0 || mm < 0 || mm > 59 || (hh === 0 && mm === 0)) return null;
  return (b[i] === 0x2d ? -1 : 1) * (hh * 60 + mm);
}

// Fields read from b[at..] as month, day, hour, minute (two digits each), then optional seconds when
// `optionalSeconds`, then the zone: null unless it is a date Go's time.Parse accepts.
function build(b: Uint8Array, year: number, at: number, optionalSeconds: boolean): GoTime | null {
  const month = digits2(b, at);
  const day = digits2(b, at + 2);
  const hour = digits2(b, at + 4);
  const minute = digits2(b, at + 6);
  if (month < 0 || day < 0 || hour < 0 || minute < 0) return null;
  let second = digits2(b, at + 8);
  let zone = at + 10;
  if (second < 0) {
    if (!optionalSeconds) return null;
    second = 0;
    zone = at + 8;
  }
  const offsetMinutes = zoneAt(b, zone);
  if (offsetMinutes === null) return null;
  if (month < 1 || month > 12 || day < 1 || day > daysIn(month, year) || hour > 23 || minute > 59 || second > 59) return null;
  return { year, month, day, hour, minute, second, offsetMinutes };
}

/**
 * Go's UTCTime reading (crypto/x509 and encoding/asn1 accept the same set): YYMMDDhhmm[ss] then `Z`
 * or ±hhmm; two-digit years 50–99 are 19xx, 00–49 are 20xx. Returns null where Go fails.
 */
export function parseGoUtcTime(content: Uint8Array): GoTime | null {
  const yy = digits2(content, 0);
  if (yy < 0) return null;
  // time.Parse maps 69–99 to 19xx and 00–68 to 20xx; Go then moves 2050+ back a century.
  const parsed = build(content, yy >= 69 ? 1900 + yy : 2000 + yy, 2, true);
  if (parsed !== null && parsed.year >= 2050) parsed.year -= 100;
  return parsed;
}

/** Go's GeneralizedTime reading: YYYYMMDDhhmmss then `Z` or ±hhmm, no fractions. Null where Go fails. */
export function parseGoGeneralizedTime(content: Uint8Array): GoTime | null {
  const cc = digits2(content, 0);
  const yy = digits2(content, 2);
  if (cc < 0 || yy < 0) return null;
  return build(content, cc * 100 + yy, 4, false);
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** Go time.Time MarshalJSON text (RFC 3339, `Z` for UTC, else ±hh:mm), without the quotes. */
export function formatGoTimeJson(t: GoTime): string {
  const zone =
    t.offsetMinutes === 0
      ? 'Z'
      : `${t.offsetMinutes < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(t.offsetMinutes) / 60))}:${pad(Math.abs(t.offsetMinutes) % 60)}`;
  return `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)}T${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}${zone}`;
}

/** Go Time.UnixMilli: the instant `t` names, in ms since the epoch. */
export function goTimeUnixMillis(t: GoTime): number {
  // Date.UTC reads years 0–99 as 19xx: those go through setUTCFullYear.
  if (t.year >= 100) return Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second) - t.offsetMinutes * 60_000;
  const d = new Date(Date.UTC(2000, t.month - 1, t.day, t.hour, t.minute, t.second));
  d.setUTCFullYear(t.year);
  return d.getTime() - t.offsetMinutes * 60_000;
}
