import { Text, Tooltip, type TextProps } from '@mantine/core';
import { deadlineDay, formatCalendarDay } from './deadline.js';
import { formatDate, userTimeZone } from './format.js';

interface DueDayProps extends TextProps {
  /** The due instant as the API has it, with the offset it was recorded in. */
  value: string | null | undefined;
  empty?: string;
}

/**
 * A deadline as the calendar day it means in the organisation's zone (not shifted into the reader's);
 * hovering or focusing shows the exact instant, and when that is in the reader's zone.
 */
export function DueDay({ value, empty = '—', ...textProps }: DueDayProps) {
  const day = value ? deadlineDay(value) : null;
  if (!value || !day) {
    return (
      <Text span c="dimmed" inherit={textProps.fz === undefined} {...textProps}>
        {empty}
      </Text>
    );
  }
  const label = (
    <>
      Due by the end of {formatCalendarDay(day)}
      <br />
      <strong>{value}</strong>
      <br />
      {formatDate(value)} in {userTimeZone}
    </>
  );
  return (
    <Tooltip label={label} events={{ hover: true, focus: true, touch: true }}>
      <Text span component="time" dateTime={day} title={value} className="hs-tabular" tabIndex={0} data-testid="due-day" inherit={textProps.fz === undefined} {...textProps}>
        {formatCalendarDay(day)}
      </Text>
    </Tooltip>
  );
}
