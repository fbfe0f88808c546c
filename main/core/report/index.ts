export * from './model';
export {
  buildReport,
  defaultSummary,
  DEFAULT_MAX_EVENTS,
  listedEvents,
  listedEventsCollector,
  reportTotals,
  reportTotalsAccumulator,
  type ReportInput,
  type ReportTotalsAccumulator,
} from './build';
export { renderTextBody, reportSubject, eventTableLines } from './text';
export { renderCsv, CSV_HEADER } from './csv';
export { buildXarf, renderXarf, XARF_VERSION, PLACEHOLDER_CONTACT, type XarfReport } from './xarf';
export { mailInput, buildMailto, csvFileName, MAILTO_MAX_LENGTH, type MailInput, type MailtoResult } from './mail';
export { chooseRecipient, KNOWN_ABUSE_CONTACTS, isEmailAddress } from './abuse-contacts';
export { createRedactor, isLanAddress, syslogHostNames } from './redact';
export { HARMLESS_WARNINGS } from './texts';
export { reportTime } from './time';
