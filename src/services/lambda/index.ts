import type { GetPolicyCommandOutput, ListFunctionsCommandOutput } from '@aws-sdk/client-lambda';
import type { Observed, PolicyDocument, Raw } from '../../inventory/base.js';
import { parsePolicy } from '../../inventory/policy.js';
import { defineService } from '../define.js';
import type { ServiceSource } from '../source.js';
import { OPERATIONS } from './operations.js';
import { SHAPES } from './shapes.generated.js';
import type { LambdaFunction } from './types.js';

type Item<T> = NonNullable<T> extends readonly (infer U)[] ? U : never;

function policyOf(src: ServiceSource, region: string, arn: string): Observed<PolicyDocument | null> {
  const got = src.perResourceOrAbsent<Raw<GetPolicyCommandOutput>>(region, 'lambda:GetPolicy', arn);
  if (!got.ok || got.value === null) return got.ok ? { ok: true, value: null } : got;
  try {
    return { ok: true, value: parsePolicy(got.value.Policy!) };
  } catch {
    return { ok: false, error: src.unusableResource('lambda:GetPolicy', region, arn, '/Policy', 'a JSON resource-based policy') };
  }
}

function buildFunctions(src: ServiceSource, region: string): LambdaFunction[] {
  return src.records<Item<Raw<ListFunctionsCommandOutput>['Functions']>, LambdaFunction>(region, 'lambda:ListFunctions', 'Functions/*', (f, at) => {
    const arn = f.FunctionArn!;
    at.expect(/^arn:[^:]+:lambda:[^:]+:\d{12}:function:[^:]+$/.test(arn), '/FunctionArn', 'an unqualified Lambda function ARN');
    const fn: LambdaFunction = {
      type: 'AWS::Lambda::Function',
      arn,
      id: f.FunctionName!,
      name: f.FunctionName!,
      account: src.accountId,
      region,
      tags: {},
      subnetIds: [...(f.VpcConfig?.SubnetIds ?? [])].sort(),
      policy: policyOf(src, region, arn),
    };
    if (f.Runtime) fn.runtime = String(f.Runtime);
    if (f.PackageType) fn.packageType = String(f.PackageType);
    if (f.LastModified) fn.lastModified = f.LastModified;
    if (f.VpcConfig?.VpcId) fn.vpcId = f.VpcConfig.VpcId;
    return fn;
  });
}

export default defineService<{ lambdaFunctions: LambdaFunction[] }>({
  name: 'lambda',
  title: 'AWS Lambda',
  operations: OPERATIONS,
  shapes: SHAPES,
  build: (src) => ({ lambdaFunctions: src.regions.flatMap((r) => buildFunctions(src, r)) }),
  empty: () => ({ lambdaFunctions: [] }),
  collector: async () => (await import('./collect.js')).default,
});
