/** How Security Hub's operations are sent (loaded only for a live collection). */
import { DescribeHubCommand, GetEnabledStandardsCommand, paginateGetEnabledStandards, SecurityHubClient } from '@aws-sdk/client-securityhub';
import type { ServiceCollector } from '../define.js';

const collector: ServiceCollector = {
  bindings: {
    'securityhub:DescribeHub': { client: SecurityHubClient, command: DescribeHubCommand },
    'securityhub:GetEnabledStandards': { client: SecurityHubClient, command: GetEnabledStandardsCommand, paginator: paginateGetEnabledStandards, pageSize: 100 },
  },
};

export default collector;
