import { describe, expect, it } from 'vitest';
import { isSafeExternalUrl, isTrustedRendererUrl } from '../main/security-policy';

describe('window security policy', () => {
  const built = 'file:///opt/NetWhy/resources/app.asar/out/renderer/index.html';

  it('trusts only the app’s own renderer page', () => {
    expect(isTrustedRendererUrl(built, built)).toBe(true);
    expect(isTrustedRendererUrl(`${built}#/timeline`, built)).toBe(true);
    expect(isTrustedRendererUrl('file:///etc/passwd', built)).toBe(false);
    expect(isTrustedRendererUrl('https://evil.example/index.html', built)).toBe(false);
    expect(isTrustedRendererUrl('http://localhost:5173/x', 'http://localhost:5173/')).toBe(true);
    expect(isTrustedRendererUrl('http://localhost:5174/', 'http://localhost:5173/')).toBe(false);
    expect(isTrustedRendererUrl('not a url', built)).toBe(false);
  });

  it('opens only https and mailto links outside the app', () => {
    expect(isSafeExternalUrl('https://www.akamai.com/legal/compliance/abuse')).toBe(true);
    expect(isSafeExternalUrl('mailto:abuse@akamai.com?subject=Report')).toBe(true);
    expect(isSafeExternalUrl('file:///C:/Windows/System32/calc.exe')).toBe(false);
    expect(isSafeExternalUrl('javascript:alert(1)')).toBe(false);
    expect(isSafeExternalUrl('http://plain.example')).toBe(false);
  });
});
