import type { JSONSchemaType } from 'ajv';
import { analysisOf } from '../reach/analysis.js';
import { allowedRegions } from '../reach/profile.js';
import { accountRef, tierRef } from '../reach/refs.js';
import { defineCheck, fail, notApplicable, pass } from './define.js';
import type { Outcome } from './types.js';

type Params = Record<string, never>;

const schema: JSONSchemaType<Params> = { type: 'object', additionalProperties: false, properties: {}, required: [] };

export default defineCheck<Params>({
  id: 'arch-tier-regions-allowed',
  title: 'Every tier of the architecture profile is only in its allowed regions',
  severity: 'high',
  resourceType: 'AWS::EC2::ArchitectureTier',
  requires: ['ec2:DescribeVpcs', 'ec2:DescribeSubnets'],
  needsArchitecture: true,
  rationale:
    'Where a tier runs is where its data is processed and stored: RBI\'s directive on storage of payment system data keeps it in India, ' +
    'MAS and PDPA designs name Singapore, and a design that names one region for latency and control is broken by a subnet of the tier ' +
    'in another. One result per tier and region it has subnets in.',
  remediation:
    'Move the workload out of the region and delete the subnets there (or, if the region is approved, add it to the tier\'s or the ' +
    'profile\'s regions through your change process); keep data-residency requirements in a service control policy that denies other regions.',
  schema,
  defaults: {},
  paramDocs: {},
  evaluate(inv) {
    const a = analysisOf(inv);
    if (!a) return [notApplicable(accountRef(inv, 'AWS::EC2::ArchitectureTier'), 'no architecture profile was given (scan --arch FILE): tier regions were not judged')];
    const out: Outcome[] = [];
    for (const p of a.placements) {
      const allowed = allowedRegions(a.profile, p.tier);
      const ref = tierRef(inv, p.tier.name, p.region);
      const subnets = p.subnets.map((s) => s.id).sort();
      if (allowed === undefined) {
        out.push(notApplicable(ref, `The profile allows tier ${p.tier.name} any region.`, { tier: p.tier.name, region: p.region, subnets }));
        continue;
      }
      const evidence = { tier: p.tier.name, region: p.region, allowedRegions: [...allowed].sort(), subnets };
      if (allowed.includes(p.region)) out.push(pass(ref, `Tier ${p.tier.name} is in ${p.region}, an allowed region.`, evidence));
      else out.push(fail(ref, `Tier ${p.tier.name} has ${subnets.length} subnet(s) in ${p.region}, outside its allowed regions (${[...allowed].sort().join(', ')}): ${subnets.join(', ')}.`, evidence));
    }
    if (out.length === 0) out.push(notApplicable(accountRef(inv, 'AWS::EC2::ArchitectureTier'), 'no subnet belongs to a tier of the profile'));
    return out;
  },
});
