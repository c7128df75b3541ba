import { createTransport, type Transporter } from 'nodemailer';

export interface MailAttachment {
  filename: string;
  content: Buffer;
  contentType: string;
}

export interface MailMessage {
  to: string[];
  subject: string;
  text: string;
  html: string;
  attachments: MailAttachment[];
}

export interface SentMail {
  messageId: string;
  accepted: string[];
  rejected: string[];
}

/** Sends mail. Null (no MAILER provider value) when SMTP is not configured: deliveries then skip the mail. */
export interface Mailer {
  send(m: MailMessage): Promise<SentMail>;
  close(): void;
}
export const MAILER = Symbol('MAILER');

export interface SmtpSettings {
  /** smtp://user:password@host:port or smtps://…; or host/port/secure/user/password */
  url?: string;
  host?: string;
  port?: number;
  secure?: boolean;
  user?: string;
  password?: string;
  from: string;
}

/** SMTP through nodemailer (pooled connection, STARTTLS when the server offers it unless `secure`). */
export class SmtpMailer implements Mailer {
  private readonly transport: Transporter;
  constructor(private readonly s: SmtpSettings) {
    const common = { pool: true, maxConnections: 2, connectionTimeout: 15_000, socketTimeout: 30_000 };
    this.transport = s.url
      ? createTransport(s.url, { from: s.from })
      : createTransport(
          {
            ...common,
            host: s.host,
            port: s.port ?? 587,
            secure: s.secure ?? s.port === 465,
            ...(s.user ? { auth: { user: s.user, pass: s.password ?? '' } } : {}),
          },
          { from: s.from },
        );
  }

  async send(m: MailMessage): Promise<SentMail> {
    const info = (await this.transport.sendMail({
      from: this.s.from,
      to: m.to,
      subject: m.subject,
      text: m.text,
      html: m.html,
      attachments: m.attachments,
    })) as { messageId: string; accepted?: unknown[]; rejected?: unknown[] };
    return {
      messageId: info.messageId,
      accepted: (info.accepted ?? []).map(String),
      rejected: (info.rejected ?? []).map(String),
    };
  }

  close(): void {
    this.transport.close();
  }
}

/** The mailer the settings ask for, or null without SMTP. */
export function mailerFromSettings(s: SmtpSettings | null): Mailer | null {
  return s && (s.url || s.host) ? new SmtpMailer(s) : null;
}
