import type { JSONSchemaType } from 'ajv';
import { openToEveryoneStatements } from '../inventory/policy.js';
import { defineCheck, error, fail, pass } from './define.js';

type Params = Record<string, never>;

const schema: JSONSchemaType<Params> = { type: 'object', additionalProperties: false, properties: {}, required: [] };

export default defineCheck<Params>({
  id: 'ecr-repository-not-public',
  title: 'ECR repository policies do not let everyone pull or push images',
  severity: 'critical',
  resourceType: 'AWS::ECR::Repository',
  requires: ['ecr:DescribeRepositories', 'ecr:GetRepositoryPolicy'],
  rationale:
    'A repository policy granting `*` without a condition on the caller\'s organisation or account lets any AWS account ' +
    'pull the images (and the code, configuration and secrets baked into them) or, with push actions, replace them.',
  remediation:
    'Replace the statement with principals of your own accounts or an aws:PrincipalOrgID condition: ECR console > the ' +
    'repository > Permissions > Edit policy JSON, or `aws ecr set-repository-policy --repository-name <repo> ' +
    '--policy-text file://policy.json`; publish public images through ECR Public instead.',
  schema,
  defaults: {},
  paramDocs: {},
  evaluate(inv) {
    return inv.ecrRepositories.map((repo) => {
      if (!repo.policy.ok) return error(repo, repo.policy.error);
      if (repo.policy.value === null) return pass(repo, `ECR repository ${repo.id} has no repository policy: only IAM principals of the account can reach it.`, { policy: null });
      const open = openToEveryoneStatements(repo.policy.value);
      if (open.length === 0) return pass(repo, `No statement of ECR repository ${repo.id}'s policy is open to everyone.`, { openStatements: [] });
      return fail(repo, `ECR repository ${repo.id}'s policy lets everyone ${[...new Set(open.flatMap((s) => s.actions))].join(', ')}.`, {
        openStatements: open.map((s) => ({ principals: s.principals, actions: s.actions, conditions: s.conditions })),
      });
    });
  },
});
