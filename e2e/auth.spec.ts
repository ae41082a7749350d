/**
 * Login and roles, against the second console of the browser tests (login on: scripts/test-support/auth-console.ts)
 * and the real test cluster. Every server action is called, as every role, the way a hostile client could (over
 * HTTP, without the page): each answers exactly as the role allows, and a refusal leaves the cluster as it was.
 */
import { type APIRequestContext, expect, request as playwrightRequest, test } from "@playwright/test";
import { AUTH_ORIGIN, TEST_USERS, type TestUser } from "../scripts/test-support/auth-console";
import { callAction } from "./support/actions";
import {
  commitGroupOffsets,
  committedOffsets,
  createTopic,
  deleteTopicIfPresent,
  groupIds,
  produceTo,
  topicNames,
  uniqueName,
  withAdmin,
} from "./support/kafka";
import { LoginPage } from "./pages/login-page";
import { ProducePage } from "./pages/produce-page";

test.use({ baseURL: AUTH_ORIGIN });

/** An API client signed in as one of the test users (the session cookie stays in its jar). */
async function signedIn(user: TestUser): Promise<APIRequestContext> {
  const context = await playwrightRequest.newContext({ baseURL: AUTH_ORIGIN });
  const answer = await callAction(context, AUTH_ORIGIN, "signIn", [
    { username: user, password: TEST_USERS[user].password },
  ]);
  expect(answer.result, `sign-in of ${user}`).toMatchObject({ ok: true });
  return context;
}

async function partitionsOf(topic: string): Promise<number> {
  return withAdmin(
    async (admin) => (await admin.fetchTopicMetadata({ topics: [topic] })).topics[0]?.partitions.length ?? 0,
  );
}

async function retentionOf(topic: string): Promise<string | undefined> {
  return withAdmin(async (admin) => {
    const answer = await admin.describeConfigs({
      includeSynonyms: false,
      resources: [{ type: 2, name: topic, configNames: ["retention.ms"] }],
    });
    return answer.resources[0]?.configEntries.find((e) => e.configName === "retention.ms")?.configValue;
  });
}

/** A broker's value of one config (its own, the cluster-wide default, or Kafka's default). */
async function brokerConfig(broker: number, name: string): Promise<string | undefined> {
  return withAdmin(async (admin) => {
    const answer = await admin.describeConfigs({
      includeSynonyms: false,
      resources: [{ type: 4, name: String(broker), configNames: [name] }],
    });
    return answer.resources[0]?.configEntries.find((e) => e.configName === name)?.configValue;
  });
}

/** Each partition's replicas, by partition number. */
async function replicasOf(topic: string): Promise<number[][]> {
  return withAdmin(async (admin) =>
    ((await admin.fetchTopicMetadata({ topics: [topic] })).topics[0]?.partitions ?? [])
      .sort((a, b) => a.partitionId - b.partitionId)
      .map((p) => p.replicas),
  );
}

/** Low and high watermarks, by partition number. */
async function watermarks(topic: string): Promise<{ low: string; high: string }[]> {
  return withAdmin(async (admin) =>
    (await admin.fetchTopicOffsets(topic))
      .sort((a, b) => a.partition - b.partition)
      .map((p) => ({ low: p.low, high: p.high })),
  );
}

