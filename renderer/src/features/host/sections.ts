import type { ComponentType } from 'react';
import { ReportSection } from '../report/ReportSection';
import { VerdictSection } from './VerdictSection';

/**
 * Extra sections of the host panel, shown after the attribution and before the data sources (the verdict section
 * of issue 5, the abuse-report button of issue 7 …). Add an entry here rather than editing HostPanel.tsx.
 */
export const HOST_PANEL_SECTIONS: { id: string; component: ComponentType<{ ip: string }> }[] = [
  { id: 'verdict', component: VerdictSection },
  { id: 'report', component: ReportSection },
];
