import { DateTime, FixedOffsetZone, IANAZone } from 'luxon';

/**
 * Zone words people write in postmortems, mapped to the IANA zone whose rules give the offset
 * on the entry's own date: "PST" written in July is -07:00 and UK "GMT" in summer is BST,
 * because authors write the name they know, not the one in force that day.
 */
const ABBREVIATIONS: Record<string, string> = {
  UTC: 'UTC', Z: 'UTC', ZULU: 'UTC',
  GMT: 'Europe/London', BST: 'Europe/London', UK: 'Europe/London', LONDON: 'Europe/London',
  WET: 'Europe/Lisbon', WEST: 'Europe/Lisbon',
  CET: 'Europe/Paris', CEST: 'Europe/Paris', MET: 'Europe/Paris', MEST: 'Europe/Paris',
  EET: 'Europe/Helsinki', EEST: 'Europe/Helsinki', MSK: 'Europe/Moscow',
  PST: 'America/Los_Angeles', PDT: 'America/Los_Angeles', PT: 'America/Los_Angeles', PACIFIC: 'America/Los_Angeles',
  MST: 'America/Denver', MDT: 'America/Denver', MT: 'America/Denver', MOUNTAIN: 'America/Denver',
  CST: 'America/Chicago', CDT: 'America/Chicago', CT: 'America/Chicago', CENTRAL: 'America/Chicago',
  EST: 'America/New_York', EDT: 'America/New_York', ET: 'America/New_York', EASTERN: 'America/New_York',
  AKST: 'America/Anchorage', AKDT: 'America/Anchorage', HST: 'Pacific/Honolulu',
  IST: 'Asia/Kolkata', JST: 'Asia/Tokyo', KST: 'Asia/Seoul', SGT: 'Asia/Singapore', HKT: 'Asia/Hong_Kong',
  AEST: 'Australia/Sydney', AEDT: 'Australia/Sydney', AWST: 'Australia/Perth', ACST: 'Australia/Adelaide', ACDT: 'Australia/Adelaide',
  NZST: 'Pacific/Auckland', NZDT: 'Pacific/Auckland', BRT: 'America/Sao_Paulo',
};

const OFFSET = /^(?:UTC|GMT)\s*([+\-−])\s*(\d{1,2})(?::?(\d{2}))?$/i;

/** The zone a token names (an abbreviation, a UTC offset or an IANA name), or null. */
export function zoneFromToken(token: string): string | null {
  const clean = token.trim().replace(/\.$/, '');
  const offset = OFFSET.exec(clean);
  if (offset) {
    const sign = offset[1] === '+' ? '+' : '-';
    const hours = Number(offset[2]);
    const minutes = offset[3] ?? '00';
    return hours === 0 && minutes === '00' ? 'UTC' : `UTC${sign}${hours}${minutes === '00' ? '' : `:${minutes}`}`;
  }
  const word = ABBREVIATIONS[clean.toUpperCase()];
  if (word) return word;
  return /^[A-Za-z]+\/[A-Za-z_]+(?:\/[A-Za-z_]+)?$/.test(clean) && IANAZone.isValidZone(clean) ? clean : null;
}

/** One zone token at the start of text ("PST", "UTC+1", "Europe/London", "Eastern Time"): its zone and length. */
export const ZONE_TOKEN =
  /^(?:(?:UTC|GMT)\s*[+\-−]\s*\d{1,2}(?::?\d{2})?|[A-Za-z]+\/[A-Za-z_]+(?:\/[A-Za-z_]+)?|(?:Eastern|Pacific|Central|Mountain)(?:\s+(?:Standard|Daylight))?(?:\s+Time)?|[A-Z]{1,5}\b)/;

export function zoneAtStart(text: string): { zone: string; length: number } | null {
  const match = ZONE_TOKEN.exec(text);
  if (!match) return null;
  const token = match[0].replace(/\s+(?:Standard|Daylight)?\s*Time$/i, '').replace(/\s+(?:Standard|Daylight)$/i, '');
  const zone = zoneFromToken(token);
  return zone ? { zone, length: match[0].length } : null;
}

/** The first zone named anywhere in a sentence such as "All times in PDT (UTC-7)." */
export function zoneInSentence(text: string): string | null {
  const words = text.split(/[\s,;()[\]_*]+/);
  for (let i = 0; i < words.length; i += 1) {
    const word = words[i] ?? '';
    if (/^(?:Eastern|Pacific|Central|Mountain)$/i.test(word) && /^(?:time|standard|daylight)/i.test(words[i + 1] ?? '')) return zoneFromToken(word);
    if (/^[A-Z]{2,5}\.?$/.test(word) || /^(?:UTC|GMT)[+\-−]/i.test(word) || word.includes('/')) {
      const zone = zoneFromToken(word);
      if (zone) return zone;
    }
  }
  return null;
}

/** Whether a zone is valid for luxon (IANA names and UTC±h offsets). */
export const isKnownZone = (zone: string): boolean => IANAZone.isValidZone(zone) || FixedOffsetZone.parseSpecifier(zone) !== null;

export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The instant of a wall-clock time in a zone, resolved with that zone's rules on that date. */
export function instantIn(local: LocalDateTime, zone: string): string | null {
  const value = DateTime.fromObject(local, { zone });
  return value.isValid ? value.toISO({ suppressMilliseconds: true }) : null;
}
