import type { JSONSchemaType } from 'ajv';
import { analysisOf } from '../reach/analysis.js';
import { accountRef, tierRef } from '../reach/refs.js';
import { defineCheck, fail, notApplicable, pass } from './define.js';
import type { Outcome } from './types.js';

type Params = Record<string, never>;

const schema: JSONSchemaType<Params> = { type: 'object', additionalProperties: false, properties: {}, required: [] };

export default defineCheck<Params>({
  id: 'arch-tier-multi-az',
  title: 'Every tier of the architecture profile spans the availability zones it requires',
  severity: 'medium',
  resourceType: 'AWS::EC2::ArchitectureTier',
  requires: ['ec2:DescribeVpcs', 'ec2:DescribeSubnets'],
  needsArchitecture: true,
  rationale:
    'A design that promises two availability zones per tier (the seed documents\' "DMZ, Trusted and Database segments in two AZs") ' +
    'is broken by a tier whose subnets sit in fewer: one zone outage stops it. Judged per tier and region, against the tier\'s minAzs.',
  remediation:
    'Create a subnet for the tier in another availability zone of the region, matched by the tier\'s selector (its tags, ids or CIDRs), ' +
    'with the same route table and NACL as the others, and spread the tier\'s instances, load balancers and database subnet groups over the zones.',
  schema,
  defaults: {},
  paramDocs: {},
  evaluate(inv) {
    const a = analysisOf(inv);
    if (!a) return [notApplicable(accountRef(inv, 'AWS::EC2::ArchitectureTier'), 'no architecture profile was given (scan --arch FILE): tier zones were not judged')];
    const out: Outcome[] = [];
    for (const p of a.placements) {
      const ref = tierRef(inv, p.tier.name, p.region);
      const zones = [...new Set(p.subnets.flatMap((s) => (s.availabilityZone ? [s.availabilityZone] : [])))].sort();
      const subnets = p.subnets.map((s) => ({ id: s.id, availabilityZone: s.availabilityZone ?? null })).sort((x, y) => (x.id < y.id ? -1 : 1));
      if (p.tier.minAzs === undefined) {
        out.push(notApplicable(ref, `The profile sets no minimum of availability zones for tier ${p.tier.name}.`, { tier: p.tier.name, region: p.region, availabilityZones: zones }));
        continue;
      }
      const evidence = { tier: p.tier.name, region: p.region, minAzs: p.tier.minAzs, availabilityZones: zones, subnets };
      const spans = `spans ${zones.length} availability zone${zones.length === 1 ? '' : 's'} in ${p.region}${zones.length ? ` (${zones.join(', ')})` : ''}`;
      if (zones.length >= p.tier.minAzs) out.push(pass(ref, `Tier ${p.tier.name} ${spans}.`, evidence));
      else out.push(fail(ref, `Tier ${p.tier.name} ${spans}, fewer than the ${p.tier.minAzs} the profile requires.`, evidence));
    }
    if (out.length === 0) out.push(notApplicable(accountRef(inv, 'AWS::EC2::ArchitectureTier'), 'no subnet belongs to a tier of the profile'));
    return out;
  },
});
