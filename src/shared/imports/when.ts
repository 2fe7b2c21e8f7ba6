import { zoneAtStart, zoneFromToken } from './zones.js';

/** A calendar day as written; the year may be missing ("July 22", "6th Nov", "03-26"). */
export interface WrittenDate {
  year: number | null;
  month: number;
  day: number;
  /** The day/month order was guessed between two readings. */
  ambiguous?: boolean;
}

export interface WrittenTime {
  hour: number;
  minute: number;
  second: number;
  hasSeconds: boolean;
  /** Written as 5 PM, without minutes. */
  hourOnly: boolean;
}

/** What leads a line of a timeline: an optional date, an optional time, their zone, and the rest. */
export interface LeadingStamp {
  date: WrittenDate | null;
  time: WrittenTime | null;
  /** The time is written but unknown (`[???]`, `--:--`, `2023-MM-DD`). */
  unknown: boolean;
  approximate: boolean;
  range: boolean;
  zone: string | null;
  rest: string;
}

/** Day-first (most of the world) or month-first (US) for dates like 5/3/24. */
export type DateOrder = 'DMY' | 'MDY';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const WEEKDAY = String.raw`(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?`;
const ORDINAL = String.raw`(\d{1,2})(?:st|nd|rd|th)?`;
const YEAR = String.raw`(\d{4})`;

const MONTH_DAY = new RegExp(String.raw`^${WEEKDAY}${MONTH}\s+${ORDINAL}(?:,?\s+${YEAR})?(?![\d:])`, 'i');
const DAY_MONTH = new RegExp(String.raw`^${WEEKDAY}${ORDINAL}(?:\s+of)?\s+${MONTH}(?:,?\s+${YEAR})?(?![\d:])`, 'i');
const monthNumber = (word: string): number => MONTHS.indexOf(word.slice(0, 3).toLowerCase()) + 1;
const validDay = (month: number, day: number) => month >= 1 && month <= 12 && day >= 1 && day <= 31;

interface Match<T> {
  value: T;
  length: number;
}

type DateReader = (text: string, order: DateOrder) => Match<WrittenDate> | null;

const readers: DateReader[] = [
  // 2024-03-05, 2024/03/05, 2024.03.05 (not followed by T: ISO datetimes are read the same way)
  (text) => {
    const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/.exec(text);
    return m && validDay(Number(m[2]), Number(m[3])) ? { value: { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }, length: m[0].length } : null;
  },
  // 5/3/24, 05.03.2024: the order per the caller's convention unless one part is over 12
  (text, order) => {
    const m = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})(?![\d:])/.exec(text);
    if (!m) return null;
    const [a, b] = [Number(m[1]), Number(m[2])];
    const year = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    const dayFirst = a > 12 ? true : b > 12 ? false : order === 'DMY';
    const [day, month] = dayFirst ? [a, b] : [b, a];
    if (!validDay(month, day)) return null;
    return { value: { year, month, day, ambiguous: a <= 12 && b <= 12 && a !== b }, length: m[0].length };
  },
  // 03-26 (month-day, as in ISO without the year)
  (text) => {
    const m = /^(\d{2})-(\d{2})(?![\d-])/.exec(text);
    return m && validDay(Number(m[1]), Number(m[2])) ? { value: { year: null, month: Number(m[1]), day: Number(m[2]) }, length: m[0].length } : null;
  },
  // June 14th, 2022 / Jun 14 2022 / July 22 / Sunday, March 31st, 2024
  (text) => {
    const m = MONTH_DAY.exec(text);
    if (!m) return null;
    const month = monthNumber(m[1]!);
    const day = Number(m[2]);
    return validDay(month, day) ? { value: { year: m[3] ? Number(m[3]) : null, month, day }, length: m[0].length } : null;
  },
  // 6th Nov / 14 June 2022 / Friday 29 November 2019 / 31st of March
  (text) => {
    const m = DAY_MONTH.exec(text);
    if (!m) return null;
    const month = monthNumber(m[2]!);
    const day = Number(m[1]);
    return validDay(month, day) ? { value: { year: m[3] ? Number(m[3]) : null, month, day }, length: m[0].length } : null;
  },
];

/**
 * How a document writes 5/3/24: a part over 12 settles it; otherwise US zones suggest month first.
 * Null when nothing in the text says (the caller's choice or day-first then applies).
 */
