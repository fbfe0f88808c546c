import { z } from 'zod';
import { invoke } from './define';

/** One data file the offline attribution uses: the bundled database, or the user's CSV/MMDB layered over it. */
export const IpDataSource = z.object({
  kind: z.enum(['bundled', 'csv', 'mmdb']),
  path: z.string(),
  /** ISO date of the data (package build date, MMDB build epoch, or the CSV file's modification date). */
  dataDate: z.string().nullable(),
  /** Which fields come from this file. */
  provides: z.object({ asn: z.boolean(), country: z.boolean() }),
  description: z.string(),
});
export type IpDataSource = z.infer<typeof IpDataSource>;

/** A credit the data's licence asks the app to show (About box). */
export const IpDataCredit = z.object({
  name: z.string(),
  via: z.string(),
  version: z.string(),
  license: z.string(),
  attribution: z.string(),
  url: z.string(),
});
export type IpDataCredit = z.infer<typeof IpDataCredit>;

export const IpDataInfo = z.object({
  sources: z.array(IpDataSource),
  credits: z.array(IpDataCredit),
  /** Range counts of the bundled database; null when it is missing. */
  counts: z.object({ rangesV4: z.number().int(), rangesV6: z.number().int() }).nullable(),
  /** The user's file (settings.ipDatabasePath) could not be read; the bundled data is used instead. */
  userFileError: z
    .object({
      file: z.string(),
      /** 1-based line of a malformed CSV; null for other problems. */
      line: z.number().int().nullable(),
      message: z.string(),
    })
    .nullable(),
  /** The bundled database is missing or unreadable (a development checkout without npm run build:ipdb). */
  bundledError: z.string().nullable(),
});
export type IpDataInfo = z.infer<typeof IpDataInfo>;

export const ipdbInvoke = {
  'intel.dataInfo': invoke(z.undefined(), IpDataInfo),
};

export const ipdbEvents = {};
