import { readFile } from "node:fs/promises";
import { type APIResponse, expect, type Page, type Request, test } from "@playwright/test";
import { E2E_ALLOWED_ORIGIN } from "../playwright.config";
import { ConsoleShell } from "./pages/console-shell";
import { CreateTopicPage } from "./pages/create-topic-page";
import { MessagesPage } from "./pages/messages-page";
import { ProducePage } from "./pages/produce-page";
import { watchForCspViolations } from "./support/csp";
import {
  commitGroupOffsets,
  createTopic,
  deleteTopicIfPresent,
  produceTo,
  topicNames,
  uniqueName,
} from "./support/kafka";

const FOREIGN_ORIGIN = "https://evil.example";

/** One directive of a policy ("script-src 'self' ..."), or "" when it has none. */
function directive(policy: string, name: string): string {
  return (
    policy
      .split(";")
      .map((d) => d.trim())
      .find((d) => d.split(/\s+/)[0] === name) ?? ""
  );
}

/** The headers every response carries (next.config.ts), and no X-Powered-By. */
function expectFixedHeaders(response: APIResponse): void {
  const headers = response.headers();
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("same-origin");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["cross-origin-opener-policy"]).toBe("same-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["permissions-policy"]).toContain("microphone=()");
  expect(headers["permissions-policy"]).toContain("geolocation=()");
  expect(headers["x-powered-by"]).toBeUndefined();
}

/** A topic with records, as other tests make theirs (asking again is safe just after the cluster started). */
async function makeTopic(name: string): Promise<void> {
  await expect(() => createTopic(name, 1, 3)).toPass({ timeout: 30_000 });
}

/** A click on the theme toggle lands on <html> only if React hydrated the page, so it proves the scripts ran. */
async function expectInteractive(page: Page, theme: "Dark" | "Light"): Promise<void> {
  await page.getByRole("button", { name: theme, exact: true }).first().click();
  await expect(page.locator("html")).toHaveClass(new RegExp(`\\b${theme.toLowerCase()}\\b`));
}

test.describe("security headers", () => {
  test(
    "a page has a Content-Security-Policy with a fresh nonce on every script, no unsafe-inline or " +
      "unsafe-eval, and the fixed headers",
    async ({ request }) => {
      const response = await request.get("/clusters/test/overview");
      expect(response.status()).toBe(200);
      const policy = response.headers()["content-security-policy"] ?? "";
      const scriptSrc = directive(policy, "script-src");
      const nonce = /'nonce-([A-Za-z0-9+/]+={0,2})'/.exec(scriptSrc)?.[1];
      expect(nonce).toBeDefined();
      expect(scriptSrc).toContain("'strict-dynamic'");
      expect(scriptSrc).not.toContain("unsafe-inline");
      expect(policy).not.toContain("unsafe-eval");
      expect(directive(policy, "style-src")).not.toContain("unsafe-inline");
      expect(directive(policy, "default-src")).toBe("default-src 'self'");
      expect(directive(policy, "object-src")).toBe("object-src 'none'");
      expect(directive(policy, "base-uri")).toBe("base-uri 'self'");
      expect(directive(policy, "form-action")).toBe("form-action 'self'");
      expect(directive(policy, "frame-ancestors")).toBe("frame-ancestors 'none'");
      expectFixedHeaders(response);

      // Next.js put this response's nonce on every script it wrote, inline ones included.
      const scripts = (await response.text()).match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
      const again = await request.get("/clusters/test/overview");
      expect(again.headers()["content-security-policy"]).not.toContain(`'nonce-${nonce}'`);

      // The build's static files carry the fixed headers too.
      const chunk = /<script\b[^>]*\bsrc="([^"]+)"/.exec(scripts.join(""))?.[1];
      expect(chunk).toMatch(/^\/_next\/static\//);
      const asset = await request.get(chunk ?? "");
      expect(asset.status()).toBe(200);
      expectFixedHeaders(asset);
    },
  );

  test("API responses, JSON and the message stream, have nosniff and a policy that allows nothing", async ({
    request,
  }) => {
    const topic = uniqueName("e2e-sec-api");
    try {
      await makeTopic(topic);
      await produceTo(topic, { 0: [{ key: "k", value: "v" }] });

      // The console reads metadata through its own client (cached for a second): a topic made elsewhere a moment
      // ago shows up within that.
      await expect
        .poll(async () => (await request.get(`/api/clusters/test/topics/${topic}`)).status(), { timeout: 20_000 })
        .toBe(200);
      const json = await request.get(`/api/clusters/test/topics/${topic}`);
      expect(json.headers()["content-type"]).toContain("application/json");
      expect(directive(json.headers()["content-security-policy"] ?? "", "default-src")).toBe("default-src 'none'");
      expect(directive(json.headers()["content-security-policy"] ?? "", "frame-ancestors")).toBe(
        "frame-ancestors 'none'",
      );
      expectFixedHeaders(json);

      const missing = await request.get("/api/clusters/test/topics/no-such-topic-here");
      expect(missing.status()).toBe(404);
      expectFixedHeaders(missing);

      // The stream still streams through the proxy: its events arrive and it ends with `done`.
      const stream = await request.get(`/api/clusters/test/topics/${topic}/messages?from=oldest&limit=1`);
      expect(stream.status()).toBe(200);
      expect(stream.headers()["content-type"]).toContain("text/event-stream");
      expectFixedHeaders(stream);
      const events = await stream.text();
      expect(events).toContain("event: message");
      expect(events).toContain("event: done");
    } finally {
      await deleteTopicIfPresent(topic);
    }
  });
});

