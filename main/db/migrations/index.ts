import type { Migration } from './types';
import { migration as m0001 } from './0001_connections';
import { migration as m0002 } from './0002_imports';
import { migration as m0003 } from './0003_intel';
import { migration as m0004 } from './0004_hosts';
import { migration as m0005 } from './0005_reports';
import { migration as m0006 } from './0006_timeline';
import { migration as m0007 } from './0007_hosts_rowid';
import { migration as m0008 } from './0008_host_details';
import { migration as m0009 } from './0009_event_remote';
import { migration as m0010 } from './0010_import_error_code';
import { migration as m0011 } from './0011_import_continues';

/** Every migration, in order. Add new ones at the end with the next number. */
export const MIGRATIONS: readonly Migration[] = [
  m0001,
  m0002,
  m0003,
  m0004,
  m0005,
  m0006,
  m0007,
  m0008,
  m0009,
  m0010,
  m0011,
];