export function detectDateOrder(text: string): DateOrder | null {
  let dayFirst = 0;
  let monthFirst = 0;
  for (const m of text.matchAll(/\b(\d{1,2})\/(\d{1,2})\/(?:\d{4}|\d{2})\b/g)) {
    if (Number(m[1]) > 12) dayFirst += 1;
    else if (Number(m[2]) > 12) monthFirst += 1;
  }
  if (dayFirst !== monthFirst) return dayFirst > monthFirst ? 'DMY' : 'MDY';
  if (!/\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/.test(text)) return null;
  return /\b(?:P[SD]T|E[SD]T|C[SD]T|M[SD]T|Pacific|Eastern|Central)\b/.test(text) ? 'MDY' : null;
}

/** A date at the start of the text, in any of the orders people write. */
export function readDate(text: string, order: DateOrder = 'DMY'): Match<WrittenDate> | null {
  for (const reader of readers) {
    const found = reader(text, order);
    if (found) return found;
  }
  return null;
}

/** A date anywhere in the text (a title such as "January 23rd, 2019 Prow Outage"), with a year. */
export function findDate(text: string, order: DateOrder = 'DMY'): WrittenDate | null {
  for (let i = 0; i < text.length; i += 1) {
    if ((i > 0 && /\w/.test(text[i - 1]!)) || !/[\dA-Za-z]/.test(text[i]!)) continue;
    const found = readDate(text.slice(i), order);
    if (found && found.value.year !== null) return found.value;
  }
  return null;
}

/** A time at the start of the text: 14:05, 14:05:09, 2:54 PM, 11:39AM, 5 PM, 1405Z. */
export function readTime(text: string): Match<WrittenTime> | null {
  const clock = /^(\d{1,2})[:.h](\d{2})(?::(\d{2})(?:\.\d+)?)?(?:\s*([ap])\.?\s?m\.?(?![a-z]))?/i.exec(text);
  if (clock) {
    if (clock[0].includes('.') && !clock[4]) return null; // 3.14 is a number unless "3.14 pm"
    const hour = to24(Number(clock[1]), clock[4]);
    const minute = Number(clock[2]);
    const second = clock[3] ? Number(clock[3]) : 0;
    if (hour === null || minute > 59 || second > 59) return null;
    return { value: { hour, minute, second, hasSeconds: Boolean(clock[3]), hourOnly: false }, length: clock[0].length };
  }
  const hourOnly = /^(\d{1,2})\s?([ap])\.?m\.?(?![a-z])/i.exec(text);
  if (hourOnly) {
    const hour = to24(Number(hourOnly[1]), hourOnly[2]);
    return hour === null ? null : { value: { hour, minute: 0, second: 0, hasSeconds: false, hourOnly: true }, length: hourOnly[0].length };
  }
  return null;
}

function to24(hour: number, meridiem: string | undefined): number | null {
  if (!meridiem) return hour <= 24 ? hour % 24 : null;
  if (hour < 1 || hour > 12) return null;
  const pm = meridiem.toLowerCase() === 'p';
  return (hour % 12) + (pm ? 12 : 0);
}

const UNKNOWN_TIME = /^(?:\?{2,}(?::\?{2,})?|[-–]{2}:[-–]{2}|[xX]{2}:[xX]{2}|hh:mm|(?:time\s+)?unknown(?:\s+time)?|tbd|n\/a)/i;
const UNKNOWN_DATE = /^\d{4}-(?:MM|mm|\?\?)-(?:DD|dd|\?\?)/;
const APPROXIMATE = /^(?:~|≈|ca\.?\s*|circa\s+|approx(?:imately|\.)?\s+|about\s+|around\s+|\(approx(?:imately|\.)?\)\s*)/i;
const OPENERS = /^(?:[-*+]\s+)?(?:\*\*|__|\*|_|`|\[)*/;
const CLOSERS = /^(?:\*\*|__|\*|_|`|\])+/;
const RANGE = /^\s*(?:-|–|—|to|until|till)\s*(?=\d)/i;
const SEPARATOR = /^[\s:|,;.)\]>–—-]+/;

/**
 * The stamp leading a timeline line, or null when the line does not start with a date or a time.
 * `allowPrefix` lets "At 14:02 ..." and "On 5 March ..." lead, as written in narrative timelines.
 */
