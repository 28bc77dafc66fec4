/**
 * Calls the collectors make that are not stored in the snapshot under their
 * own key (they prepare or locate data). With OPERATIONS, this is the whole
 * list of what archscan sends to AWS, and so the IAM policy it needs.
 */
export const SUPPORT_CALLS = [
  { key: 'sts:GetCallerIdentity', why: 'the account id and partition of the credentials' },
  { key: 'ec2:DescribeRegions', why: 'the regions enabled for the account (opted-in or not requiring opt-in)' },
  { key: 'iam:GenerateCredentialReport', why: 'asks IAM to (re)build the credential report that GetCredentialReport reads' },
] as const;

/** Actions never needed by a scan but needed by the caller to switch into the audit role. */
export const ROLE_ASSUMPTION_CALL = 'sts:AssumeRole';

/** Read-only operations: the only kind a collector may send. */
export const READ_ONLY = /^[a-z0-9-]+:(Describe|List|Get)[A-Za-z0-9]*$|^iam:GenerateCredentialReport$/;
