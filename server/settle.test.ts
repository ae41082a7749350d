import { describe, expect, it } from "vitest";
import { settledWithin } from "@/server/settle";

const after = <T>(ms: number, value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

describe("settledWithin", () => {
  it("gives the value of a promise that settles in time", async () => {
    expect(await settledWithin(after(5, "early"), 1_000)).toBe("early");
  });

  it("gives null for one that does not, which keeps running", async () => {
    const slow = after(50, "late");
    expect(await settledWithin(slow, 5)).toBeNull();
    expect(await slow).toBe("late");
  });

  it("passes on a rejection in time, and leaves a late one to whoever awaits it", async () => {
    await expect(settledWithin(Promise.reject(new Error("refused")), 1_000)).rejects.toThrow("refused");
    const failing = new Promise((_, reject) => setTimeout(() => reject(new Error("later")), 20));
    expect(await settledWithin(failing, 1)).toBeNull();
    await expect(failing).rejects.toThrow("later");
  });
});
