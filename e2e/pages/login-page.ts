import type { Locator, Page } from "@playwright/test";

/** The sign-in page (/login) and the signed-in user box of the console's sidebar. */
export class LoginPage {
  constructor(readonly page: Page) {}

  async open(next?: string): Promise<void> {
    await this.page.goto(next ? `/login?next=${encodeURIComponent(next)}` : "/login");
  }

  get form(): Locator {
    return this.page.getByRole("form", { name: "Sign in" });
  }

  get userName(): Locator {
    return this.form.getByLabel("User name");
  }

  get password(): Locator {
    return this.form.getByLabel("Password");
  }

  get submit(): Locator {
    return this.form.getByRole("button", { name: "Sign in", exact: true });
  }

  /** The form's message (the page also holds Next.js's empty route announcer, an alert too). */
  get error(): Locator {
    return this.page.getByRole("alert").filter({ hasText: /\S/ });
  }

  get singleSignOn(): Locator {
    return this.page.getByRole("link", { name: /^Sign in with / });
  }

  /** Through the test OpenID provider's own pages (oidc-provider's development sign-in, which takes any password). */
  async signInWithProvider(user: string): Promise<void> {
    await this.singleSignOn.click();
    await this.page.locator('input[name="login"]').fill(user);
    await this.page.locator('input[name="password"]').fill("any password");
    await this.page.getByRole("button", { name: "Sign-in" }).click();
    await this.page.getByRole("button", { name: "Continue" }).click();
  }

  async signIn(user: string, password: string): Promise<void> {
    await this.userName.fill(user);
    await this.password.fill(password);
    await this.submit.click();
  }

  /** "Signed in as <name> · <role>" in the sidebar. */
  get signedInAs(): Locator {
    return this.page.getByTestId("signed-in-user");
  }

  get signOut(): Locator {
    return this.page.getByRole("button", { name: "Sign out" });
  }
}
