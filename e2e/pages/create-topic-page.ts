import { expect, type Locator, type Page } from "@playwright/test";
import { ConsoleShell } from "./console-shell";
import { TopicPage } from "./topic-page";

export type CreateTopicField =
  | "Name"
  | "Partitions"
  | "Replication factor"
  | "Retention time"
  | "Retention size"
  | "Cleanup policy"
  | "Min in-sync replicas"
  | "Max message size";

export interface CreateTopicFields {
  name: string;
  partitions?: number;
  replicationFactor?: number;
  /** An amount in a unit, or "unlimited". */
  retention?: { amount: number; unit: "minutes" | "hours" | "days" } | "unlimited";
  retentionSize?: { amount: number; unit: "MB" | "GB" | "TB" } | "unlimited";
  cleanupPolicy?: "delete" | "compact" | "compact,delete";
  minInsyncReplicas?: number;
  maxMessageSize?: { amount: number; unit: "MB" | "GB" | "TB" };
}

/** The create-topic form at /clusters/{c}/new-topic. */
export class CreateTopicPage {
  readonly shell: ConsoleShell;

  constructor(readonly page: Page) {
    this.shell = new ConsoleShell(page);
  }

  async open(cluster: string): Promise<void> {
    await this.page.goto(`/clusters/${encodeURIComponent(cluster)}/new-topic`);
  }

  get form(): Locator {
    return this.page.getByRole("form", { name: "Create topic" });
  }

  /** A field's control by its label (for amounts, the amount box). */
  field(label: CreateTopicField): Locator {
    return this.form.getByLabel(label, { exact: true });
  }

  /** The unit select beside an amount ("Retention time unit"). */
  unit(label: "Retention time" | "Retention size" | "Max message size"): Locator {
    return this.form.getByLabel(`${label} unit`, { exact: true });
  }

  /** The "Unlimited" checkbox of a retention amount. */
  unlimited(label: "Retention time" | "Retention size"): Locator {
    return this.form.getByRole("checkbox", { name: `Unlimited ${label.toLowerCase()}` });
  }

  /**
   * The error text under a field: the Field wrapper is the nearest ancestor with a <label for>, and its error
   * paragraph has an id ending in "-error" (the control's aria-describedby points at it).
   */
  fieldError(label: CreateTopicField): Locator {
    return this.field(label).locator("xpath=ancestor::div[label[@for]][1]").locator(':scope > p[id$="-error"]');
  }

  /** The warning under a field (e.g. the metric-name collision of a topic name). */
  fieldWarning(label: CreateTopicField): Locator {
    return this.field(label).locator("xpath=ancestor::div[label[@for]][1]").locator(':scope > p[id$="-warning"]');
  }

  /** The form's own message (a refused action, or "Check the fields marked above."). */
  get formError(): Locator {
    return this.form.getByRole("alert");
  }

  get submitButton(): Locator {
    return this.form.getByRole("button", { name: "Create topic", exact: true });
  }

  async fill(fields: CreateTopicFields): Promise<void> {
    await this.field("Name").fill(fields.name);
    if (fields.partitions !== undefined) await this.field("Partitions").fill(String(fields.partitions));
    if (fields.replicationFactor !== undefined)
      await this.field("Replication factor").fill(String(fields.replicationFactor));
    if (fields.retention === "unlimited") await this.unlimited("Retention time").check();
    else if (fields.retention) {
      await this.field("Retention time").fill(String(fields.retention.amount));
      await this.unit("Retention time").selectOption(fields.retention.unit);
    }
    if (fields.retentionSize === "unlimited") await this.unlimited("Retention size").check();
    else if (fields.retentionSize) {
      await this.field("Retention size").fill(String(fields.retentionSize.amount));
      await this.unit("Retention size").selectOption(fields.retentionSize.unit);
    }
    if (fields.cleanupPolicy) await this.field("Cleanup policy").selectOption(fields.cleanupPolicy);
    if (fields.minInsyncReplicas !== undefined)
      await this.field("Min in-sync replicas").fill(String(fields.minInsyncReplicas));
    if (fields.maxMessageSize) {
      await this.field("Max message size").fill(String(fields.maxMessageSize.amount));
      await this.unit("Max message size").selectOption(fields.maxMessageSize.unit);
    }
  }

  /** Fills the form and submits it. */
  async create(fields: CreateTopicFields): Promise<void> {
    await this.fill(fields);
    await this.submitButton.click();
  }

  /**
   * Waits for a create to end on the new topic's page. The console waits up to 10 s for Kafka's answer and up to 10 s
   * more for the new partitions' leaders, so a loaded machine may take 20 s; a refusal fails the test in its words.
   */
  async expectCreated(name: string): Promise<TopicPage> {
    const topic = new TopicPage(this.page);
    await expect(topic.heading.filter({ hasText: name }).or(this.formError)).toBeVisible({ timeout: 30_000 });
    const refusal = (await this.formError.isVisible()) ? await this.formError.textContent() : null;
    expect(refusal, "the create was refused").toBeNull();
    await expect(topic.heading).toHaveText(name);
    return topic;
  }
}
