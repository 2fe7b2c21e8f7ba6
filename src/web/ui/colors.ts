import { darken, DEFAULT_THEME } from '@mantine/core';

/**
 * Orange small text people can read: Mantine's orange 8 and 9 are 3.6:1 and 4.3:1 on white, under
 * the 4.5:1 WCAG AA asks for, so warnings in text use orange 9 darkened as the theme darkens tints.
 */
export const warningText = darken(DEFAULT_THEME.colors.orange[9], 0.3);
