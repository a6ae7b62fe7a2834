import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { hardBounces, readDeliveryStatusReport } from "../../../src/domain/email/delivery-status.js";

const postfix = readFileSync(new URL("../../fixtures/email/postfix-bounce.eml", import.meta.url), "utf8");

describe("a delivery status notification", () => {
  it("reads each recipient of a Postfix bounce: folded fields joined, the address lower-cased", () => {
    const report = readDeliveryStatusReport(postfix);
    expect(report).toEqual({
      kind: "report",
      recipients: [
        {
          address: "ke.toan.cu@xa.gov.vn",
          action: "failed",
          status: "5.1.1",
          diagnostic:
            "smtp; 550 5.1.1 <ke.toan.cu@xa.gov.vn>: Recipient address rejected: User unknown in virtual mailbox table",
        },
        {
          address: "van.phong@xa.gov.vn",
          action: "delayed",
          status: "4.4.1",
          diagnostic: "X-Postfix; connect to mail.huyen.gov.vn[10.0.1.9]:25: Connection timed out",
        },
      ],
    });
    // Only the permanent failure is a bounce: the delayed one is still being tried.
    expect(hardBounces(report)).toEqual(["ke.toan.cu@xa.gov.vn"]);
  });

  it("reads the same report with LF line ends and a base64 status part", () => {
    const status = [
      "Reporting-MTA: dns; mx.xa.gov.vn",
      "",
      "Final-Recipient: rfc822; <chu.tich@xa.gov.vn>",
      "Action: failed",
      "Status: 5.2.2 (mailbox full)",
      "",
    ].join("\r\n");
    const raw = [
      'Content-Type: multipart/report; boundary="b1"; report-type="delivery-status"',
      "",
      "--b1",
      "Content-Type: text/plain",
      "",
      "Mailbox full.",
      "--b1",
      "Content-Type: message/delivery-status",
      "Content-Transfer-Encoding: base64",
      "",
      Buffer.from(status).toString("base64"),
      "--b1--",
      "",
    ].join("\n");
    expect(hardBounces(readDeliveryStatusReport(raw))).toEqual(["chu.tich@xa.gov.vn"]);
  });

  it("is not a report: an ordinary mail, another kind of report, a report without its status part", () => {
    expect(readDeliveryStatusReport("Subject: Chào\r\nContent-Type: text/plain\r\n\r\nXin chào")).toEqual({
      kind: "not-a-report",
    });
    expect(
      readDeliveryStatusReport(
        'Content-Type: multipart/report; report-type=disposition-notification; boundary="x"\r\n\r\n--x\r\n\r\n--x--',
      ),
    ).toEqual({ kind: "not-a-report" });
    const withoutStatus = postfix.replace("Content-Type: message/delivery-status", "Content-Type: text/plain");
    expect(readDeliveryStatusReport(withoutStatus)).toEqual({ kind: "not-a-report" });
    expect(hardBounces({ kind: "not-a-report" })).toEqual([]);
  });
});
