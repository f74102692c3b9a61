/**
 * The panel's look: a restrained office theme on react-admin's default, in the red and gold of Party documents,
 * with MUI's Vietnamese locale for the texts MUI itself renders (pagination, autocomplete, alerts).
 */
import { viVN } from '@mui/material/locale';
import { defaultTheme, type RaThemeOptions } from 'react-admin';

/** Fonts that all carry the full Vietnamese repertoire (stacked diacritics included). */
const FONT_FAMILY = ['"Segoe UI"', '"Noto Sans"', 'Roboto', '"Helvetica Neue"', '"Liberation Sans"', 'Arial', 'sans-serif'].join(',');

type Components = Record<string, { defaultProps?: object; styleOverrides?: object; [key: string]: unknown }>;

/** Merges MUI component settings one level deep, so a locale's defaultProps survive our own. */
function mergeComponents(a: Components, b: Components): Components {
  const out: Components = { ...a };
  for (const [name, settings] of Object.entries(b)) {
    const mine = out[name] ?? {};
    out[name] = { ...mine, ...settings, defaultProps: { ...mine.defaultProps, ...settings.defaultProps } };
  }
  return out;
}

const ownComponents: Components = {
  MuiAppBar: { styleOverrides: { root: { boxShadow: 'none', borderBottom: '3px solid #d4a017' } } },
  MuiButton: { styleOverrides: { root: { textTransform: 'none', fontWeight: 600 } } },
  MuiPaper: { styleOverrides: { rounded: { borderRadius: 8 } } },
  MuiCard: { styleOverrides: { root: { border: '1px solid #e3e5e8', boxShadow: 'none' } } },
  MuiTableCell: {
    styleOverrides: {
      head: { fontWeight: 700, backgroundColor: '#f7f3ef', color: '#4a2c2a' },
      root: { '&.MuiTableCell-paddingCheckbox': { padding: '0 8px 0 8px' } },
    },
  },
  MuiChip: { styleOverrides: { root: { fontWeight: 500 } } },
  RaMenuItemLink: {
    styleOverrides: {
      root: {
        borderLeft: '3px solid transparent',
        '&.RaMenuItemLink-active': { borderLeft: '3px solid #a4161a', backgroundColor: 'rgba(164, 22, 26, 0.06)', fontWeight: 600 },
      },
    },
  },
};

export const theme: RaThemeOptions = {
  ...defaultTheme,
  palette: {
    mode: 'light',
    primary: { main: '#a4161a', dark: '#7a0f12', light: '#c8373b', contrastText: '#ffffff' },
    secondary: { main: '#b8860b', contrastText: '#ffffff' },
    background: { default: '#f4f5f7', paper: '#ffffff' },
    text: { primary: '#1f2328', secondary: '#59606a' },
  },
  shape: { borderRadius: 6 },
  typography: {
    fontFamily: FONT_FAMILY,
    h5: { fontWeight: 600 },
    h6: { fontWeight: 600 },
  },
  sidebar: { width: 232, closedWidth: 56 },
  components: mergeComponents(mergeComponents(defaultTheme.components as Components, ownComponents), viVN.components as Components),
} as RaThemeOptions;
