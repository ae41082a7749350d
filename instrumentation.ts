/** Runs once when the server starts (Node runtime only): see server/startup.ts. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { checkConfigAtStartup } = await import("@/server/startup");
    checkConfigAtStartup();
    (await import("@/server/alerts/service")).startAlerting();
  }
}
