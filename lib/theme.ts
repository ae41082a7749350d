/** The colour theme the user picked; "system" follows prefers-color-scheme. Stored in the `theme` cookie. */
export type Theme = "light" | "dark" | "system";

export const THEME_COOKIE = "theme";
export const THEMES: readonly Theme[] = ["light", "dark", "system"];

/** Reads the cookie value; anything unknown (or no cookie) means "system". */
export function parseTheme(value: string | undefined | null): Theme {
  return value === "light" || value === "dark" ? value : "system";
}

/** The class on <html>: "light" or "dark" forces a theme, none lets CSS follow the system. */
export function themeClass(theme: Theme): "light" | "dark" | undefined {
  return theme === "system" ? undefined : theme;
}

/** The document.cookie assignment that stores the theme for a year ("system" deletes the cookie). */
export function themeCookie(theme: Theme): string {
  const maxAge = theme === "system" ? 0 : 60 * 60 * 24 * 365;
  const value = theme === "system" ? "" : theme;
  return `${THEME_COOKIE}=${value}; Path=/; Max-Age=${maxAge}; SameSite=Lax`;
}
