import { describe, expect, it } from "vitest";
import { emailFailureOf } from "../../../src/channels/email/email-channel.js";
import { emailHtml, subjectOf } from "../../../src/channels/email/email-format.js";

describe("subjectOf", () => {
  it("takes the given subject, else the first line without chat symbols, cut to a readable length", () => {
    expect(subjectOf({ subject: "Tổng hợp", text: "x" })).toBe("Tổng hợp");
    expect(subjectOf({ text: "\n⏰ Nhắc việc: 2 việc sắp đến hạn\nI.1 …" })).toBe("Nhắc việc: 2 việc sắp đến hạn");
    expect(subjectOf({ text: "a".repeat(300) })).toHaveLength(120);
  });
});

describe("emailHtml", () => {
  it("escapes the text, keeps its lines, makes links clickable and puts the chart inline", () => {
    const html = emailHtml(
      { text: "<b>Việc</b> & hạn\nhttps://x.example/t/abc", photo: { png: Buffer.from(""), fileName: "c.png" } },
      "chart@x",
    );
    expect(html).toContain("&lt;b&gt;Việc&lt;/b&gt; &amp; hạn<br>");
    expect(html).toContain('<a href="https://x.example/t/abc">https://x.example/t/abc</a>');
    expect(html).toContain('<img src="cid:chart@x" alt="c.png">');
  });
});

describe("emailFailureOf", () => {
  it("reads a 5xx at RCPT or DATA as the address refusing mail, other 5xx as a rejected message", () => {
    expect(emailFailureOf({ responseCode: 550, command: "RCPT TO", code: "EENVELOPE" })).toEqual({
      kind: "unreachable",
    });
    expect(emailFailureOf({ responseCode: 554, command: "DATA", code: "EMESSAGE" })).toEqual({ kind: "unreachable" });
    expect(emailFailureOf({ responseCode: 530, command: "MAIL FROM" })).toEqual({ kind: "rejected" });
  });

  it("retries 4xx answers, refused connections and timeouts; anything else may have arrived", () => {
    expect(emailFailureOf({ responseCode: 451, command: "RCPT TO" })).toEqual({ kind: "transient" });
    expect(emailFailureOf({ code: "ECONNECTION" })).toEqual({ kind: "transient" });
    expect(emailFailureOf({ code: "ETIMEDOUT" })).toEqual({ kind: "transient" });
    expect(emailFailureOf(new Error("strange"))).toEqual({ kind: "unknown" });
  });
});
