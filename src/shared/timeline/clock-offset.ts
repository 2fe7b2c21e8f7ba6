/** A UTC offset at the end of an ISO 8601 date-time: Z, +01, +0100 or +01:00. */
const OFFSET = /(?:Z|([+-])(\d{2}):?(\d{2})?)$/i;

/**
 * The instant `seconds` later (earlier when negative), written with the same UTC offset and the
 * same fractional-second digits as the original, so a corrected entry reads as it was written.
 */
export function shiftIsoDateTime(iso: string, seconds: number): string {
  const match = OFFSET.exec(iso);
  if (!match) throw new Error(`Not an ISO 8601 date-time with an offset: ${iso}`);
  const offsetMinutes = match[1] ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3] ?? 0)) : 0;
  const local = new Date(Date.parse(iso) + seconds * 1000 + offsetMinutes * 60_000).toISOString();
  const fraction = /\.\d+/.exec(iso.slice(0, match.index))?.[0];
  return `${local.slice(0, 19)}${fraction ? `.${local.slice(20, 23).padEnd(fraction.length - 1, '0').slice(0, fraction.length - 1)}` : ''}${match[0]}`;
}
