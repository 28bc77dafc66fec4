import type { JSONSchemaType } from 'ajv';
import { openToEveryoneStatements } from '../inventory/policy.js';
import { defineCheck, error, fail, pass } from './define.js';

type Params = Record<string, never>;

const schema: JSONSchemaType<Params> = { type: 'object', additionalProperties: false, properties: {}, required: [] };

export default defineCheck<Params>({
  id: 'lambda-function-not-public',
  title: 'Lambda functions\' resource-based policies do not let everyone invoke them',
  severity: 'critical',
  resourceType: 'AWS::Lambda::Function',
  requires: ['lambda:ListFunctions', 'lambda:GetPolicy'],
  rationale:
    'A resource-based policy granting `*` without a condition on the source account, ARN or organisation lets any AWS ' +
    'account, or anyone on the internet through a function URL with AuthType NONE, invoke the function and reach the data ' +
    'and roles behind it.',
  remediation:
    'Remove the statement (`aws lambda remove-permission --function-name <fn> --statement-id <sid>`) and grant the caller ' +
    'that needs it with a principal and an aws:SourceArn / aws:SourceAccount condition (`aws lambda add-permission ... ' +
    '--source-arn <arn> --source-account <account>`); set a function URL to AuthType AWS_IAM.',
  schema,
  defaults: {},
  paramDocs: {},
  evaluate(inv) {
    return inv.lambdaFunctions.map((fn) => {
      if (!fn.policy.ok) return error(fn, fn.policy.error);
      if (fn.policy.value === null) return pass(fn, `Lambda function ${fn.id} has no resource-based policy: only IAM principals of the account can invoke it.`, { policy: null });
      const open = openToEveryoneStatements(fn.policy.value);
      if (open.length === 0) return pass(fn, `No statement of Lambda function ${fn.id}'s policy is open to everyone.`, { openStatements: [] });
      return fail(fn, `Lambda function ${fn.id}'s policy lets everyone ${[...new Set(open.flatMap((s) => s.actions))].join(', ')}.`, {
        openStatements: open.map((s) => ({ principals: s.principals, actions: s.actions, conditions: s.conditions })),
      });
    });
  },
});
