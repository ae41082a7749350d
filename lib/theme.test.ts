import { describe, expect, it } from "vitest";
import { parseTheme, themeClass, themeCookie } from "./theme";

describe("theme", () => {
  it("parses the cookie, defaulting to system", () => {
    expect(parseTheme("dark")).toBe("dark");
    expect(parseTheme("light")).toBe("light");
    expect(parseTheme("system")).toBe("system");
    expect(parseTheme(undefined)).toBe("system");
    expect(parseTheme("DARK")).toBe("system");
    expect(parseTheme("<script>")).toBe("system");
  });

  it("maps the theme to the class on <html>", () => {
    expect(themeClass("dark")).toBe("dark");
    expect(themeClass("light")).toBe("light");
    expect(themeClass("system")).toBeUndefined();
  });

  it("stores a forced theme for a year and deletes the cookie for system", () => {
    expect(themeCookie("dark")).toBe("theme=dark; Path=/; Max-Age=31536000; SameSite=Lax");
    expect(themeCookie("system")).toBe("theme=; Path=/; Max-Age=0; SameSite=Lax");
  });
});
