import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface SmtpSink {
  port: number;
  got: ReceivedMail[];
  /** Set to refuse the next message with a temporary error (451). */
  refuseNext: { on: boolean };
  close(): Promise<void>;
}

export interface ReceivedMail {
  from: string;
  to: string[];
  user: string | undefined;
  mail: ParsedMail;
  raw: Buffer;
}

/** A real SMTP server (smtp-server) that requires a login and keeps each message, parsed by mailparser. */
export async function smtpSink(port = 0): Promise<SmtpSink> {
  const got: ReceivedMail[] = [];
  const refuseNext = { on: false };
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authMethods: ['PLAIN', 'LOGIN'],
    logger: false,
    onAuth(auth, _session, cb) {
      if (auth.username === 'reports' && auth.password === 'smtp-test-password') cb(null, { user: auth.username });
      else cb(new Error('bad login'));
    },
    onData(stream, session, cb) {
      const parts: Buffer[] = [];
      stream.on('data', (c: Buffer) => parts.push(c));
      stream.on('end', () => {
        if (refuseNext.on) {
          refuseNext.on = false;
          const e = new Error('mailbox busy, try later') as Error & { responseCode: number };
          e.responseCode = 451;
          cb(e);
          return;
        }
        const raw = Buffer.concat(parts);
        void simpleParser(raw).then((mail) => {
          got.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            user: session.user as string | undefined,
            mail,
            raw,
          });
          cb();
        }, cb);
      });
    },
  });
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', () => r()));
  return {
    port: (server.server.address() as { port: number }).port,
    got,
    refuseNext,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
