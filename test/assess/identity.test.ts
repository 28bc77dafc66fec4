import { describe, expect, it, vi } from 'vitest';
import { findingFingerprint } from '../../src/assess/identity.js';

// printf 'c\narn:aws:s3:::bücket-日本' | sha256sum
const FINGERPRINT_UTF8 = '3b20edcce556f407fbbe8ee94bad3684ca20599184ef5694ab88abdeaad2f717';

describe('findingFingerprint (the identity SARIF, ASFF, OCSF and diff share)', () => {
  it('is the SHA-256 of "checkId\\nARN", as sha256sum prints it', () => {
    // printf 'ec2-sg-no-public-admin-ports\narn:aws:ec2:ap-south-1:111122223333:security-group/sg-0abc' | sha256sum
    expect(findingFingerprint('ec2-sg-no-public-admin-ports', 'arn:aws:ec2:ap-south-1:111122223333:security-group/sg-0abc')).toBe(
      '7dfde2c3066a2a59a606ed8082662a481e743dd16f16425c9271703d0e22f0f0',
    );
  });

  it('hashes the UTF-8 bytes of names outside ASCII', () => {
    expect(findingFingerprint('c', 'arn:aws:s3:::bücket-日本')).toBe(FINGERPRINT_UTF8);
  });

  it('gives the same hash on a Node 20 older than 20.12, which has no crypto.hash', async () => {
    vi.resetModules();
    const createHash = vi.fn();
    vi.doMock('node:crypto', async (original) => {
      const real = await original<typeof import('node:crypto')>();
      createHash.mockImplementation(real.createHash);
      return { ...real, hash: undefined, createHash };
    });
    try {
      const { findingFingerprint: withoutHash } = await import('../../src/assess/identity.js');
      expect(withoutHash('ec2-sg-no-public-admin-ports', 'arn:aws:ec2:ap-south-1:111122223333:security-group/sg-0abc')).toBe(
        '7dfde2c3066a2a59a606ed8082662a481e743dd16f16425c9271703d0e22f0f0',
      );
      expect(withoutHash('c', 'arn:aws:s3:::bücket-日本')).toBe(FINGERPRINT_UTF8);
      expect(createHash).toHaveBeenCalledTimes(2);
    } finally {
      vi.doUnmock('node:crypto');
      vi.resetModules();
    }
  });
});
