/**
 * Pages open with their data: the server renders each page's first rows into its HTML (app/prefetched.tsx), with
 * the API's own authorization, and links prefetch their route on intent only (components/ui/Link.tsx).
 */
import { expect, type Locator, request as playwrightRequest, test } from "@playwright/test";
import { AUTH_ORIGIN, TEST_USERS } from "../scripts/test-support/auth-console";
import type { TopicsResponse } from "../lib/api/types";
import { callAction } from "./support/actions";
import {
  commitGroupOffsets,
  createTopic,
  deleteTopicIfPresent,
  produceTo,
  uniqueName,
  withAdmin,
} from "./support/kafka";
import { BrokersPage } from "./pages/brokers-page";
import { GroupPage } from "./pages/group-page";
import { GroupsPage } from "./pages/groups-page";
import { MessagesPage } from "./pages/messages-page";
import { TopicPage } from "./pages/topic-page";
import { TopicsPage } from "./pages/topics-page";

/** The link a topics table row renders for a topic: in the HTML only when the server rendered the row. */
function topicRowLink(cluster: string, topic: string): string {
  return `href="/clusters/${cluster}/topics/${topic}"`;
}

/**
 * Opens a page without JavaScript until `visible` shows. A first read slower than the page's inline budget streams
 * in after the shell (app/prefetched.tsx), and without JavaScript a streamed part stays hidden; on a loaded machine
 * the next load finds the read's fresh cached result and renders it inline. A page that never puts its rows in the
 * HTML fails here.
 */
