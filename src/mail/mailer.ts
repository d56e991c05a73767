import type { Transporter } from 'nodemailer';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** Sends mail. Every domain that mails (password resets, the newsletter, sign-in links) takes one. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

interface LogLike {
  info(obj: object, msg: string): void;
}

/**
 * SMTP through nodemailer when `SMTP_URL` is set. Without it (a laptop, a first start) messages are
 * written to the log instead, so a newcomer can still follow a reset link; never do that in production.
 */
export function createMailer(deps: { smtpUrl: string | undefined; from: string; log: LogLike }): Mailer {
  if (!deps.smtpUrl) {
    return {
      async send(message) {
        deps.log.info({ mail: message }, 'SMTP_URL is not set: this message was logged, not sent');
      },
    };
  }
  const smtpUrl = deps.smtpUrl;
  // nodemailer loads with the first message, not at every start.
  let transport: Promise<Transporter> | undefined;
  return {
    async send(message) {
      transport ??= import('nodemailer').then((m) => m.default.createTransport(smtpUrl));
      await (await transport).sendMail({ from: deps.from, ...message });
    },
  };
}
