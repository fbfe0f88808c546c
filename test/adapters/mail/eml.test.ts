import PostalMime from 'postal-mime';
import { describe, expect, it } from 'vitest';
import { buildEml } from '../../../main/adapters/mail/eml';
import { buildReport } from '../../../main/core/report/build';
import { renderCsv } from '../../../main/core/report/csv';
import { mailInput } from '../../../main/core/report/mail';
import { renderTextBody } from '../../../main/core/report/text';
import { AKAMAI_EDGE, ufwEvents } from '../../core/report/ufw-events';

describe('.eml', () => {
  it('parses back (postal-mime) to the same body, recipient, subject and CSV attachment', async () => {
    const r = buildReport(
      {
        host: AKAMAI_EDGE.ip,
        events: ufwEvents('ufw-akamai-reply.log'),
        attribution: AKAMAI_EDGE,
        verdict: { id: 'cdn-reply' },
      },
      {
        reportId: '6f1c2a9e-4b7d-4c1e-9a3f-2d5e8b7c1a00',
        now: Date.UTC(2026, 10, 21),
        language: 'ja',
        redact: true,
        japaneseCopy: true,
        reporter: { name: '田中 海斗', email: 'kaito@example.jp' },
      },
    );
    const eml = await buildEml(mailInput(r), { date: new Date(Date.UTC(2026, 10, 21)) });
    const text = eml.toString('utf8');
    expect(text).toMatch(/^X-Unsent: 1\r$/m);
    expect(text).not.toContain('192.168.1.130');

    const parsed = await PostalMime.parse(eml);
    expect(parsed.to?.[0]).toMatchObject({ address: 'abuse@akamai.com' });
    expect(parsed.from).toMatchObject({ address: 'kaito@example.jp', name: '田中 海斗' });
    expect(parsed.subject).toBe(
      'Abuse report: unsolicited TCP traffic from 23.205.116.42 (AS20940) - 3 events, 2026-11-21',
    );
    // Bodies compare after line-end normalisation: RFC 5322 lines end in CRLF on the wire.
    expect(parsed.text?.replace(/\r\n/g, '\n').trimEnd()).toBe(renderTextBody(r).trimEnd());
    expect(parsed.attachments).toHaveLength(1);
    const att = parsed.attachments[0];
    expect(att?.filename).toBe('netwhy-report-23.205.116.42-2026-11-21.csv');
    expect(att?.mimeType).toBe('text/csv');
    const content = att?.content;
    const csv = typeof content === 'string' ? content : new TextDecoder().decode(content);
    expect(csv).toBe(renderCsv(r));
  });
});
