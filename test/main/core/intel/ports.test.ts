import { describe, expect, it } from 'vitest';
import { ianaServiceName, portStory } from '../../../../main/core/intel/ports';

describe('port stories', () => {
  it.each([
    [80, 'tcp', 'http', /replies from a web server/],
    [443, 'tcp', 'https', /HTTPS/],
    [443, 'udp', 'https', /QUIC/],
    [554, 'tcp', 'rtsp', /RTSP/],
    [8080, 'tcp', 'http-alt', /alternative HTTP/],
    [1755, 'tcp', 'ms-streaming', /Windows Media/],
    [1755, 'udp', 'ms-streaming', /MMSU/],
    [2000, 'udp', 'cisco-sccp', /6970-6999.*not confirmed/],
    [6970, 'udp', null, /RTP on even ports/],
    [6999, 'udp', 'iatp-normalpri', /RTP on even ports/],
    [7070, 'tcp', 'arcp', /RealPlayer/],
    [5005, 'udp', 'avt-profile-2', /RTSPU/],
    [51234, 'tcp', null, /ephemeral/],
  ])('%i/%s: IANA %s, story %s', (port, proto, service, story) => {
    const s = portStory(port, proto);
    expect(s.service).toBe(service);
    expect(s.story.en).toMatch(story);
    expect(s.story.ja.length).toBeGreaterThan(5);
    expect(s.known).toBe(true);
  });

  it('falls back to the IANA registration for other ports, and says what that means', () => {
    const s = portStory(22, 'TCP');
    expect(s).toMatchObject({ service: 'ssh', proto: 'tcp', known: false });
    expect(s.story.en).toContain('IANA registers TCP 22 as "ssh"');
    expect(s.story.ja).toContain('ssh');
    expect(portStory(1023, 'udp').known).toBe(false);
  });

  it('names services by port and protocol', () => {
    expect(ianaServiceName(53, 'udp')).toBe('domain');
    expect(ianaServiceName(443, 'udp6')).toBe('https');
    expect(ianaServiceName(6970, 'udp')).toBeNull();
  });
});