test.describe("the pages under the policy", () => {
  test(
    "every main page loads with no policy violation and hydrates: the theme toggle, navigation, a search, " +
      "a download and a send all work",
    async ({ page }) => {
      const topic = uniqueName("e2e-sec-pages");
      const group = uniqueName("e2e-sec-group");
      try {
        await makeTopic(topic);
        await produceTo(topic, {
          0: [
            { key: "order-1", value: '{"id":1}' },
            { key: "order-2", value: "<script>window.__xss=1</script>" },
          ],
        });
        await commitGroupOffsets(group, topic, { 0: 1 });
        const violations = await watchForCspViolations(page);
        const heading = page.getByRole("heading", { level: 1 });

        await page.goto("/");
        await expect(page).toHaveURL(/\/clusters\/test\/overview$/);
        await expect(heading).toHaveText("Overview");
        await expectInteractive(page, "Dark");

        const pages: [string, string][] = [
          ["/clusters/test/brokers", "Brokers"],
          ["/clusters/test/topics", "Topics"],
          [`/clusters/test/topics/${topic}`, topic],
          ["/clusters/test/consumer-groups", "Consumer groups"],
          [`/clusters/test/consumer-groups/${group}`, group],
          ["/clusters/test/new-topic", "Create topic"],
          [`/clusters/test/produce?topic=${topic}`, "Produce"],
        ];
        for (const [index, [path, title]] of pages.entries()) {
          await page.goto(path);
          await expect(heading).toHaveText(title);
          await expectInteractive(page, index % 2 === 0 ? "Light" : "Dark");
        }

        // A server action under the policy. Sent again if refused with "No such topic or partition": a broker can
        // learn of a topic created a moment ago after the others (the fixtures' produceTo retries the same way), and a
        // refused send wrote nothing.
        const produce = new ProducePage(page);
        await produce.fill({ key: "order-3", value: "sent under the policy" });
        await produce.sendButton.click();
        await expect(async () => {
          if (await produce.formError.isVisible()) await produce.sendButton.click();
          await expect(produce.result).toContainText(`Sent 1 record to ${topic}`, { timeout: 5_000 });
        }).toPass({ timeout: 30_000 });

        // The message stream (EventSource, connect-src 'self'), and a download made from a blob: URL.
        const messages = new MessagesPage(page);
        await messages.open("test", { topic, from: "oldest" });
        await expect(messages.rows).toHaveCount(3);
        await expect(messages.rowWithKey("order-2")).toContainText("<script>window.__xss=1</script>");
        const [download] = await Promise.all([page.waitForEvent("download"), messages.downloadNdjsonButton.click()]);
        expect(download.suggestedFilename()).toMatch(/\.ndjson$/);
        expect((await readFile(await download.path(), "utf8")).trim().split("\n")).toHaveLength(3);

        // Client-side navigation from the sidebar.
        await new ConsoleShell(page).goTo("Topics");
        await expect(heading).toHaveText("Topics");

        expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
        expect(violations()).toEqual([]);
      } finally {
        await deleteTopicIfPresent(topic);
      }
    },
  );

  test("no page may frame the console, not even one of its own origin", async ({ page, baseURL }) => {
    const refusal = page.waitForEvent("console", (message) => message.text().includes("frame-ancestors 'none'"));
    // about:blank: a parent without a policy of its own, so only the console's frame-ancestors can refuse.
    await page.setContent(
      `<iframe title="embedded console" src="${baseURL}/clusters/test/overview" width="800" height="600"></iframe>`,
    );
    await refusal;
    const frame = page.frameLocator('iframe[title="embedded console"]');
    await expect(frame.getByRole("heading", { name: "Overview" })).toHaveCount(0);
  });
});

