import type { Owner } from '../../model/attribution';

/**
 * Public DNS resolvers: anycast addresses every home PC may talk to, identified exactly (the providers publish
 * them: 1.1.1.1 Cloudflare, 8.8.8.8 Google, 9.9.9.9 Quad9, 208.67.222.222 OpenDNS).
 */
export const PUBLIC_RESOLVERS: ReadonlyMap<string, { owner: Owner; name: string }> = new Map(
  (
    [
      ['1.1.1.1', 'cloudflare', 'Cloudflare DNS (1.1.1.1)'],
      ['1.0.0.1', 'cloudflare', 'Cloudflare DNS (1.1.1.1)'],
      ['2606:4700:4700::1111', 'cloudflare', 'Cloudflare DNS (1.1.1.1)'],
      ['2606:4700:4700::1001', 'cloudflare', 'Cloudflare DNS (1.1.1.1)'],
      ['8.8.8.8', 'google', 'Google Public DNS'],
      ['8.8.4.4', 'google', 'Google Public DNS'],
      ['2001:4860:4860::8888', 'google', 'Google Public DNS'],
      ['2001:4860:4860::8844', 'google', 'Google Public DNS'],
      ['9.9.9.9', 'quad9', 'Quad9 DNS'],
      ['149.112.112.112', 'quad9', 'Quad9 DNS'],
      ['2620:fe::fe', 'quad9', 'Quad9 DNS'],
      ['208.67.222.222', 'opendns', 'Cisco OpenDNS'],
      ['208.67.220.220', 'opendns', 'Cisco OpenDNS'],
    ] as const
  ).map(([ip, owner, name]) => [ip, { owner, name }]),
);
