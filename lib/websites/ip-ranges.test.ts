import { describe, it, expect } from 'vitest';
import { parseIpRange, ipRangesError, IP_MESSAGES } from './ip-ranges';

const NOT_PUBLIC = '请填写公网IP';

describe('parseIpRange: valid public ranges', () => {
  it('accepts an IPv4 range', () => {
    expect(parseIpRange('1.2.3.4', '1.2.3.10')).toEqual({ ok: true, family: 4, start: '1.2.3.4', end: '1.2.3.10' });
    expect(parseIpRange(' 8.8.8.0 ', '8.8.8.255')).toEqual({ ok: true, family: 4, start: '8.8.8.0', end: '8.8.8.255' });
  });
  it('accepts a single-address range', () => {
    expect(parseIpRange('114.114.114.114', '114.114.114.114')).toEqual({ ok: true, family: 4, start: '114.114.114.114', end: '114.114.114.114' });
    expect(parseIpRange('2400:3200::1', '2400:3200::1')).toEqual({ ok: true, family: 6, start: '2400:3200::1', end: '2400:3200::1' });
  });
  it('accepts an IPv6 range and normalises it to the short form', () => {
    expect(parseIpRange('2001:4860:4860:0000:0000:0000:0000:8888', '2001:4860:4860::88FF')).toEqual({
      ok: true,
      family: 6,
      start: '2001:4860:4860::8888',
      end: '2001:4860:4860::88ff',
    });
    expect(parseIpRange('240e:0:0:0:0:0:0:1', '240e::ffff')).toEqual({ ok: true, family: 6, start: '240e::1', end: '240e::ffff' });
  });
  it('accepts a range whose endpoints sit right next to special blocks', () => {
    expect(parseIpRange('9.0.0.0', '9.255.255.255').ok).toBe(true);
    expect(parseIpRange('11.0.0.0', '100.63.255.255').ok).toBe(true);
    expect(parseIpRange('172.32.0.0', '172.32.0.10').ok).toBe(true);
  });
  it('stores an IPv4-mapped public address as IPv4', () => {
    expect(parseIpRange('::ffff:8.8.8.8', '8.8.8.9')).toEqual({ ok: true, family: 4, start: '8.8.8.8', end: '8.8.8.9' });
  });
});

describe('parseIpRange: non-public addresses', () => {
  it.each([
    '10.0.0.1', // private
    '172.16.5.4', // private
    '192.168.1.1', // private
    '127.0.0.1', // loopback
    '169.254.1.1', // link-local
    '100.64.0.1', // CGNAT
    '224.0.0.1', // multicast
    '0.0.0.0', // unspecified
    '255.255.255.255', // broadcast
    '240.0.0.1', // reserved
    '192.0.2.1', // documentation TEST-NET-1
    '198.51.100.7', // documentation TEST-NET-2
    '203.0.113.9', // documentation TEST-NET-3
    '198.18.0.1', // benchmarking
    '192.0.0.8', // IETF protocol assignments
    '::1', // loopback
    '::', // unspecified
    'fe80::1', // link-local
    'fd00::1', // ULA
    'fc00::1', // ULA
    'ff02::1', // multicast
    '::ffff:10.0.0.1', // IPv4-mapped private
    '::ffff:127.0.0.1', // IPv4-mapped loopback
    '2001:db8::1', // documentation
    '3fff::1', // documentation
    '2001:2::1', // benchmarking
    '2002:c0a8:101::1', // 6to4
    '2001:0:4136:e378::1', // Teredo
    '64:ff9b::a00:1', // NAT64
    '4000::1', // outside 2000::/3
    '::8.8.8.8', // IPv4-compatible (deprecated)
    'fec0::1', // site-local (deprecated)
  ])('refuses %s', (ip) => {
    expect(parseIpRange(ip, ip)).toEqual({ ok: false, field: 'start', message: NOT_PUBLIC });
  });
  it('refuses a non-public end address', () => {
    expect(parseIpRange('8.8.8.8', '10.0.0.1')).toEqual({ ok: false, field: 'end', message: NOT_PUBLIC });
  });
  it('refuses a range spanning a non-public block', () => {
    const r = parseIpRange('9.255.255.255', '11.0.0.0');
    expect(r).toMatchObject({ ok: false, field: 'end' });
    if (!r.ok) {
      expect(r.message).toContain('10.0.0.0/8');
      expect(r.message).toContain(NOT_PUBLIC);
    }
    expect(parseIpRange('1.0.0.0', '223.255.255.255').ok).toBe(false);
    expect(parseIpRange('192.0.1.255', '192.0.3.0').ok).toBe(false); // spans 192.0.2.0/24
    expect(parseIpRange('2001:db7:ffff::1', '2001:db9::1').ok).toBe(false); // spans 2001:db8::/32
    expect(parseIpRange('2400::1', '2620:4f:8001::1').ok).toBe(false); // spans 2620:4f:8000::/48 (AS112)
  });
});

