import { describe, it, expect } from 'vitest';
import { clientIp, clientIpFrom } from './client-ip';

describe('clientIpFrom', () => {
  it('takes the rightmost X-Forwarded-For entry (the one the nearest proxy added)', () => {
    expect(clientIpFrom('1.2.3.4')).toBe('1.2.3.4');
    expect(clientIpFrom('6.6.6.6, 10.0.0.5')).toBe('10.0.0.5');
    expect(clientIpFrom(['6.6.6.6', '203.0.113.9'])).toBe('203.0.113.9');
  });
  it('returns null when there is nothing', () => {
    expect(clientIpFrom(undefined)).toBeNull();
    expect(clientIpFrom('')).toBeNull();
    expect(clientIpFrom(' , ')).toBeNull();
  });
});

describe('clientIp', () => {
  it('reads X-Forwarded-For (never X-Real-IP) from Headers and from a plain header record', () => {
    expect(clientIp(new Headers({ 'x-real-ip': '9.9.9.9', 'x-forwarded-for': '1.1.1.1' }))).toBe('1.1.1.1');
    expect(clientIp(new Headers({ 'x-forwarded-for': '6.6.6.6, 203.0.113.7' }))).toBe('203.0.113.7');
    expect(clientIp({ 'x-forwarded-for': '6.6.6.6, 203.0.113.8' })).toBe('203.0.113.8');
    expect(clientIp(new Headers())).toBeNull();
    expect(clientIp(undefined)).toBeNull();
  });
});