export function readLeadingStamp(line: string, order: DateOrder = 'DMY', allowPrefix = false): LeadingStamp | null {
  let text = line.trim().replace(OPENERS, '');
  let approximate = false;
  if (allowPrefix) text = text.replace(/^(?:at|on|by|from|around|about|beginning at|starting at|starting on|between|until|shortly after|just after|just before)\s+/i, '');
  const approx = APPROXIMATE.exec(text);
  if (approx) {
    approximate = true;
    text = text.slice(approx[0].length);
  }
  let date: WrittenDate | null = null;
  let unknown = false;
  if (UNKNOWN_DATE.test(text)) {
    unknown = true;
    text = text.replace(UNKNOWN_DATE, '');
  } else {
    const readDateMatch = readDate(text, order);
    if (readDateMatch) {
      date = readDateMatch.value;
      text = text.slice(readDateMatch.length);
    }
  }
  const afterDate = text;
  text = text.replace(/^(?:T|,?\s+(?:at\s+)?|\s*[-–—@]\s*|\s*:\s*at\s+(?=\d))/i, '').replace(OPENERS, '');
  let time: WrittenTime | null = null;
  const approxTime = APPROXIMATE.exec(text);
  if (approxTime && (date || approximate)) {
    approximate = true;
    text = text.slice(approxTime[0].length);
  }
  const timeMatch = readTime(text);
  if (timeMatch) {
    time = timeMatch.value;
    text = text.slice(timeMatch.length);
    if (text.startsWith('~')) {
      approximate = true; // "10:45~"
      text = text.slice(1);
    }
  } else if (UNKNOWN_TIME.test(text)) {
    unknown = true;
    text = text.replace(UNKNOWN_TIME, '');
  } else {
    text = afterDate;
  }
  if (!date && !time && !unknown) return null;
  let zone: string | null = null;
  let range = false;
  text = text.replace(/^Z\b/, () => {
    zone = 'UTC';
    return '';
  });
  if (time && !zone) {
    // ISO 8601 offsets after seconds (14:02:00+01:00) or spaced without a colon (14:02 -0700); never 14:00-14:30.
    const offset = time.hasSeconds ? /^([+-])(\d{2}):?(\d{2})\b/.exec(text) : /^\s([+-])(\d{2})(\d{2})\b/.exec(text);
    const paren = /^\s*\(([^()]{1,12})\)/.exec(text); // "14:02 (UTC)"
    const lower = /^\s*((?:utc|gmt)(?:\s*[+\-−]\s*\d{1,2}(?::?\d{2})?)?)(?![\w:])/i.exec(text); // "UTC", "utc", "UTC+2", "GMT-05:00"
    if (offset) {
      zone = zoneFromToken(`UTC${offset[1]}${offset[2]}:${offset[3]}`);
      text = text.slice(offset[0].length);
    } else if (paren && zoneFromToken(paren[1]!)) {
      zone = zoneFromToken(paren[1]!);
      text = text.slice(paren[0].length);
    } else if (lower) {
      zone = zoneFromToken(lower[1]!);
      text = text.slice(lower[0].length);
    } else {
      const zoneMatch = zoneAtStart(text.replace(/^\s+/, ''));
      if (zoneMatch) {
        zone = zoneMatch.zone;
        text = text.replace(/^\s+/, '').slice(zoneMatch.length);
      }
    }
  }
  text = text.replace(/^\s*\((?:[^()]*\d[:h]\d{2}[^()]*)\)/, ''); // "13:14 EDT (17:14 UTC)": the same instant again
  const rangeMatch = RANGE.exec(text);
  if (rangeMatch && time) {
    const end = readTime(text.slice(rangeMatch[0].length));
    if (end) {
      range = true;
      text = text.slice(rangeMatch[0].length + end.length);
      const endZone = zoneAtStart(text.replace(/^\s+/, ''));
      if (endZone) {
        zone ??= endZone.zone;
        text = text.replace(/^\s+/, '').slice(endZone.length);
      }
    }
  }
  text = text.replace(CLOSERS, '');
  // A stamp must be followed by a separator or the end: "10 nodes" or "2019-12-03T" are not stamps.
  if (text.length > 0 && !SEPARATOR.test(text) && !/^\[\^/.test(text)) return null;
  text = text.replace(/^\[\^[^\]]*\]/, '').replace(SEPARATOR, '');
  const approxAfter = /^\((?:approx(?:imately|\.)?|estimated|roughly)\)\s*/i.exec(text);
  if (approxAfter) {
    approximate = true;
    text = text.slice(approxAfter[0].length);
  }
  return { date, time, unknown, approximate, range, zone, rest: text.trim() };
}
