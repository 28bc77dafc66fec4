import { describe, expect, it } from 'vitest';
import check from '../../src/checks/arch-tier-regions-allowed.js';
import { runCheck } from '../../src/checks/run.js';
import { PROFILE, profile, threeTiers } from '../helpers/arch.js';

describe('arch-tier-regions-allowed', () => {
  it('passes tiers in the allowed regions', () => {
    expect(runCheck(check, threeTiers().inventory({ architecture: profile() }), {}).map((x) => x.status)).toEqual(['pass', 'pass', 'pass']);
  });

  it("fails a tier outside them, a tier's own list replacing the profile's", () => {
    const text = PROFILE.replace('regions: [ap-south-1]', 'regions: [ap-south-2]').replace('{ name: dmz,', '{ name: dmz, regions: [ap-south-1],');
    const results = runCheck(check, threeTiers().inventory({ architecture: profile(text) }), {});
    expect(results.map((x) => [x.resource.id, x.status])).toEqual([
      ['app', 'fail'],
      ['db', 'fail'],
      ['dmz', 'pass'],
    ]);
    expect(results[0]!.message).toBe('Tier app has 1 subnet(s) in ap-south-1, outside its allowed regions (ap-south-2): subnet-app1.');
  });
});
