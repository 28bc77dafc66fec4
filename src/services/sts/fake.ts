import type { ServiceFake } from '../define.js';

/** The test account's caller: an assumed audit role. */
const fake: ServiceFake = (scope, account) =>
  scope === 'global' ? { 'sts:GetCallerIdentity': { UserId: 'AROAEXAMPLE:auditor', Account: account, Arn: `arn:aws:sts::${account}:assumed-role/ArchscanAudit/auditor` } } : {};

export default fake;
