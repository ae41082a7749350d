/**
 * The HTTP API's description and the console's public assets, as the production server serves them: the OpenAPI
 * document at /api/openapi.json, the JSON 404 of unknown API paths, and the favicon and logo from public/ (reachable
 * without a session when login is on, since the sign-in page shows them).
 */
import { expect, request as playwrightRequest, test } from "@playwright/test";
import { AUTH_ORIGIN } from "../scripts/test-support/auth-console";

test.describe("the OpenAPI document", () => {
  test("is served at /api/openapi.json as JSON, describing the read API", async ({ request }) => {
    const answer = await request.get("/api/openapi.json");
    expect(answer.status()).toBe(200);
    expect(answer.headers()["content-type"]).toContain("application/json");
    const doc = (await answer.json()) as { openapi: string; paths: Record<string, { get?: { operationId: string } }> };
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.paths["/api/clusters/{cluster}/topics"]?.get?.operationId).toBe("listTopics");
    expect(doc.paths["/api/clusters/{cluster}/topics/{topic}/messages"]?.get?.operationId).toBe("streamMessages");
  });

  test("unknown API paths, next to it, stay a JSON 404 in words", async ({ request }) => {
    for (const path of ["/api/openapi.yaml", "/api/openapi.json/extra", "/api/no-such-thing"]) {
      const answer = await request.get(path);
      expect(answer.status(), path).toBe(404);
      expect(answer.headers()["content-type"]).toContain("application/json");
      expect(await answer.json()).toEqual({ error: { code: "not_found", message: `No API endpoint at ${path}.` } });
    }
  });

  test("with login on, needs a session like the rest of the API", async () => {
    const anonymous = await playwrightRequest.newContext({ baseURL: AUTH_ORIGIN });
    try {
      const answer = await anonymous.get("/api/openapi.json");
      expect(answer.status()).toBe(401);
      expect(await answer.json()).toMatchObject({ error: { code: "unauthenticated" } });
    } finally {
      await anonymous.dispose();
    }
  });
});

test.describe("the favicon and the logo", () => {
  test("come from public/: the page names the favicon and the sidebar shows the logo", async ({ page, request }) => {
    await page.goto("/clusters/test/overview");
    await expect(page.locator('head link[rel="icon"]')).toHaveAttribute("href", /^\/favicon\.svg/);
    const home = page.getByRole("link", { name: "Kafka Console", exact: true });
    const logo = home.locator("img");
    await expect(logo).toBeVisible();
    expect(await logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    for (const path of ["/favicon.svg", "/logo.svg"]) {
      const answer = await request.get(path);
      expect(answer.status(), path).toBe(200);
      expect(answer.headers()["content-type"]).toContain("image/svg+xml");
    }
  });

  test("with login on, are reachable without a session, and the sign-in page shows the logo", async ({ browser }) => {
    const anonymous = await playwrightRequest.newContext({ baseURL: AUTH_ORIGIN });
    try {
      for (const path of ["/favicon.svg", "/logo.svg"]) expect((await anonymous.get(path)).status(), path).toBe(200);
    } finally {
      await anonymous.dispose();
    }
    const context = await browser.newContext({ baseURL: AUTH_ORIGIN });
    try {
      const page = await context.newPage();
      await page.goto("/login");
      const logo = page.locator('main img[src*="logo.svg"]');
      await expect(logo).toBeVisible();
      expect(await logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    } finally {
      await context.close();
    }
  });
});
