import nodemailer from 'nodemailer';
import { notifyMessages as M } from './messages.ts';

/** Where and as whom e-mail is sent. */
export interface SmtpSettings {
  host: string;
  port: number;
  /** TLS from the start (465); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  user: string;
  password: string;
  from: string;
}

/** One e-mail: plain text, UTF-8 (nodemailer encodes the Chinese subject and body). */
export interface Email {
  to: string;
  subject: string;
  text: string;
}

/** Sends one e-mail over SMTP; throws a Chinese error (without the password) when it fails. */
export async function sendEmail(smtp: SmtpSettings, email: Email): Promise<void> {
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.password } } : {}),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  try {
    await transport.sendMail({ from: smtp.from, to: email.to, subject: email.subject, text: email.text });
  } catch (error) {
    throw new Error(M.smtpFailed(error instanceof Error ? error.message : String(error)));
  } finally {
    transport.close();
  }
}
