import type { ReactNode } from 'react';
import { ReportButton } from './ReportButton';

/** The host panel's report section (features/host/sections.ts): one click creates the report and opens it. */
export function ReportSection(props: { ip: string }): ReactNode {
  return (
    <section className="report-section">
      <ReportButton selection={{ kind: 'host', host: props.ip }} />
    </section>
  );
}