test.describe("login is required", () => {
  test("pages send a visitor to the sign-in page, the API answers 401 in words, health names no cluster", async ({
    page,
    request,
  }) => {
    await page.goto("/clusters/test/topics");
    await expect(page).toHaveURL(/\/login\?next=%2Fclusters%2Ftest%2Ftopics$/);
    const login = new LoginPage(page);
    await expect(login.form).toBeVisible();
    await expect(login.singleSignOn).toHaveText("Sign in with Test ID");

    for (const path of [
      "/api/clusters",
      "/api/clusters/test/topics",
      "/api/clusters/test/topics/x/messages?from=oldest",
    ]) {
      const answer = await request.get(path);
      expect(answer.status(), path).toBe(401);
      expect(await answer.json()).toEqual({
        error: { code: "unauthenticated", message: expect.stringMatching(/^Sign in/) },
      });
    }
    const health = await request.get("/api/health");
    expect(health.status()).toBe(200);
    expect((await health.json()).clusters).toEqual([]);

    // An action without a session is refused, and nothing is created.
    const name = uniqueName("auth-anon");
    const answer = await callAction(request, AUTH_ORIGIN, "createTopic", [
      "test",
      { name, partitions: 1, replicationFactor: 1 },
    ]);
    expect(answer.result).toMatchObject({ ok: false, message: expect.stringMatching(/^Sign in/) });
    expect(await topicNames()).not.toContain(name);
  });

  test(
    "a wrong password is refused in words; the right one signs in, shows the role, and sign out ends the " + "session",
    async ({ page }) => {
      const login = new LoginPage(page);
      await login.open("/clusters/test/brokers");
      // Empty fields are named beside the inputs, on the page, before anything is sent.
      await login.submit.click();
      await expect(login.userName).toHaveAccessibleDescription("Enter your user name.");
      await expect(login.password).toHaveAccessibleDescription("Enter your password.");
      await login.userName.fill("operator");
      await expect(login.userName).not.toHaveAttribute("aria-invalid", "true");
      await login.signIn("operator", "not-the-password");
      await expect(login.error).toHaveText("Wrong user name or password.");
      await expect(page).toHaveURL(/\/login/);

      await login.signIn("operator", TEST_USERS.operator.password);
      await expect(page).toHaveURL(/\/clusters\/test\/brokers$/);
      await expect(login.signedInAs).toHaveText("operator");
      await expect(page.getByText("· operator")).toBeVisible();
      const cookie = (await page.context().cookies()).find((c) => c.name === "kc_session");
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax" });
      expect(cookie?.value).not.toContain(TEST_USERS.operator.password);

      await login.signOut.click();
      await expect(page).toHaveURL(/\/login$/);
      await page.goto("/clusters/test/brokers");
      await expect(page).toHaveURL(/\/login\?next=/);
    },
  );

  test("until its scripts run, the sign-in form takes nothing, so a password never leaves in the page's URL", async ({
    browser,
  }) => {
    // Without scripts the page stays as the server rendered it: what a slow machine shows before it hydrates. A form
    // that took input then would submit natively, a GET of /login with the user name and password in its URL.
    const context = await browser.newContext({ baseURL: AUTH_ORIGIN, javaScriptEnabled: false });
    try {
      const login = new LoginPage(await context.newPage());
      await login.open();
      await expect(login.form).toBeVisible();
      for (const control of [login.userName, login.password, login.submit]) await expect(control).toBeDisabled();
    } finally {
      await context.close();
    }
    // With its scripts, the same form takes input (the tests around this one sign in through it).
  });

  test("repeated failed sign-ins for one name are slowed down, without blocking other users", async () => {
    const context = await playwrightRequest.newContext({ baseURL: AUTH_ORIGIN });
    const name = uniqueName("mallory");
    // Three free tries, then growing delays (1 s, 2 s, ...): a guesser slows down, nobody is locked out.
    for (let i = 0; i < 4; i++) {
      const answer = await callAction(context, AUTH_ORIGIN, "signIn", [{ username: name, password: `guess-${i}` }]);
      expect(answer.result).toEqual({ ok: false, message: "Wrong user name or password." });
    }
    const blocked = await callAction(context, AUTH_ORIGIN, "signIn", [{ username: name, password: "guess-5" }]);
    expect(blocked.result).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^Too many failed sign-ins\. Try again in (a second|2 seconds)\.$/),
    });
    await (await signedIn("viewer")).dispose();
    await context.dispose();
  });

  test("single sign-on through an OpenID Connect provider gives the roles its claims map to", async ({
    page,
    browser,
  }) => {
    const login = new LoginPage(page);
    await login.open("/clusters/test/topics");
    await login.signInWithProvider("admin-ana");
    await expect(page).toHaveURL(`${AUTH_ORIGIN}/clusters/test/topics`);
    await expect(login.signedInAs).toHaveText("admin-ana@example.com");
    await expect(page.getByText("· admin")).toBeVisible();
    await expect(page.getByRole("link", { name: "Create topic", exact: true })).toBeVisible();
    await login.signOut.click();
    await expect(page).toHaveURL(/\/login$/);

    // Someone in no mapped group gets the default role (a viewer of "test"), in a browser of their own.
    const other = await browser.newContext({ baseURL: AUTH_ORIGIN });
    const otherLogin = new LoginPage(await other.newPage());
    await otherLogin.open("/clusters/test/topics");
    await otherLogin.signInWithProvider("someone");
    await expect(otherLogin.signedInAs).toHaveText("someone@example.com");
    await expect(otherLogin.page.getByText("· viewer")).toBeVisible();
    await expect(otherLogin.page.getByRole("link", { name: "Create topic", exact: true })).toHaveCount(0);
    await other.close();
  });
});