describe('parseIpRange: format, family and order', () => {
  it('refuses start > end', () => {
    expect(parseIpRange('1.2.3.10', '1.2.3.4')).toEqual({ ok: false, field: 'end', message: '起始IP不能大于结束IP' });
    expect(parseIpRange('2400::2', '2400::1')).toEqual({ ok: false, field: 'end', message: '起始IP不能大于结束IP' });
    // numeric, not string, comparison
    expect(parseIpRange('1.2.3.9', '1.2.3.10').ok).toBe(true);
  });
  it('refuses mixed families', () => {
    expect(parseIpRange('8.8.8.8', '2400::1')).toEqual({ ok: false, field: 'end', message: '起始IP与结束IP须同为IPv4或IPv6' });
    expect(parseIpRange('2400::1', '8.8.8.8')).toEqual({ ok: false, field: 'end', message: '起始IP与结束IP须同为IPv4或IPv6' });
  });
  it.each(['', '1.2.3', '1.2.3.256', '10.1', '0x08.8.8.8', '010.8.8.8', '8.8.8.8/24', 'fe80::1%eth0', '2400::1::2', 'abc', '1.2.3.4.5'])(
    'refuses malformed %j',
    (ip) => {
      const r = parseIpRange(ip, '8.8.8.8');
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.field).toBe('start');
        expect([IP_MESSAGES.format, IP_MESSAGES.required]).toContain(r.message);
      }
    },
  );
  it('names the end field when the end is malformed or missing', () => {
    expect(parseIpRange('8.8.8.8', '')).toEqual({ ok: false, field: 'end', message: IP_MESSAGES.required });
    expect(parseIpRange('8.8.8.8', '8.8.8')).toEqual({ ok: false, field: 'end', message: IP_MESSAGES.format });
  });
});

describe('ipRangesError', () => {
  it('requires at least one range', () => {
    expect(ipRangesError([])).toEqual({ index: 0, field: 'start', message: '请至少填写一个服务器IP地址' });
    expect(ipRangesError([{ start: ' ', end: '' }])).toEqual({ index: 0, field: 'start', message: '请至少填写一个服务器IP地址' });
  });
  it('accepts valid ranges', () => {
    expect(
      ipRangesError([
        { start: '1.2.3.4', end: '1.2.3.4' },
        { start: '2400:3200::1', end: '2400:3200::ff' },
      ]),
    ).toBeNull();
  });
  it('reports the first bad range with its index and field', () => {
    expect(
      ipRangesError([
        { start: '1.2.3.4', end: '1.2.3.4' },
        { start: '8.8.8.8', end: '192.168.1.1' },
      ]),
    ).toEqual({ index: 1, field: 'end', message: NOT_PUBLIC });
  });
});

describe('parseIpRange: IPv6 with an embedded IPv4', () => {
  it('reads ::8.8.8.8 as IPv4-compatible (refused), not as IPv4-mapped', () => {
    expect(parseIpRange('::8.8.8.8', '::8.8.8.8')).toMatchObject({ ok: false, message: NOT_PUBLIC });
    expect(parseIpRange('0:0:0:0:0:ffff:8.8.8.8', '::FFFF:8.8.8.8')).toEqual({ ok: true, family: 4, start: '8.8.8.8', end: '8.8.8.8' });
  });
  it('accepts an embedded IPv4 in a global prefix', () => {
    expect(parseIpRange('2400:cb00::1.2.3.4', '2400:cb00::1.2.3.4')).toEqual({ ok: true, family: 6, start: '2400:cb00::102:304', end: '2400:cb00::102:304' });
  });
  it('refuses a malformed embedded IPv4', () => {
    expect(parseIpRange('::ffff:1.2.3.256', '8.8.8.8')).toEqual({ ok: false, field: 'start', message: IP_MESSAGES.format });
    expect(parseIpRange('2400::1.2.3', '2400::1')).toEqual({ ok: false, field: 'start', message: IP_MESSAGES.format });
  });
});
