import { describe, it, expect } from 'vitest';
import { clientIpFrom } from './ip';

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