test.describe("changes only from the console's own origin", () => {
  const made: string[] = [];
  test.afterAll(async () => {
    for (const name of made) await deleteTopicIfPresent(name);
  });

  test(
    "the create-topic action sent from another origin is refused with 403 in words and creates nothing; " +
      "from an allowed origin it works",
    async ({ page, request }) => {
      const name = uniqueName("e2e-sec-csrf");
      made.push(name);

      // The real request of the create-topic form (its action id and body), held back on its way out.
      const form = new CreateTopicPage(page);
      await form.open("test");
      await form.fill({ name, partitions: 1, replicationFactor: 1 });
      const captured = new Promise<Request>((resolve) => {
        void page.route("**/clusters/test/new-topic", async (route) => {
          if (route.request().method() !== "POST") return route.continue();
          resolve(route.request());
          await route.abort();
        });
      });
      await form.submitButton.click();
      const action = await captured;
      const sent = await action.allHeaders();
      const actionId = sent["next-action"] ?? "";
      expect(actionId).toMatch(/^[0-9a-f]{40,}$/);
      expect(action.postData()).toContain(name);
      const replay = (headers: Record<string, string>) =>
        request.post("/clusters/test/new-topic", {
          headers: {
            "Next-Action": actionId,
            "Content-Type": sent["content-type"] ?? "text/plain;charset=UTF-8",
            Accept: "text/x-component",
            ...headers,
          },
          data: action.postData() ?? "",
        });

      const foreign: Record<string, string>[] = [
        { Origin: FOREIGN_ORIGIN },
        { Origin: FOREIGN_ORIGIN, "Sec-Fetch-Site": "cross-site" },
        { Origin: "null" },
        { "Sec-Fetch-Site": "cross-site" },
      ];
      for (const headers of foreign) {
        const refused = await replay(headers);
        expect(refused.status(), JSON.stringify(headers)).toBe(403);
        expect(refused.headers()["content-type"]).toContain("application/json");
        const body = (await refused.json()) as { error: { code: string; message: string } };
        expect(body.error.code).toBe("forbidden_origin");
        expect(body.error.message).toContain("Changes are accepted only from the console's own pages");
        expectFixedHeaders(refused);
      }
      // Other methods too, on any path.
      const deletion = await request.delete(`/api/clusters/test/topics/${name}`, {
        headers: { Origin: FOREIGN_ORIGIN },
      });
      expect(deletion.status()).toBe(403);
      expect(((await deletion.json()) as { error: { code: string } }).error.code).toBe("forbidden_origin");

      expect((await request.get(`/api/clusters/test/topics/${name}`)).status()).toBe(404);
      expect(await topicNames()).not.toContain(name);

      // The very same request from an origin in CONSOLE_ALLOWED_ORIGINS goes through (so it was the origin that was
      // refused), even marked cross-site: the console reached through another address.
      const accepted = await replay({ Origin: E2E_ALLOWED_ORIGIN, "Sec-Fetch-Site": "cross-site" });
      expect(accepted.status()).toBe(200);
      expect(await accepted.text()).toContain(`"ok":true`);
      await expect.poll(async () => (await request.get(`/api/clusters/test/topics/${name}`)).status()).toBe(200);
    },
  );

  test("a produce form too large to send says so in a sentence, and nothing is sent", async ({ page }) => {
    const topic = uniqueName("e2e-sec-large");
    try {
      await makeTopic(topic);
      const produce = new ProducePage(page);
      await produce.open("test", topic);
      const posts: string[] = [];
      page.on("request", (r) => {
        if (r.method() === "POST") posts.push(r.url());
      });
      // Valid for the form (at most 1,000,000 characters) but 4.6 MiB to send: a control character travels as a
      // six-byte JSON escape.
      await produce.field("Value").fill("\u0001".repeat(800_000));
      await expect
        .poll(() => produce.field("Value").evaluate((box) => (box as HTMLTextAreaElement).value.length))
        .toBe(800_000);
      await produce.sendButton.click();
      await expect(produce.formError).toHaveText(
        /^This form is 4\.6 MiB to send; the console accepts at most 4 MiB at a time\. Nothing was sent/,
      );
      expect(posts).toEqual([]);
    } finally {
      await deleteTopicIfPresent(topic);
    }
  });
});
