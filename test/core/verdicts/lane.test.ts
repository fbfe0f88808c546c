import { describe, expect, it } from 'vitest';
import { laneFor } from '../../../main/core/verdicts/lane';
import { akamaiCloud, akamaiEdge, attribution, residential } from './helpers';

describe('laneFor', () => {
  it.each([
    ['an Akamai edge', akamaiEdge('23.215.0.137'), {}, 'akamai-edge'],
    ['AS63949 (ex-Linode) VMs', akamaiCloud('45.33.32.156'), {}, 'akamai-cloud'],
    [
      'a home peer in a p2p-download',
      residential('126.66.20.9'),
      { verdict: 'p2p-download' as const },
      'akamai-netsession',
    ],
    [
      'anything netsession_win.exe talks to',
      akamaiEdge('23.1.1.1'),
      { process: 'C:\\Users\\a\\AppData\\Local\\Akamai\\netsession_win.exe' },
      'akamai-netsession',
    ],
    ['Cloudflare', attribution('104.18.27.211', 'cloudflare', 'cdn-edge', 13335), {}, 'other-cdn'],
    ['a home connection', residential('126.74.201.3'), {}, 'isp'],
    ['nothing known', null, {}, 'unknown'],
  ])('%s', (_name, a, hint, lane) => {
    expect(laneFor(a, hint)).toBe(lane);
  });
});
