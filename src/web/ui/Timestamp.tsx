import { Text, Tooltip, type TextProps } from '@mantine/core';
import { formatDate, formatRelative, userTimeZone, type DateFormat } from './format.js';

interface TimestampProps extends TextProps {
  /** ISO 8601 instant, ideally with its original offset. */
  value: string | null | undefined;
  format?: DateFormat | 'relative';
  /** Shown when there is no value. */
  empty?: string;
}

/**
 * A date in the reader's time zone; hovering (or focusing) shows the exact timestamp as recorded,
 * with its original offset, and the zone it was converted to.
 */
export function Timestamp({ value, format = 'datetime', empty = '—', ...textProps }: TimestampProps) {
  if (!value) {
    return (
      <Text span c="dimmed" inherit={textProps.fz === undefined} {...textProps}>
        {empty}
      </Text>
    );
  }
  const shown = format === 'relative' ? formatRelative(value) : formatDate(value, format);
  const label = (
    <>
      <strong>{value}</strong>
      <br />
      shown in {userTimeZone}
    </>
  );
  return (
    <Tooltip label={label} events={{ hover: true, focus: true, touch: true }}>
      <Text span component="time" dateTime={value} className="hs-tabular" tabIndex={0} inherit={textProps.fz === undefined} {...textProps}>
        {shown}
      </Text>
    </Tooltip>
  );
}