test.describe("roles", () => {
  test("each role sees the clusters and message contents it is granted", async () => {
    const viewer = await signedIn("viewer");
    const reader = await signedIn("reader");
    const operator = await signedIn("operator");
    const names = async (c: APIRequestContext) =>
      ((await (await c.get("/api/clusters")).json()) as { name: string }[]).map((x) => x.name).sort();
    expect(await names(viewer)).toEqual(["test"]);
    expect(await names(operator)).toEqual(["readonly", "test"]);

    const topic = uniqueName("auth-read");
    await createTopic(topic, 1, 1);
    try {
      const viewerStream = await viewer.get(`/api/clusters/test/topics/${topic}/messages?from=oldest&limit=1`);
      expect(viewerStream.status()).toBe(403);
      expect(await viewerStream.json()).toEqual({
        error: {
          code: "forbidden",
          message: "viewer may not read message contents on this cluster (a viewer needs viewer+messages).",
        },
      });
      await expect
        .poll(async () => (await viewer.get(`/api/clusters/test/topics/${topic}`)).status(), { timeout: 20_000 })
        .toBe(200);
      const readerStream = await reader.get(`/api/clusters/test/topics/${topic}/messages?from=oldest&limit=1`);
      expect(readerStream.status()).toBe(200);
      expect(readerStream.headers()["content-type"]).toContain("text/event-stream");
      expect((await viewer.get("/api/clusters/readonly/topics")).status()).toBe(403);
    } finally {
      await deleteTopicIfPresent(topic);
      for (const c of [viewer, reader, operator]) await c.dispose();
    }
  });

  /** Every action, by the role it needs (lib/auth/permissions.ts), checked against the cluster itself. */
  for (const user of ["viewer", "reader", "operator", "admin"] as const) {
    test(`${user}: every action answers as the role allows, and a refusal changes nothing`, async () => {
      const context = await signedIn(user);
      const mayOperate = user === "operator" || user === "admin";
      const mayAdmin = user === "admin";
      const topic = uniqueName(`auth-${user}`);
      const created = uniqueName(`auth-${user}-new`);
      const groupId = uniqueName(`auth-${user}-group`);
      await createTopic(topic, 2, 1);
      await produceTo(topic, { 0: [{ value: "a" }, { value: "b" }], 1: [{ value: "c" }] });
      await commitGroupOffsets(groupId, topic, { 0: 2, 1: 1 });
      // The console reads metadata through its own client: act once it knows the topic, as a user would.
      await expect
        .poll(async () => (await context.get(`/api/clusters/test/topics/${topic}`)).status(), { timeout: 20_000 })
        .toBe(200);
      const call = async (name: string, input: unknown) =>
        (await callAction(context, AUTH_ORIGIN, name, ["test", input])).result;
      const refused = expect.objectContaining({
        ok: false,
        message: expect.stringMatching(
          new RegExp(`^${user} may not do this: it needs the (operator|admin) role on this cluster\\.$`),
        ),
      });
      try {
        // Operator actions
        const produced = await call("produceMessages", {
          topic,
          partition: 0,
          key: null,
          value: "from the test",
          valueFormat: "text",
          headers: [],
          copies: 1,
          compression: "none",
        });
        expect(produced).toEqual(mayOperate ? expect.objectContaining({ ok: true }) : refused);
        expect((await watermarks(topic))[0]?.high).toBe(mayOperate ? "3" : "2");

        const preview = await call("previewOffsetReset", {
          groupId,
          scope: { kind: "all" },
          strategy: { kind: "earliest" },
        });
        expect(preview).toEqual(mayOperate ? expect.objectContaining({ ok: true }) : refused);

        const applied = await call("applyOffsetReset", {
          groupId,
          plan: [{ topic, partition: 0, expectedOffset: "2", offset: "0" }],
        });
        expect(applied).toEqual(mayOperate ? expect.objectContaining({ ok: true }) : refused);
        expect((await committedOffsets(groupId, topic))[0]).toBe(mayOperate ? "0" : "2");

        const undone = await call("undoOffsetReset", { groupId });
        expect(undone).toEqual(mayOperate ? expect.objectContaining({ ok: true }) : refused);
        expect((await committedOffsets(groupId, topic))[0]).toBe("2");

        // Admin actions
        expect(await call("createTopic", { name: created, partitions: 1, replicationFactor: 1 })).toEqual(
          mayAdmin ? expect.objectContaining({ ok: true }) : refused,
        );
        expect((await topicNames()).includes(created)).toBe(mayAdmin);

        expect(
          await call("alterTopicConfigs", { name: topic, set: [{ key: "retention.ms", value: "3600000" }], reset: [] }),
        ).toEqual(mayAdmin ? expect.objectContaining({ ok: true }) : refused);
        expect(await retentionOf(topic)).toBe(mayAdmin ? "3600000" : "604800000");

        expect(await call("addPartitions", { name: topic, partitions: 3 })).toEqual(
          mayAdmin ? expect.objectContaining({ ok: true }) : refused,
        );
        expect(await partitionsOf(topic)).toBe(mayAdmin ? 3 : 2);

        expect(await call("purgeTopic", { name: topic })).toEqual(
          mayAdmin ? expect.objectContaining({ ok: true }) : refused,
        );
        expect((await watermarks(topic)).map((p) => p.low)).toEqual(
          mayAdmin ? (await watermarks(topic)).map((p) => p.high) : ["0", "0"],
        );

        expect(await call("deleteConsumerGroup", { groupId, confirmation: groupId })).toEqual(
          mayAdmin ? expect.objectContaining({ ok: true }) : refused,
        );
        expect((await groupIds()).includes(groupId)).toBe(!mayAdmin);

        // Cluster operations: broker configs, leader election, partition reassignment.
        expect(
          await call("alterBrokerConfigs", { broker: 1, set: [{ key: "log.cleaner.threads", value: "2" }], reset: [] }),
        ).toEqual(mayAdmin ? expect.objectContaining({ ok: true }) : refused);
        expect(await brokerConfig(1, "log.cleaner.threads")).toBe(mayAdmin ? "2" : "1");
        if (mayAdmin)
          expect(await call("alterBrokerConfigs", { broker: 1, set: [], reset: ["log.cleaner.threads"] })).toEqual(
            expect.objectContaining({ ok: true }),
          );
        expect(await brokerConfig(1, "log.cleaner.threads")).toBe("1");

        expect(await call("electLeaders", { topic, partitions: null })).toEqual(
          mayAdmin ? expect.objectContaining({ ok: true }) : refused,
        );

        const from = (await replicasOf(topic))[0] ?? [];
        const to = from[0] === 1 ? 2 : 1;
        expect(
          await call("reassignPartitions", {
            topic,
            partitions: [{ partition: 0, replicas: [to] }],
            throttleBytesPerSecond: null,
          }),
        ).toEqual(mayAdmin ? expect.objectContaining({ ok: true }) : refused);
        await expect
          .poll(async () => (await replicasOf(topic))[0], { timeout: 30_000 })
          .toEqual(mayAdmin ? [to] : from);
        // The move is over: the admin is told nothing is left to cancel; the others, that their role may not.
        expect(await call("cancelReassignment", { topic, partitions: null })).toEqual(
          mayAdmin
            ? expect.objectContaining({ ok: false, message: `No reassignment of topic "${topic}" is in progress.` })
            : refused,
        );
        expect(await call("removeReassignmentThrottle", { topic })).toEqual(
          mayAdmin ? expect.objectContaining({ ok: true }) : refused,
        );

        expect(await call("deleteTopic", { name: topic, confirmation: topic })).toEqual(
          mayAdmin ? expect.objectContaining({ ok: true }) : refused,
        );
        await expect.poll(async () => (await topicNames()).includes(topic)).toBe(!mayAdmin);
      } finally {
        // A broker config the admin set stays on the cluster if the test stopped before resetting it.
        if (mayAdmin)
          await call("alterBrokerConfigs", { broker: 1, set: [], reset: ["log.cleaner.threads"] }).catch(
            () => undefined,
          );
        await deleteTopicIfPresent(topic);
        await deleteTopicIfPresent(created);
        await withAdmin((admin) => admin.deleteGroups([groupId])).catch(() => undefined);
        await context.dispose();
      }
    });
  }

  test("a viewer is told that their role, not the cluster, is why a writable cluster offers no producing", async ({
    page,
  }) => {
    const login = new LoginPage(page);
    await login.open("/clusters/test/produce");
    await login.signIn("viewer", TEST_USERS.viewer.password);
    await expect(page).toHaveURL(/\/clusters\/test\/produce$/);
    const produce = new ProducePage(page);
    await expect(produce.heading).toBeVisible();
    await expect(produce.roleNote).toHaveText(
      "Your role on this cluster (viewer) can't produce messages; that needs the operator role.",
    );
    await expect(produce.readOnlyNote).toHaveCount(0);
    await expect(produce.sendButton).toBeDisabled();
  });

  test("a read-only cluster refuses every change, whatever the role", async () => {
    const operator = await signedIn("operator");
    const admin = await signedIn("admin");
    const topic = uniqueName("auth-readonly");
    await createTopic(topic, 1, 1);
    try {
      for (const context of [operator, admin]) {
        const answer = await callAction(context, AUTH_ORIGIN, "produceMessages", [
          "readonly",
          {
            topic,
            partition: 0,
            key: null,
            value: "x",
            valueFormat: "text",
            headers: [],
            copies: 1,
            compression: "none",
          },
        ]);
        expect(answer.result).toEqual(
          expect.objectContaining({
            ok: false,
            message: 'Cluster "readonly" is read-only: the console makes no changes to it.',
          }),
        );
      }
      expect((await watermarks(topic))[0]?.high).toBe("0");
    } finally {
      await deleteTopicIfPresent(topic);
      await operator.dispose();
      await admin.dispose();
    }
  });
});
