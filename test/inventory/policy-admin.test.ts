import { describe, expect, it } from 'vitest';
import {
  grantsWildcardOn,
  isAdminDocument,
  isAdminStatement,
  isAdministratorAccessArn,
  isAwsManagedPolicyArn,
  parsePolicy,
  wildcardGrants,
} from '../../src/inventory/policy.js';

const statement = (s: Record<string, unknown>) => parsePolicy({ Statement: [s] }).statements[0]!;

describe('admin and wildcard policy helpers', () => {
  it.each([
    ['arn:aws:iam::aws:policy/AdministratorAccess', true],
    ['arn:aws-cn:iam::aws:policy/AdministratorAccess', true],
    ['arn:aws-us-gov:iam::aws:policy/AdministratorAccess', true],
    ['arn:aws:iam::123456789012:policy/AdministratorAccess', false],
    ['arn:aws:iam::aws:policy/AdministratorAccess-Amplify', false],
    ['arn:aws:iam::aws:policy/job-function/AdministratorAccess', false],
  ])('isAdministratorAccessArn(%s) is %s', (arn, expected) => {
    expect(isAdministratorAccessArn(arn)).toBe(expected);
  });

  it('matches AWS managed policies by name, paths included', () => {
    expect(isAwsManagedPolicyArn('arn:aws:iam::aws:policy/AWSSupportAccess', 'AWSSupportAccess')).toBe(true);
    expect(isAwsManagedPolicyArn('arn:aws:iam::aws:policy/job-function/ViewOnlyAccess', 'job-function/ViewOnlyAccess')).toBe(true);
    expect(isAwsManagedPolicyArn('arn:aws:iam::aws:policy/job-function/ViewOnlyAccess', 'ViewOnlyAccess')).toBe(false);
  });

  it.each([
    [{ Effect: 'Allow', Action: '*', Resource: '*' }, true],
    [{ Effect: 'Allow', Action: ['s3:GetObject', '*:*'], Resource: ['arn:aws:s3:::b', '*'] }, true],
    [{ Effect: 'Allow', Action: '*', Resource: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }, false],
    [{ Effect: 'Allow', Action: '*', Resource: 'arn:aws:s3:::b/*' }, false],
    [{ Effect: 'Deny', Action: '*', Resource: '*' }, false],
    [{ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }, false],
    [{ Effect: 'Allow', Action: 'iam:*', Resource: '*' }, false],
    [{ Effect: 'Allow', Action: '*', NotResource: 'arn:aws:s3:::b' }, false],
  ])('isAdminStatement(%j) is %s', (s, expected) => {
    expect(isAdminStatement(statement(s))).toBe(expected);
  });

  it('finds an admin statement anywhere in a document', () => {
    expect(isAdminDocument(parsePolicy({ Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }, { Effect: 'Allow', Action: '*', Resource: '*' }] }))).toBe(true);
    expect(isAdminDocument(parsePolicy({ Statement: [] }))).toBe(false);
  });

  it('lists wildcard grants per action and service', () => {
    const s = statement({ Effect: 'Allow', Action: ['S3:*', 'iam:Get*', '*', 'logs:*'], Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'true' } } });
    expect(wildcardGrants(s, ['iam', 's3'])).toEqual([
      { service: 's3', action: 'S3:*' },
      { service: 'iam', action: '*' },
      { service: 's3', action: '*' },
    ]);
    expect(grantsWildcardOn(s, 'IAM')).toBe(true);
    expect(grantsWildcardOn(s, 'logs')).toBe(true);
    expect(grantsWildcardOn(statement({ Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::b' }), 's3')).toBe(false);
    expect(grantsWildcardOn(statement({ Effect: 'Deny', Action: 's3:*', Resource: '*' }), 's3')).toBe(false);
    expect(grantsWildcardOn(statement({ Effect: 'Allow', Action: 's3*', Resource: '*' }), 's3')).toBe(false);
  });
});
