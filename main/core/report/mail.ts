import { renderCsv } from './csv';
import type { AbuseReport } from './model';
import { renderTextBody, reportSubject } from './text';

/** What the .eml adapter needs (nodemailer MailComposer options without the library's types). */
export interface MailInput {
  to: string | null;
  from: string | null;
  subject: string;
  text: string;
  attachments: { filename: string; content: string; contentType: string }[];
}

export function csvFileName(r: AbuseReport): string {
  const date = (r.firstSeen?.time ?? r.createdAt).slice(0, 10);
  return `netwhy-report-${r.source.replace(/[:]/g, '-')}-${date}.csv`;
}

export function mailInput(r: AbuseReport): MailInput {
  return {
    to: r.recipient,
    from: r.reporter?.email ? (r.reporter.name ? `${r.reporter.name} <${r.reporter.email}>` : r.reporter.email) : null,
    subject: reportSubject(r),
    text: renderTextBody(r),
    attachments: [{ filename: csvFileName(r), content: renderCsv(r), contentType: 'text/csv; charset=utf-8' }],
  };
}

/**
 * Browsers and mail programs cut long mailto: URLs (Windows' ShellExecute near 2,048 characters, some clients
 * less), so a report that does not fit is opened as an .eml instead.
 */
export const MAILTO_MAX_LENGTH = 1_800;

export type MailtoResult =
  { ok: true; url: string } | { ok: false; reason: 'too-long' | 'no-recipient'; length: number };

// RFC 6068 §2: encode everything outside unreserved characters; line breaks as %0D%0A.
function enc(s: string): string {
  return encodeURIComponent(s.replace(/\r?\n/g, '\r\n'));
}

export function buildMailto(r: AbuseReport, max = MAILTO_MAX_LENGTH): MailtoResult {
  if (!r.recipient) return { ok: false, reason: 'no-recipient', length: 0 };
  const url = `mailto:${encodeURIComponent(r.recipient).replace(/%40/g, '@')}?subject=${enc(reportSubject(r))}&body=${enc(renderTextBody(r))}`;
  return url.length <= max ? { ok: true, url } : { ok: false, reason: 'too-long', length: url.length };
}
