/** How Data Lifecycle Manager's operations are sent (loaded only for a live collection). */
import { DLMClient, GetLifecyclePoliciesCommand, GetLifecyclePolicyCommand, type GetLifecyclePoliciesCommandOutput } from '@aws-sdk/client-dlm';
import type { ServiceCollector } from '../define.js';

const collector: ServiceCollector = {
  bindings: {
    // One page: GetLifecyclePolicies returns every policy of the region.
    'dlm:GetLifecyclePolicies': { client: DLMClient, command: GetLifecyclePoliciesCommand },
    'dlm:GetLifecyclePolicy': {
      client: DLMClient,
      command: GetLifecyclePolicyCommand,
      ids: (feed) => ((feed as GetLifecyclePoliciesCommandOutput | undefined)?.Policies ?? []).flatMap((p) => (p.PolicyId ? [p.PolicyId] : [])),
      input: (PolicyId) => ({ PolicyId }),
    },
  },
};

export default collector;
