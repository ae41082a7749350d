"use client";

import { useState } from "react";
import { cx } from "@/lib/cx";
import { type Theme, THEMES, themeClass, themeCookie } from "@/lib/theme";

const LABELS: Record<Theme, string> = { light: "Light", dark: "Dark", system: "System" };

function applyTheme(theme: Theme): void {
  document.cookie = themeCookie(theme);
  const root = document.documentElement;
  root.classList.remove("light", "dark");
  const forced = themeClass(theme);
  if (forced) root.classList.add(forced);
}

/**
 * Light / dark / system, as a group of three toggle buttons (the chosen one has aria-pressed="true"). The
 * choice goes into the `theme` cookie (read by the root layout on the next request) and onto <html> at once,
 * so no reload is needed.
 */
export function ThemeToggle({ initialTheme }: { initialTheme: Theme }) {
  const [theme, setTheme] = useState<Theme>(initialTheme);

  return (
    <div>
      <p id="theme-toggle-label" className="mb-1.5 text-xs font-medium text-muted">
        Theme
      </p>
      <div
        role="group"
        aria-labelledby="theme-toggle-label"
        className="grid grid-cols-3 gap-1 rounded-md border border-line bg-surface p-0.5"
      >
        {THEMES.map((option) => (
          <button
            key={option}
            type="button"
            aria-pressed={theme === option}
            onClick={() => {
              setTheme(option);
              applyTheme(option);
            }}
            className={cx(
              "rounded px-2 py-1 text-center text-xs font-medium",
              theme === option ? "bg-accent-soft text-fg" : "text-muted hover:text-fg",
            )}
          >
            {LABELS[option]}
          </button>
        ))}
      </div>
    </div>
  );
}