async function inHtml(open: () => Promise<unknown>, visible: Locator): Promise<void> {
  await expect(async () => {
    await open();
    await expect(visible).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
}

/** A value that would run if it were ever put into the page as HTML. */
const SCRIPT = "<script>window.__xss=1</script>";
/** Records of the messages topic: partition 0 holds SCRIPT, then `value-1` … `value-599`. */
const RECORDS = 600;

test.describe("pages open with their data", () => {
  const topic = uniqueName("e2e-first-paint");
  const groupId = uniqueName("e2e-first-paint-group");
  const messagesTopic = uniqueName("e2e-first-paint-msg");

  test.beforeAll(async () => {
    await createTopic(topic, 3, 1);
    await createTopic(messagesTopic, 1, 1);
    // A new topic's partitions reach every broker a moment after it is created.
    await expect(async () => commitGroupOffsets(groupId, topic, { 0: 0, 1: 0, 2: 0 })).toPass({ timeout: 30_000 });
    const values = Array.from({ length: RECORDS }, (_, i) => ({
      key: `k-${i}`,
      value: i === 0 ? SCRIPT : `value-${i}`,
    }));
    await expect(async () => produceTo(messagesTopic, { 0: values })).toPass({ timeout: 30_000 });
  });
  test.afterAll(async () => {
    await withAdmin(async (admin) => admin.deleteGroups([groupId]).catch(() => undefined));
    await deleteTopicIfPresent(topic);
    await deleteTopicIfPresent(messagesTopic);
  });

  test("the HTML of the topics page holds the first topics' names (no browser)", async ({ request }) => {
    const html = await (await request.get("/clusters/test/topics")).text();
    // The page's default view is the API's default listing: external topics by name.
    const first = ((await (await request.get("/api/clusters/test/topics?limit=5")).json()) as TopicsResponse).topics;
    expect(first.length).toBeGreaterThan(0);
    for (const { name } of first) expect(html).toContain(topicRowLink("test", name));
    // A search in the URL is applied on the server too.
    const searched = await (await request.get(`/clusters/test/topics?q=${topic}`)).text();
    expect(searched).toContain(topicRowLink("test", topic));
  });

  test.describe("with JavaScript disabled", () => {
    test.use({ javaScriptEnabled: false });

    test("topics, a topic's partitions, groups, a group's offsets and brokers show their first rows", async ({
      page,
    }) => {
      test.setTimeout(180_000);
      const topics = new TopicsPage(page);
      await inHtml(() => topics.open("test", { q: topic }), topics.row(topic));
      await expect(topics.cell(topic, "Partitions")).toHaveText("3");

      const detail = new TopicPage(page);
      await inHtml(() => detail.open("test", topic), detail.partitionRow(2));
      await expect(detail.partitionRows).toHaveCount(3);

      const groups = new GroupsPage(page);
      await inHtml(() => groups.open("test", { q: groupId }), groups.row(groupId));
      await expect(groups.cell(groupId, "Topics")).toContainText(topic);

      const group = new GroupPage(page);
      await inHtml(() => group.open("test", groupId), group.offsetRow(topic, 2));
      await expect(group.offsetRow(topic, 0)).toBeVisible();

      const brokers = new BrokersPage(page);
      await inHtml(() => brokers.open("test"), brokers.row(3));
      for (const id of [1, 2]) await expect(brokers.row(id)).toBeVisible();
    });

    test("a bounded message search shows its first records, as text; a live tail is the browser's", async ({
      page,
      request,
    }) => {
      test.setTimeout(120_000);
      const messages = new MessagesPage(page);
      await inHtml(
        () => messages.open("test", { topic: messagesTopic, from: "oldest", limit: "3" }),
        messages.row(0, 2),
      );
      await expect(messages.cell(messages.row(0, 0), "Value")).toHaveText(SCRIPT);
      await expect(messages.cell(messages.row(0, 1), "Value")).toHaveText("value-1");
      // Never more than the search asked for.
      expect(await messages.rowIds()).toEqual(["0:0", "0:1", "0:2"]);
      await expect(messages.status).toHaveText("Stopped at the limit (3 messages)");
      // The value is text in the HTML, escaped; no script element was made of it.
      await expect(page.locator("script").filter({ hasText: /^window\.__xss=1$/ })).toHaveCount(0);
      const html = await (
        await request.get(`/clusters/test/messages?topic=${messagesTopic}&from=oldest&limit=3`)
      ).text();
      expect(html).toContain("&lt;script&gt;window.__xss=1&lt;/script&gt;");

      // A live tail never ends, so the server renders none of it.
      const live = await (await request.get(`/clusters/test/messages?topic=${messagesTopic}&from=live`)).text();
      expect(live).not.toContain("data-message-id");
      expect(live).not.toContain("value-1");
    });
  });

  test("a bounded message search opens with its records and the browser does not read them again", async ({ page }) => {
    const streams: string[] = [];
    page.on("request", (r) => {
      if (new URL(r.url()).pathname.endsWith(`/topics/${messagesTopic}/messages`)) streams.push(r.url());
    });
    const messages = new MessagesPage(page);
    await messages.open("test", { topic: messagesTopic, from: "oldest", limit: "5" });
    await expect(messages.status).toHaveText("Stopped at the limit (5 messages)");
    expect(await messages.rowIds()).toEqual(["0:0", "0:1", "0:2", "0:3", "0:4"]);
    await expect(messages.cell(messages.row(0, 0), "Value")).toHaveText(SCRIPT);
    await page.waitForLoadState("networkidle");
    expect(streams).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();

    // More records than the server puts into a page: the browser reads the rest from where the server stopped.
    await messages.open("test", { topic: messagesTopic, from: "oldest", limit: String(RECORDS) });
    await expect(messages.row(0, 0)).toBeVisible();
    await expect(messages.status).toHaveText(`Stopped at the limit (${RECORDS} messages)`);
    await expect(messages.figure("Shown")).toHaveText("600");
    expect(streams).toHaveLength(1);
    const resumed = new URL(streams[0] ?? "").searchParams;
    expect(resumed.get("from")).toBe("offset");
    const at = Number(/^0:(\d+)$/.exec(resumed.get("offset") ?? "")?.[1]);
    expect(at).toBeGreaterThan(0);
    expect(Number(resumed.get("limit")) + at).toBe(RECORDS);
  });

  test("a cold load sends no route prefetch; hovering a nav link sends one", async ({ page }) => {
    const prefetches: string[] = [];
    page.on("request", (r) => {
      if (new URL(r.url()).searchParams.has("_rsc")) prefetches.push(r.url());
    });
    const topics = new TopicsPage(page);
    await topics.open("test", { q: topic });
    await expect(topics.row(topic)).toBeVisible();
    await page.waitForLoadState("networkidle");
    expect(prefetches).toEqual([]);

    // Next fetches one route prefetch in parts (the route tree, then the segments it does not hold yet), so one
    // prefetch is one or two requests, depending on what the page load already brought.
    const to = (path: string) => prefetches.filter((u) => new URL(u).pathname === path).length;
    await topics.shell.link("Consumer groups").hover();
    await expect.poll(() => to("/clusters/test/consumer-groups")).toBeGreaterThan(0);
    await page.waitForTimeout(1_000);
    const groupsPrefetch = to("/clusters/test/consumer-groups");
    expect(groupsPrefetch).toBeLessThanOrEqual(2);
    // Once per link, whatever the pointer does next.
    await topics.shell.link("Brokers").hover();
    await topics.shell.link("Consumer groups").hover();
    await expect.poll(() => to("/clusters/test/brokers")).toBeGreaterThan(0);
    await page.waitForTimeout(1_000);
    expect(to("/clusters/test/consumer-groups")).toBe(groupsPrefetch);
  });

  test("login on: the server render shows only what the signed-in user may read", async () => {
    const signedIn = async (user: "viewer" | "operator") => {
      const context = await playwrightRequest.newContext({ baseURL: AUTH_ORIGIN });
      const answer = await callAction(context, AUTH_ORIGIN, "signIn", [
        { username: user, password: TEST_USERS[user].password },
      ]);
      expect(answer.result, `sign-in of ${user}`).toMatchObject({ ok: true });
      return context;
    };
    const anonymous = await playwrightRequest.newContext({ baseURL: AUTH_ORIGIN });
    const viewer = await signedIn("viewer");
    const operator = await signedIn("operator");
    try {
      // The readonly cluster is the same Kafka: only access decides whether its topics are shown.
      const html = async (c: typeof viewer, cluster: string) =>
        (await c.get(`/clusters/${cluster}/topics?q=${topic}`)).text();
      expect(await html(viewer, "test")).toContain(topicRowLink("test", topic));
      expect(await html(operator, "readonly")).toContain(topicRowLink("readonly", topic));
      // (The name is in the URL, so the page may echo it: only a rendered row links to the topic.)
      expect(await html(viewer, "readonly")).not.toContain(topicRowLink("readonly", topic));
      expect(await html(anonymous, "test")).not.toContain(topicRowLink("test", topic));
    } finally {
      for (const c of [anonymous, viewer, operator]) await c.dispose();
    }
  });
});
