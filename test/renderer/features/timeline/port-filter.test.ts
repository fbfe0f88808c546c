import { describe, expect, it } from 'vitest';
import { parsePort } from '../../../../renderer/src/features/timeline/port-filter';

describe('the port filter field', () => {
  it('takes a whole port number, and empty as no filter', () => {
    expect(parsePort(' 443 ')).toEqual({ ok: true, port: 443 });
    expect(parsePort('0')).toEqual({ ok: true, port: 0 });
    expect(parsePort('65535')).toEqual({ ok: true, port: 65_535 });
    expect(parsePort('')).toEqual({ ok: true, port: undefined });
  });

  it('refuses what is not a port instead of clamping or ignoring it', () => {
    for (const bad of ['-5', '99999', '65536', '80a', '1.5', '1e3']) expect(parsePort(bad)).toEqual({ ok: false });
  });
});
