import { describe, expect, it } from "vitest";
import { authorizeScrape } from "./scrape";

const TOKEN = "s3cret-token-of-enough-length-0123";

describe("who may scrape /metrics", () => {
  it("nobody while the endpoint is off (404, saying how to turn it on)", () => {
    const verdict = authorizeScrape({ enabled: false, token: null }, `Bearer ${TOKEN}`);
    expect(verdict).toMatchObject({ ok: false, status: 404 });
    expect(verdict.ok ? "" : verdict.message).toContain("METRICS_ENABLED=true");
  });

  it("anyone when on without a token (login off)", () => {
    expect(authorizeScrape({ enabled: true, token: null }, null)).toEqual({ ok: true });
  });

  it("only the bearer of the token when one is set", () => {
    const config = { enabled: true, token: TOKEN };
    expect(authorizeScrape(config, `Bearer ${TOKEN}`)).toEqual({ ok: true });
    expect(authorizeScrape(config, `bearer   ${TOKEN}`)).toEqual({ ok: true });
    for (const header of [null, "", "Bearer", `Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(0, -1)}`, `Basic ${TOKEN}`])
      expect(authorizeScrape(config, header), String(header)).toMatchObject({ ok: false, status: 401 });
  });
});
