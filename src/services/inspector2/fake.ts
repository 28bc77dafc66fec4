import type { ServiceFake } from '../define.js';

/** Inspector scanning EC2, ECR and Lambda in every region. */
const fake: ServiceFake = (scope, account) =>
  scope === 'global'
    ? {}
    : {
        'inspector2:BatchGetAccountStatus': {
          accounts: [
            {
              accountId: account,
              state: { status: 'ENABLED' },
              resourceState: { ec2: { status: 'ENABLED' }, ecr: { status: 'ENABLED' }, lambda: { status: 'ENABLED' }, lambdaCode: { status: 'DISABLED' } },
            },
          ],
          failedAccounts: [],
        },
      };

export default fake;
