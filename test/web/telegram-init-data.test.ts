import { describe, expect, it } from "vitest";
import { INIT_DATA_MAX_AGE_SECONDS, signInitData, verifyInitData } from "../../src/web/telegram-init-data.js";

const TOKEN = "123456:ABC-secret";
const now = new Date("2025-07-15T02:00:00Z");
const authDate = (secondsAgo: number) => String(Math.floor(now.getTime() / 1000) - secondsAgo);
const fields = (secondsAgo = 5) => ({
  auth_date: authDate(secondsAgo),
  query_id: "AAHdF6IQAAAAAN0XohDhrOrc",
  user: JSON.stringify({ id: 279058397, first_name: "Vũ", language_code: "vi" }),
});

describe("verifyInitData", () => {
  it("accepts data signed with the bot token and names the Telegram user", () => {
    expect(verifyInitData(signInitData(fields(), TOKEN), TOKEN, now)).toEqual({
      ok: true,
      userId: 279058397,
      authDate: new Date(Number(authDate(5)) * 1000),
    });
  });

  it("refuses data signed with another bot's token, or with any field changed", () => {
    expect(verifyInitData(signInitData(fields(), "999:OTHER"), TOKEN, now)).toMatchObject({ reason: "bad-signature" });
    const signed = signInitData(fields(), TOKEN);
    const changed = signed.replace("279058397", "279058398");
    expect(changed).not.toBe(signed);
    expect(verifyInitData(changed, TOKEN, now)).toMatchObject({ ok: false, reason: "bad-signature" });
  });

  it("refuses data older than the freshness window, and accepts it just inside", () => {
    expect(verifyInitData(signInitData(fields(INIT_DATA_MAX_AGE_SECONDS + 1), TOKEN), TOKEN, now)).toMatchObject({
      reason: "expired",
    });
    expect(verifyInitData(signInitData(fields(INIT_DATA_MAX_AGE_SECONDS - 1), TOKEN), TOKEN, now).ok).toBe(true);
  });

  it("refuses data without a hash, a user or an auth date", () => {
    expect(verifyInitData("", TOKEN, now)).toMatchObject({ reason: "malformed" });
    expect(verifyInitData("auth_date=1&user=%7B%7D", TOKEN, now)).toMatchObject({ reason: "malformed" });
    const withoutUser: Record<string, string> = fields();
    delete withoutUser.user;
    expect(verifyInitData(signInitData(withoutUser, TOKEN), TOKEN, now)).toMatchObject({ reason: "malformed" });
    const withoutDate: Record<string, string> = fields();
    delete withoutDate.auth_date;
    expect(verifyInitData(signInitData(withoutDate, TOKEN), TOKEN, now)).toMatchObject({ reason: "malformed" });
  });
});
