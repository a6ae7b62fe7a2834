/** A real SMTP server on a loopback port for tests: keeps each mail (parsed by mailparser) and refuses chosen recipients. */
import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface TestSmtpServer {
  url: string;
  /** Every mail accepted, once per recipient. */
  arrived: Array<{ to: string; mail: ParsedMail }>;
  /** Recipients refused at RCPT TO, with the code answered (550, 451, …). */
  refusing: Map<string, number>;
  mailsTo(address: string): ParsedMail[];
  close(): Promise<void>;
}

export async function startTestSmtpServer(): Promise<TestSmtpServer> {
  const arrived: TestSmtpServer["arrived"] = [];
  const refusing = new Map<string, number>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      const code = refusing.get(address.address);
      if (code === undefined) return callback();
      const text = code >= 500 ? "5.1.1 mailbox unavailable" : "4.2.1 try again later";
      callback(Object.assign(new Error(text), { responseCode: code }));
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          for (const to of session.envelope.rcptTo) arrived.push({ to: to.address, mail });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    arrived,
    refusing,
    mailsTo: (address) => arrived.filter((a) => a.to === address).map((a) => a.mail),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
