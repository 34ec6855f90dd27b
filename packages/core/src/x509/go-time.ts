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

const latin1 = new TextDecoder('latin1');

/** Days in `month` of `year` (proleptic Gregorian, as Go's time.daysIn). */
export function daysIn(month: number, year: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

// The zone part of layout "Z0700": "Z", or a sign and hhmm that Format would write back unchanged.
function parseZone(zone: string): number | null {
  if (zone === 'Z') return 0;
  const m = /^([+-])(\d\d)(\d\d)$/.exec(zone);
  if (!m) return null;
  const hh = Number(m[2]);
  const mm = Number(m[3]);
  // Format writes a zero offset as "Z" and carries minutes above 59 into hours; Go 1.19's Parse has no upper
  // bound on the hours (`+2500` and `+9959` read back as written).
  if (mm > 59 || (hh === 0 && mm === 0)) return null;
  return (m[1] === '-' ? -1 : 1) * (hh * 60 + mm);
}

function build(year: number, fields: string[], zone: string): GoTime | null {
  const [month, day, hour, minute, second] = fields.map(Number) as [number, number, number, number, number];
  const offsetMinutes = parseZone(zone);
  if (offsetMinutes === null) return null;
  if (month < 1 || month > 12 || day < 1 || day > daysIn(month, year) || hour > 23 || minute > 59 || second > 59) return null;
  return { year, month, day, hour, minute, second, offsetMinutes };
}

/**
 * Go's UTCTime reading (crypto/x509 and encoding/asn1 accept the same set): YYMMDDhhmm[ss] then `Z`
 * or ±hhmm; two-digit years 50–99 are 19xx, 00–49 are 20xx. Returns null where Go fails.
 */
export function parseGoUtcTime(content: Uint8Array): GoTime | null {
  const s = latin1.decode(content);
  const m = /^(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)?(Z|[+-]\d{4})$/.exec(s);
  if (!m) return null;
  const yy = Number(m[1]);
  const fields = [m[2]!, m[3]!, m[4]!, m[5]!, m[6] ?? '00'];
  // time.Parse maps 69–99 to 19xx and 00–68 to 20xx; Go then moves 2050+ back a century.
  const parsed = build(yy >= 69 ? 1900 + yy : 2000 + yy, fields, m[7]!);
  if (parsed !== null && parsed.year >= 2050) parsed.year -= 100;
  return parsed;
}

/** Go's GeneralizedTime reading: YYYYMMDDhhmmss then `Z` or ±hhmm, no fractions. Null where Go fails. */
export function parseGoGeneralizedTime(content: Uint8Array): GoTime | null {
  const s = latin1.decode(content);
  const m = /^(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(Z|[+-]\d{4})$/.exec(s);
  if (!m) return null;
  return build(Number(m[1]), [m[2]!, m[3]!, m[4]!, m[5]!, m[6]!], m[7]!);
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
  const d = new Date(Date.UTC(2000, t.month - 1, t.day, t.hour, t.minute, t.second));
  d.setUTCFullYear(t.year);
  return d.getTime() - t.offsetMinutes * 60_000;
}
