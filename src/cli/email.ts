import { openMigratedDatabase } from "../../db/client.js";
import type { Config } from "../config.js";
import type { Logger } from "../logger.js";
import { recordEmailBounce } from "../services/delivery/email-bounces.js";
import { UsageError } from "./usage-error.js";

/**
 * `email bounce < message`: a bounce (delivery status notification) handed
 * over by the mail server's pipe, as POST /email/bounce takes it: the
 * hard-bounced addresses stop getting mail, the coordinators hear of a person
 * left with no channel.
 */
export async function runEmail(
  args: string[],
  stdin: () => string,
  config: Config,
  logger: Logger,
  out: (line: string) => void,
): Promise<void> {
  if (args.length !== 1 || args[0] !== "bounce") throw new UsageError("dùng: nhacviec email bounce < thư-báo-lỗi.eml");
  const raw = stdin();
  const client = await openMigratedDatabase(config, logger, { max: 2 });
  try {
    const result = await recordEmailBounce(client.db, raw, new Date());
    if (result.kind === "not-a-report")
      throw new Error("thư đưa vào không phải thư báo lỗi gửi (multipart/report; report-type=delivery-status)");
    out(
      result.bounced.length === 0
        ? "Thư báo lỗi không có địa chỉ nào bị từ chối hẳn (lỗi tạm thời: máy chủ thư còn gửi lại)."
        : `Địa chỉ bị từ chối: ${result.bounced.join(", ")}; đã đánh dấu không nhận được ${result.marked}.`,
    );
  } finally {
    await client.close();
  }
}
