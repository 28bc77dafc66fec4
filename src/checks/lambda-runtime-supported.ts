import type { JSONSchemaType } from 'ajv';
import { defineCheck, notApplicable, pass, fail } from './define.js';

interface Deprecation {
  runtime: string;
  /** The date AWS deprecates it (YYYY-MM-DD): security patches and support end. */
  date: string;
}

interface Params {
  deprecatedRuntimes: Deprecation[];
}

const schema: JSONSchemaType<Params> = {
  type: 'object',
  additionalProperties: false,
  required: ['deprecatedRuntimes'],
  properties: {
    deprecatedRuntimes: {
      type: 'array',
      uniqueItems: true,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['runtime', 'date'],
        properties: { runtime: { type: 'string', minLength: 1 }, date: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } },
      },
    },
  },
};

const SOURCE = 'https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html (Deprecated runtimes; Supported runtimes, deprecation dates)';

/**
 * AWS's runtime deprecation dates ("Lambda runtimes", deprecated and supported-runtime tables; AWS Health notices for
 * nodejs18.x and nodejs20.x). The date is the deprecation date: Lambda stops patching the runtime and it loses support.
 * python3.9 and ruby3.2 carry the dates AWS projected; extend the list from the table as AWS announces more.
 */
const DEPRECATIONS: readonly Deprecation[] = [
  { runtime: 'nodejs', date: '2016-10-31' },
  { runtime: 'nodejs4.3', date: '2020-03-05' },
  { runtime: 'nodejs4.3-edge', date: '2020-03-05' },
  { runtime: 'nodejs6.10', date: '2019-08-12' },
  { runtime: 'nodejs8.10', date: '2020-03-06' },
  { runtime: 'nodejs10.x', date: '2021-07-30' },
  { runtime: 'nodejs12.x', date: '2023-03-31' },
  { runtime: 'nodejs14.x', date: '2023-12-04' },
  { runtime: 'nodejs16.x', date: '2024-06-12' },
  { runtime: 'nodejs18.x', date: '2025-09-01' },
  { runtime: 'nodejs20.x', date: '2026-04-30' },
  { runtime: 'python2.7', date: '2021-07-15' },
  { runtime: 'python3.6', date: '2022-07-18' },
  { runtime: 'python3.7', date: '2023-12-04' },
  { runtime: 'python3.8', date: '2024-10-14' },
  { runtime: 'python3.9', date: '2025-12-15' },
  { runtime: 'ruby2.5', date: '2021-07-30' },
  { runtime: 'ruby2.7', date: '2023-12-07' },
  { runtime: 'ruby3.2', date: '2026-03-31' },
  { runtime: 'java8', date: '2024-01-08' },
  { runtime: 'go1.x', date: '2024-01-08' },
  { runtime: 'provided', date: '2024-01-08' },
  { runtime: 'dotnetcore1.0', date: '2019-06-27' },
  { runtime: 'dotnetcore2.0', date: '2019-05-30' },
  { runtime: 'dotnetcore2.1', date: '2022-01-05' },
  { runtime: 'dotnetcore3.1', date: '2023-04-03' },
  { runtime: 'dotnet6', date: '2024-12-20' },
  { runtime: 'dotnet7', date: '2024-05-14' },
];

export default defineCheck<Params>({
  id: 'lambda-runtime-supported',
  title: 'Lambda functions run on a runtime AWS still supports',
  severity: 'medium',
  resourceType: 'AWS::Lambda::Function',
  requires: ['lambda:ListFunctions'],
  rationale:
    'Once AWS deprecates a runtime it stops applying security patches to it (language and operating system) and the ' +
    'function loses technical support; vulnerabilities found after that date stay in every function that uses it (PCI DSS ' +
    '6.3.3, MAS Notice 655 para 4.2).',
  remediation:
    'Move the function to a supported runtime of the same language (`aws lambda update-function-configuration ' +
    '--function-name <fn> --runtime <e.g. python3.13, nodejs22.x>`) after testing it; container-image functions are ' +
    'rebuilt on a supported base image.',
  schema,
  defaults: { deprecatedRuntimes: [...DEPRECATIONS] },
  paramDocs: { deprecatedRuntimes: 'runtime identifiers and the date AWS deprecates each (`{runtime, date}`), from AWS\'s runtime deprecation table; a function fails on or after the date' },
  evaluate(inv, { deprecatedRuntimes }) {
    const dates = new Map(deprecatedRuntimes.map((d) => [d.runtime, d.date]));
    const today = inv.collectedAt.slice(0, 10);
    return inv.lambdaFunctions.map((fn) => {
      if (fn.runtime === undefined) {
        return notApplicable(fn, `Lambda function ${fn.id} is a ${fn.packageType ?? 'container'} image: its runtime is its base image.`, { packageType: fn.packageType ?? null });
      }
      const date = dates.get(fn.runtime);
      const evidence = { runtime: fn.runtime, deprecationDate: date ?? null, source: SOURCE };
      if (date !== undefined && today >= date) {
        return fail(fn, `Lambda function ${fn.id} runs on ${fn.runtime}, deprecated by AWS on ${date}: it no longer receives security patches.`, evidence);
      }
      const scheduled = date !== undefined ? ` (deprecation scheduled for ${date})` : '';
      return pass(fn, `Lambda function ${fn.id} runs on ${fn.runtime}, a supported runtime${scheduled}.`, evidence);
    });
  },
});
