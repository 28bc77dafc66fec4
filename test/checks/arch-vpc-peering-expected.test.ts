import { describe, expect, it } from 'vitest';
import check from '../../src/checks/arch-vpc-peering-expected.js';
import { runCheck } from '../../src/checks/run.js';
import { PROFILE, profile, threeTiers } from '../helpers/arch.js';

const net = () => threeTiers().vpc('vpc-b', '10.1.0.0/16').vpc('vpc-c', '10.2.0.0/16').peering('pcx-ab', 'vpc-a', 'vpc-b').peering('pcx-ac', 'vpc-a', 'vpc-c').peering('pcx-old', 'vpc-b', 'vpc-c', 'deleted');

describe('arch-vpc-peering-expected', () => {
  it('passes expected pairs (either way round), fails the others, leaves deleted ones out', () => {
    const text = PROFILE.replace('peering: []', 'peering:\n  - { between: [vpc-b, vpc-a] }');
    const results = runCheck(check, net().inventory({ architecture: profile(text) }), {});
    expect(results.map((x) => [x.resource.id, x.status])).toEqual([
      ['pcx-ab', 'pass'],
      ['pcx-ac', 'fail'],
      ['pcx-old', 'not_applicable'],
    ]);
  });

  it('does not judge peering when the profile lists none', () => {
    const results = runCheck(check, net().inventory({ architecture: profile(PROFILE.replace('peering: []', '')) }), {});
    expect(results.map((x) => x.status)).toEqual(['not_applicable']);
  });
});
