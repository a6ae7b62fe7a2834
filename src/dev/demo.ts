/**
 * `npm run demo`: nhacviec with nothing installed or configured. An embedded
 * database, a local Bot API emulator, the bot and the reminder worker play the
 * first ten weeks of seed 000 (Gio Sơn 2025) on a fast clock, and print the
 * conversation as the four people would see it in Telegram, and a fifth on
 * Zalo (a local Zalo API emulator), whose reminders carry a link per task.
 * The story is src/dev/demo-script.ts; every run prints the same chats.
 */
import { runDemo } from "./demo-script.js";

runDemo((text) => process.stdout.write(text)).catch((error: unknown) => {
  process.stderr.write(`demo failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
