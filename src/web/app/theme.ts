import {
  ActionIcon,
  Badge,
  Button,
  Card,
  createTheme,
  Drawer,
  darken,
  defaultVariantColorsResolver,
  Modal,
  Notification,
  Paper,
  parseThemeColor,
  Select,
  Table,
  Textarea,
  TextInput,
  Tooltip,
  type MantineColorsTuple,
  type VariantColorsResolver,
} from '@mantine/core';

/** A deep indigo: calm, serious, readable on white; red/orange stay free for severity. */
const hindsight: MantineColorsTuple = [
  '#eef1ff', '#dfe3fe', '#c6cdfd', '#a5b0fb', '#8388f7', '#6766f0', '#5149e3', '#4338ca', '#3730a3', '#2e2a83',
];

const fontFamily =
  'Inter, ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Liberation Sans", sans-serif';

/**
 * Mantine's light and filled variants put shade 6 text on a pale tint or white text on shade 6, which
 * is 2.7–3.3:1 for most colours (axe: colour contrast, WCAG AA needs 4.5:1). Text on a tint uses
 * a darkened shade 9, and filled badges and buttons use shade 8.
 */
const variantColorResolver: VariantColorsResolver = (input) => {
  const colors = defaultVariantColorsResolver(input);
  const parsed = parseThemeColor({ color: input.color || input.theme.primaryColor, theme: input.theme });
  if (!parsed.isThemeColor || !input.theme.colors[parsed.color]) return colors;
  const shades = input.theme.colors[parsed.color]!;
  if (input.variant === 'light' || input.variant === 'outline' || input.variant === 'subtle') {
    const text = darken(shades[9], 0.3);
    return { ...colors, color: text, border: input.variant === 'outline' ? `1px solid ${text}` : colors.border };
  }
  if (input.variant === 'filled' && parsed.shade === undefined) {
    const background = ['yellow', 'lime'].includes(parsed.color) ? darken(shades[9], 0.35) : shades[8];
    return { ...colors, background, hover: shades[9] };
  }
  return colors;
};

export const theme = createTheme({
  variantColorResolver,
  primaryColor: 'hindsight',
  primaryShade: 6,
  colors: { hindsight },
  fontFamily,
  fontFamilyMonospace: 'ui-monospace, "SF Mono", "JetBrains Mono", Menlo, Consolas, "Liberation Mono", monospace',
  headings: {
    fontFamily,
    fontWeight: '650',
    sizes: {
      h1: { fontSize: '1.625rem', lineHeight: '1.25' },
      h2: { fontSize: '1.25rem', lineHeight: '1.3' },
      h3: { fontSize: '1.0625rem', lineHeight: '1.35' },
      h4: { fontSize: '0.9375rem', lineHeight: '1.4' },
    },
  },
  defaultRadius: 'md',
  focusRing: 'auto',
  cursorType: 'pointer',
  components: {
    Button: Button.extend({ defaultProps: { radius: 'md' } }),
    ActionIcon: ActionIcon.extend({ defaultProps: { variant: 'subtle', color: 'gray' } }),
    Badge: Badge.extend({ defaultProps: { radius: 'sm', variant: 'light' }, styles: { root: { textTransform: 'none', fontWeight: 600, letterSpacing: 0 } } }),
    Card: Card.extend({ defaultProps: { withBorder: true, radius: 'lg', padding: 'lg', shadow: 'xs' } }),
    Paper: Paper.extend({ defaultProps: { radius: 'lg' } }),
    TextInput: TextInput.extend({ defaultProps: { radius: 'md' } }),
    Textarea: Textarea.extend({ defaultProps: { radius: 'md' } }),
    Select: Select.extend({ defaultProps: { radius: 'md', allowDeselect: false } }),
    Drawer: Drawer.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }),
    Modal: Modal.extend({ defaultProps: { radius: 'lg', centered: true, overlayProps: { backgroundOpacity: 0.45, blur: 2 }, closeButtonProps: { 'aria-label': 'Close' } } }),
    Notification: Notification.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }),
    Tooltip: Tooltip.extend({ defaultProps: { openDelay: 250, withArrow: true, multiline: true, maw: 360 } }),
    Table: Table.extend({ defaultProps: { verticalSpacing: 'sm', horizontalSpacing: 'md' } }),
  },
});
