/**
 * `/email <họ tên> <địa chỉ>`: a coordinator gives a person's email (the name
 * as `/nguoi` shows it); a confirmation mail goes to the address, and only
 * its owner opening the link turns it on. The same service as the web's
 * people page.
 */
import { Composer } from "grammy";
import { loadRoster } from "../../services/people/roster.js";
import { requestEmailAddress } from "../../services/people/email-addresses.js";
import type { BoundContext } from "../context.js";
import { refusalText } from "../refusals.js";

const foldName = (name: string) => name.normalize("NFC").trim().replace(/\s+/g, " ").toLocaleLowerCase("vi");

export function emailAddressFeature(): Composer<BoundContext> {
  const composer = new Composer<BoundContext>();
  composer.command("email", async (ctx) => {
    const { deps, viewer, t } = ctx;
    if (!deps.email) {
      await ctx.reply(t("email-not-enabled"));
      return;
    }
    const words = ctx.match.trim().split(/\s+/);
    const address = words.pop() ?? "";
    const name = foldName(words.join(" "));
    if (name === "" || !address.includes("@")) {
      await ctx.reply(t("email-set-usage"));
      return;
    }
    const roster = await loadRoster(deps.db, viewer, viewer.organizationId, deps.now());
    if (roster.kind !== "ok") {
      await ctx.reply(refusalText(t, roster, { "not-allowed": "invite-not-allowed" }));
      return;
    }
    const matches = roster.groups.flatMap((g) => g.people).filter((p) => foldName(p.name) === name);
    const person = matches[0];
    if (matches.length !== 1 || !person) {
      await ctx.reply(t("email-set-usage"));
      return;
    }
    const email = deps.email;
    const result = await requestEmailAddress(
      { db: deps.db, email: email.channel, now: deps.now(), confirmUrl: (token) => email.confirmUrl(token) },
      viewer,
      person.personId,
      address,
    );
    if (result.kind === "invalid") await ctx.reply(t("email-address-invalid", { address: result.address }));
    else if (result.kind === "taken") await ctx.reply(t("email-address-taken", { address: result.address }));
    else if (result.kind === "confirmation-sent")
      await ctx.reply(t("email-confirmation-sent", { address: result.address, name: result.name }));
    else await ctx.reply(refusalText(t, result, { "not-allowed": "invite-not-allowed" }));
  });
  return composer;
}
