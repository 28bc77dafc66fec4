import check from '../../src/checks/lambda-runtime-supported.js';
import { ACCOUNT, REGION, lambdaFunction, runTable } from '../helpers/check-harness.js';

const arn = (name: string) => `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${name}`;
const SOURCE = 'https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html (Deprecated runtimes; Supported runtimes, deprecation dates)';

runTable(check, [
  { name: 'a supported runtime', input: { lambdaFunctions: [lambdaFunction('fn-312', { runtime: 'python3.12' })] }, expected: [{ status: 'pass', arn: arn('fn-312'), evidence: { runtime: 'python3.12', deprecationDate: null, source: SOURCE } }] },
  {
    name: 'deprecated before the snapshot',
    input: { lambdaFunctions: [lambdaFunction('fn-node16', { runtime: 'nodejs16.x' })] },
    expected: [
      {
        status: 'fail',
        arn: arn('fn-node16'),
        evidence: { runtime: 'nodejs16.x', deprecationDate: '2024-06-12', source: SOURCE },
        message: 'Lambda function fn-node16 runs on nodejs16.x, deprecated by AWS on 2024-06-12: it no longer receives security patches.',
      },
    ],
  },
  {
    name: 'deprecation scheduled after the snapshot still passes, and says when',
    input: { lambdaFunctions: [lambdaFunction('fn-later', { runtime: 'nodejs22.x' })] },
    params: { deprecatedRuntimes: [{ runtime: 'nodejs22.x', date: '2027-04-30' }] },
    expected: [{ status: 'pass', arn: arn('fn-later'), message: 'Lambda function fn-later runs on nodejs22.x, a supported runtime (deprecation scheduled for 2027-04-30).' }],
  },
  {
    name: 'deprecated on the very day of the snapshot',
    input: { lambdaFunctions: [lambdaFunction('fn-today', { runtime: 'ruby9' })] },
    params: { deprecatedRuntimes: [{ runtime: 'ruby9', date: '2026-11-20' }] },
    expected: [{ status: 'fail', arn: arn('fn-today'), evidence: { runtime: 'ruby9', deprecationDate: '2026-11-20', source: SOURCE } }],
  },
  { name: 'a container image function', input: { lambdaFunctions: [lambdaFunction('fn-image', { runtime: undefined, packageType: 'Image' })] }, expected: [{ status: 'not_applicable', arn: arn('fn-image'), evidence: { packageType: 'Image' } }] },
  { name: 'ListFunctions denied', input: { failed: ['lambda:ListFunctions'] }, expected: [{ status: 'error', arn: `arn:aws:lambda:${REGION}:${ACCOUNT}:*` }] },
]);
