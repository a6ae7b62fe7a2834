/** What the emulators share: waiting for a message in a simulated person's inbox. */

/** How long an idle connection to an emulator stays open: longer than any pause of a test or the demo. */
export const KEEP_ALIVE_MS = 10 * 60_000;

/** Waits for a message in `inbox()` after its `after`-th one that matches, polling every 20 ms. */
export async function waitForMessageIn<M extends { text: string }>(
  who: string,
  inbox: () => M[],
  predicate: (message: M) => boolean,
  options: { after?: number; timeoutMs?: number },
): Promise<M> {
  const deadline = Date.now() + (options.timeoutMs ?? 10_000);
  for (;;) {
    const found = inbox()
      .slice(options.after ?? 0)
      .find(predicate);
    if (found) return found;
    if (Date.now() > deadline) {
      throw new Error(`${who}: no matching message; inbox: ${JSON.stringify(inbox().map((m) => m.text.slice(0, 80)))}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
