import MailComposer from 'nodemailer/lib/mail-composer';
import type { MailInput } from '../../core/report/mail';

/**
 * An RFC 5322 message (text body + CSV attachment) the user opens in their mail program and sends themselves.
 * `X-Unsent: 1` makes Outlook and Windows Mail open the file as a draft to send rather than as a received message.
 * Nothing here sends mail: MailComposer only composes (no transport).
 */
export async function buildEml(
  input: MailInput,
  options: { date?: Date; messageIdDomain?: string } = {},
): Promise<Buffer> {
  const composer = new MailComposer({
    ...(input.from ? { from: input.from } : {}),
    ...(input.to ? { to: input.to } : {}),
    subject: input.subject,
    text: input.text,
    textEncoding: 'quoted-printable',
    date: options.date ?? new Date(),
    headers: { 'X-Unsent': '1' },
    attachments: input.attachments.map((a) => ({
      filename: a.filename,
      content: a.content,
      contentType: a.contentType,
    })),
  });
  return composer.compile().build();
}
