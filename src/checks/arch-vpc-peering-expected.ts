import type { JSONSchemaType } from 'ajv';
import { accountRef } from '../reach/refs.js';
import { defineCheck, fail, notApplicable, pass } from './define.js';
import type { Outcome } from './types.js';

type Params = Record<string, never>;

const schema: JSONSchemaType<Params> = { type: 'object', additionalProperties: false, properties: {}, required: [] };

/** States in which a connection no longer exists or never came to be. */
const GONE = new Set(['deleted', 'deleting', 'rejected', 'expired', 'failed']);

export default defineCheck<Params>({
  id: 'arch-vpc-peering-expected',
  title: 'Only the VPC peerings the architecture profile expects exist',
  severity: 'high',
  resourceType: 'AWS::EC2::VPCPeeringConnection',
  requires: ['ec2:DescribeVpcPeeringConnections'],
  needsArchitecture: true,
  rationale:
    'A peering connection joins two networks completely at the routing layer: one the design does not name ("management peered to ' +
    'production and UAT", never production to UAT) undoes environment separation, and a cross-account one brings a network the account ' +
    'does not control. Judged when the profile lists its expected peerings (peering: between [vpc, vpc]); active and pending connections alike.',
  remediation:
    'Delete the connection (aws ec2 delete-vpc-peering-connection) and the routes that use it, or, if it is approved, add the pair to the ' +
    'profile\'s peering list through your change process.',
  schema,
  defaults: {},
  paramDocs: {},
  evaluate(inv) {
    const profile = inv.architecture;
    if (!profile) return [notApplicable(accountRef(inv, 'AWS::EC2::VPCPeeringConnection'), 'no architecture profile was given (scan --arch FILE): peering was not judged')];
    if (!profile.peering) return [notApplicable(accountRef(inv, 'AWS::EC2::VPCPeeringConnection'), 'the architecture profile lists no expected peering (peering:), so peering is not judged')];
    const expected = new Set(profile.peering.map((p) => p.between.join('|')));
    const out: Outcome[] = [];
    for (const p of inv.vpcPeeringConnections) {
      const pair = [p.requester.vpcId, p.accepter.vpcId].sort();
      const evidence = {
        status: p.status,
        requester: { vpcId: p.requester.vpcId, ownerId: p.requester.ownerId, region: p.requester.region },
        accepter: { vpcId: p.accepter.vpcId, ownerId: p.accepter.ownerId, region: p.accepter.region },
        crossAccount: p.requester.ownerId !== p.accepter.ownerId,
        expectedPairs: [...expected].sort().map((x) => x.split('|')),
      };
      const what = `${p.id} (${p.requester.vpcId} <-> ${p.accepter.vpcId}, ${p.status})`;
      if (GONE.has(p.status)) out.push(notApplicable(p, `${what} no longer joins the VPCs.`, evidence));
      else if (expected.has(pair.join('|'))) out.push(pass(p, `${what} is a peering the profile expects.`, evidence));
      else out.push(fail(p, `${what} joins VPCs the profile does not expect to be peered.`, evidence));
    }
    if (out.length === 0) out.push(notApplicable(accountRef(inv, 'AWS::EC2::VPCPeeringConnection'), 'the account has no VPC peering connection'));
    return out;
  },
});
