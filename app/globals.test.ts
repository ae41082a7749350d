import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import tailwind from "@tailwindcss/postcss";
import postcss from "postcss";
import { afterAll, describe, expect, it } from "vitest";

/**
 * The stylesheet is built from the console's sources only, wherever it is built. Tailwind's automatic detection
 * honours .gitignore only inside a Git checkout, so a copy without .git (the Docker build, the benchmarks' build
 * folder) used to take classes from node_modules and the docs too, and shipped twice the CSS.
 */
describe("app/globals.css", () => {
  // A copy of the stylesheet in a folder that is not a Git checkout, with one source file, the docs and a package.
  // Every @source folder exists, as in the project: Tailwind scans the folder above a missing one.
  const dir = mkdtempSync(join(tmpdir(), "console-css-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  for (const folder of ["app", "components", "lib", "docs", "node_modules/some-package"]) {
    mkdirSync(join(dir, folder), { recursive: true });
  }
  cpSync(join(__dirname, "globals.css"), join(dir, "app", "globals.css"));
  writeFileSync(join(dir, "components", "Row.tsx"), 'export const Row = () => <tr className="tabular-nums" />;\n');
  writeFileSync(join(dir, "docs", "guide.md"), "Set `order-42` on the row.\n");
  writeFileSync(join(dir, "node_modules", "some-package", "index.js"), 'export const c = "skew-x-12";\n');
  // The stylesheet imports Tailwind itself, from the project's packages.
  symlinkSync(join(__dirname, "..", "node_modules", "tailwindcss"), join(dir, "node_modules", "tailwindcss"));

  it("holds the classes the sources use and none that only the docs or packages name", async () => {
    const from = join(dir, "app", "globals.css");
    const { css } = await postcss([tailwind()]).process(readFileSync(from, "utf8"), { from });
    expect(css).toContain(".tabular-nums");
    expect(css).not.toContain(".order-42");
    expect(css).not.toContain(".skew-x-12");
  });
});
