import { createTheme, type MantineColorsTuple } from '@mantine/core';

// A deep green that reads as governmental in the Gulf and passes WCAG AA on white at shade 7.
const manzuma: MantineColorsTuple = [
  '#e6f6f0', '#cfeadf', '#a1d5bf', '#6fbf9d', '#47ad81', '#2e9f6f', '#1d8a5d', '#0b6e4f', '#065c40', '#004a32',
];

const sans = "'IBM Plex Sans Arabic', system-ui, 'Segoe UI', Tahoma, sans-serif";

export const theme = createTheme({
  primaryColor: 'manzuma',
  primaryShade: 7,
  colors: { manzuma },
  fontFamily: sans,
  headings: { fontFamily: sans, fontWeight: '600' },
  defaultRadius: 'md',
  focusRing: 'always',
  cursorType: 'pointer',
});
