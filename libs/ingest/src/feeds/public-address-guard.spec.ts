import { firstNonPublicAddress, isPublicAddress } from './public-address-guard';

describe('public-address guard', () => {
  it.each([
    ['93.184.216.34', true],
    ['2606:2800:220:1:248:1893:25c8:1946', true],
    ['127.0.0.1', false],
    ['10.1.2.3', false],
    ['172.20.0.5', false],
    ['192.168.1.10', false],
    ['169.254.169.254', false],
    ['100.64.0.1', false],
    ['0.0.0.0', false],
    ['::1', false],
    ['::', false],
    ['fd12:3456::1', false],
    ['fe80::1', false],
    ['::ffff:127.0.0.1', false],
    ['::ffff:93.184.216.34', true],
    ['not-an-ip', false],
  ])('judges %s public: %s', (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected);
  });

  it('checks every address a host resolves to, and a literal IP as it is', async () => {
    const resolve = async (host: string) => (host === 'mixed.example' ? ['93.184.216.34', '10.0.0.7'] : ['93.184.216.34']);
    expect(await firstNonPublicAddress('news.example', resolve)).toBeUndefined();
    expect(await firstNonPublicAddress('mixed.example', resolve)).toBe('10.0.0.7');
    expect(await firstNonPublicAddress('[::1]', resolve)).toBe('::1');
  });
});
