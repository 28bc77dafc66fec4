/** How STS's operations are sent (loaded only for a live collection). */
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import type { ServiceCollector } from '../define.js';

const collector: ServiceCollector = {
  bindings: { 'sts:GetCallerIdentity': { client: STSClient, command: GetCallerIdentityCommand } },
};

export default collector;
