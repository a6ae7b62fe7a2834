import { readFile } from "node:fs/promises";
import { isAbsolute } from "node:path";
import type { BotContext } from "./context.js";

/** Telegram lets bots download files up to 20 MB. */
export const MAX_DOWNLOAD_BYTES = 20 * 1024 * 1024;

/** Downloads a file a person sent: over HTTP from the Bot API, or from disk with a local Bot API server. */
export async function downloadTelegramFile(ctx: BotContext, fileId: string): Promise<Buffer> {
  const file = await ctx.api.getFile(fileId);
  if (!file.file_path) throw new Error("Telegram gave no file_path");
  if (isAbsolute(file.file_path)) return readFile(file.file_path);
  // 20 MB over a slow office line can take a while, but a stalled download must not hold the chat forever.
  const response = await fetch(`${ctx.deps.apiRoot}/file/bot${ctx.deps.token}/${file.file_path}`, {
    signal: AbortSignal.timeout(120_000),
  });
  if (!response.ok) throw new Error(`file download answered ${response.status}`);
  return Buffer.from(await response.arrayBuffer());
}
