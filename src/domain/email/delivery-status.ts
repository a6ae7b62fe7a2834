/**
 * Reads a delivery status notification (RFC 3464: a `multipart/report;
 * report-type=delivery-status` mail a mail server sends back when it could
 * not deliver). Its `message/delivery-status` part is header blocks: one for
 * the message, then one per recipient (`Final-Recipient`, `Action`,
 * `Status`, `Diagnostic-Code`). Pure: text in, recipients out.
 */

/** One recipient of a report: `failed` with a 5.x.x status is a hard bounce; `delayed` and 4.x.x pass. */
export interface ReportedRecipient {
  address: string;
  action: string;
  status: string;
  diagnostic: string | null;
}

export type DeliveryStatusReport = { kind: "report"; recipients: ReportedRecipient[] } | { kind: "not-a-report" };

/** Header lines with folded continuations joined, as name (lower-cased) to value; the first occurrence wins. */
function fieldsOf(block: string): Map<string, string> {
  const fields = new Map<string, string>();
  let last: string | null = null;
  for (const line of block.split(/\r?\n/)) {
    if (/^[ \t]/.test(line) && last !== null) {
      fields.set(last, `${fields.get(last) ?? ""} ${line.trim()}`);
      continue;
    }
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    last = line.slice(0, colon).trim().toLowerCase();
    if (!fields.has(last)) fields.set(last, line.slice(colon + 1).trim());
    else last = null;
  }
  return fields;
}

/** Splits a message or part into its header block and its body at the first blank line. */
function split(text: string): { headers: Map<string, string>; body: string } {
  const match = /\r?\n\r?\n/.exec(text);
  if (!match) return { headers: fieldsOf(text), body: "" };
  return { headers: fieldsOf(text.slice(0, match.index)), body: text.slice(match.index + match[0].length) };
}

/** A parameter of a Content-Type value (`boundary`, `report-type`), unquoted. */
function parameter(contentType: string, name: string): string | null {
  const match = new RegExp(`;\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, "i").exec(contentType);
  return match ? (match[1] ?? match[2] ?? null) : null;
}

function decoded(body: string, encoding: string | undefined): string {
  const kind = (encoding ?? "").trim().toLowerCase();
  if (kind === "base64") return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (kind === "quoted-printable")
    return body
      .replace(/=\r?\n/g, "")
      .replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return body;
}

/** The parts of a multipart body, each as its raw text (headers and body). */
function partsOf(body: string, boundary: string): string[] {
  const delimiter = `--${boundary}`;
  const parts: string[] = [];
  const chunks = body.split(delimiter);
  // Before the first delimiter is the preamble; after the closing one ("--boundary--") the epilogue.
  for (const chunk of chunks.slice(1)) {
    if (chunk.startsWith("--")) break;
    parts.push(chunk.replace(/^[ \t]*\r?\n/, ""));
  }
  return parts;
}

/** The address of a `Final-Recipient` (or `Original-Recipient`) field: "rfc822; someone@xa.gov.vn". */
function addressOf(field: string): string {
  const value = field.includes(";") ? field.slice(field.indexOf(";") + 1) : field;
  return value.trim().replace(/^<|>$/g, "").toLowerCase();
}

/** The recipients a delivery status notification reports on, or `not-a-report` for any other mail. */
export function readDeliveryStatusReport(raw: string): DeliveryStatusReport {
  const top = split(raw);
  const contentType = top.headers.get("content-type") ?? "";
  const boundary = parameter(contentType, "boundary");
  if (!/^multipart\/report/i.test(contentType) || !boundary) return { kind: "not-a-report" };
  const reportType = parameter(contentType, "report-type");
  if (reportType !== null && reportType.toLowerCase() !== "delivery-status") return { kind: "not-a-report" };
  for (const part of partsOf(top.body, boundary)) {
    const { headers, body } = split(part);
    if (!/^message\/(global-)?delivery-status/i.test(headers.get("content-type") ?? "")) continue;
    const blocks = decoded(body, headers.get("content-transfer-encoding"))
      .split(/\r?\n[ \t]*\r?\n/)
      .map((block) => fieldsOf(block));
    // The first block is about the message (Reporting-MTA, Arrival-Date); each next one is a recipient.
    const recipients = blocks.slice(1).flatMap((fields): ReportedRecipient[] => {
      const recipient = fields.get("final-recipient") ?? fields.get("original-recipient");
      if (!recipient) return [];
      return [
        {
          address: addressOf(recipient),
          action: (fields.get("action") ?? "").toLowerCase(),
          status: (fields.get("status") ?? "").split(/\s/)[0] ?? "",
          diagnostic: fields.get("diagnostic-code") ?? null,
        },
      ];
    });
    return { kind: "report", recipients };
  }
  return { kind: "not-a-report" };
}

/** The addresses a report says will not take mail: action failed with a permanent (5.x.x) status. */
export function hardBounces(report: DeliveryStatusReport): string[] {
  if (report.kind !== "report") return [];
  return [
    ...new Set(
      report.recipients.filter((r) => r.action === "failed" && r.status.startsWith("5")).map((r) => r.address),
    ),
  ];
}
