/**
 * Every page in a 390 px window (a phone held upright): nothing makes the page itself wider than the window. Wide
 * tables scroll sideways inside their own box; the page never does. Run in light and dark mode, with real data.
 */
import { expect, type Page, test } from "@playwright/test";
import { commitGroupOffsets, createTopic, deleteTopicIfPresent, produceTo, uniqueName } from "./support/kafka";
import { deleteSubjectIfPresent, registerSubject } from "./support/registry";

const WIDTH = 390;
const topic = uniqueName("e2e-narrow-topic-with-a-rather-long-name-that-does-not-fit");
const group = uniqueName("e2e-narrow-group-with-a-rather-long-id-that-does-not-fit");
const subject = `${topic}-value`;

test.use({ viewport: { width: WIDTH, height: 844 } });

test.beforeAll(async () => {
  await createTopic(topic, 3, 3);
  const records = (p: number) =>
    Array.from({ length: 20 }, (_, i) => ({
      key: `key-${p}-${i}`,
      value: JSON.stringify({ p, i, text: "x".repeat(300) }),
    }));
  await produceTo(topic, { 0: records(0), 1: records(1), 2: records(2) });
  await commitGroupOffsets(group, topic, { 0: 5, 1: 10, 2: 0 });
  const v1 = {
    type: "record",
    name: "Narrow",
    fields: [{ name: "aVeryLongFieldNameThatDoesNotFitAtAll", type: "string" }],
  };
  await registerSubject(subject, { schema: JSON.stringify(v1) });
  await registerSubject(subject, {
    schema: JSON.stringify({ ...v1, fields: [...v1.fields, { name: "more", type: "long", default: 0 }] }),
  });
});

test.afterAll(async () => {
  await deleteTopicIfPresent(topic);
  await deleteSubjectIfPresent(subject);
});

/** How far the page reaches past the window's right edge, and the widest element that makes it do so. */
async function overflow(page: Page): Promise<{ width: number; culprit: string | null }> {
  return page.evaluate((limit) => {
    const width = document.documentElement.scrollWidth;
    let culprit: string | null = null;
    if (width > limit) {
      // The first element past the edge that no scroll box of its own clips: what widens the page.
      const clipped = (el: Element) => {
        for (let up = el.parentElement; up; up = up.parentElement)
          if (getComputedStyle(up).overflowX !== "visible")
            return up !== document.documentElement && up !== document.body;
        return false;
      };
      for (const el of Array.from(document.querySelectorAll<HTMLElement>("body *"))) {
        const box = el.getBoundingClientRect();
        if (box.right > limit + 1 && box.width > 0 && !clipped(el)) {
          const name = `${el.tagName.toLowerCase()}.${el.className.toString().slice(0, 80)}`;
          culprit = `${name}: right ${Math.round(box.right)}`;
          break;
        }
      }
    }
    return { width, culprit };
  }, WIDTH);
}

const c = "/clusters/test";
const t = encodeURIComponent(topic);
const g = encodeURIComponent(group);
/** Each page, with what must be in its main part before it is measured (its data, not a skeleton), if anything. */
const PAGES: [string, string | null][] = [
  [`${c}/overview`, "Busiest topics"],
  [`${c}/brokers`, null],
  [`${c}/brokers/1`, null],
  [`${c}/quorum`, null],
  [`${c}/topics`, topic],
  [`${c}/topics/${t}`, "High watermark"],
  [`${c}/topics/${t}?tab=messages`, "Newest messages"],
  [`${c}/topics/${t}?tab=consumers`, group],
  [`${c}/topics/${t}?tab=configs`, "cleanup.policy"],
  [`${c}/topics/${t}/reassign`, null],
  [`${c}/new-topic`, null],
  [`${c}/consumer-groups`, group],
  [`${c}/consumer-groups/${g}`, topic],
  [`${c}/consumer-groups/${g}/reset-offsets`, null],
  [`${c}/messages?topic=${t}&from=oldest&limit=30`, "Stopped at the limit"],
  [`${c}/produce?topic=${t}`, null],
  [`${c}/schemas?q=${t}`, subject],
  [`${c}/schemas/${encodeURIComponent(subject)}`, "Compare versions"],
  [`${c}/access?tab=acls`, null],
  [`${c}/access?tab=users`, null],
  [`${c}/access?tab=quotas`, null],
  ["/audit", null],
];

for (const theme of ["light", "dark"] as const) {
  test(`every page fits a ${WIDTH} px window (${theme})`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.context().addCookies([{ name: "theme", value: theme, url: test.info().project.use.baseURL ?? "" }]);
    const wide: string[] = [];
    for (const [path, marker] of PAGES) {
      await page.goto(path);
      const main = page.locator("main");
      await expect(main.getByRole("heading", { level: 1 })).toBeVisible();
      if (marker !== null) await expect(main.getByText(marker).first()).toBeVisible();
      // Whatever the page still loads (its lists, its figures) in place before measuring.
      await page.waitForLoadState("networkidle", { timeout: 10_000 }).catch(() => undefined);
      const { width, culprit } = await overflow(page);
      if (width > WIDTH) wide.push(`${path}: ${width} px (${culprit ?? "?"})`);
    }
    expect(wide).toEqual([]);
  });
}
