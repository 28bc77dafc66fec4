import { describe, expect, it } from 'vitest';
import check from '../../src/checks/iam-root-hardware-mfa.js';
import type { Status } from '../../src/checks/types.js';
import type { RootUser } from '../../src/inventory/types.js';
import { ACCOUNT, failedCall, rootUser, runCheck, type Failure } from '../helpers/check-harness.js';

const ROOT = `arn:aws:iam::${ACCOUNT}:root`;
const VIRTUAL = `arn:aws:iam::${ACCOUNT}:mfa/root-account-mfa-device`;
const ok = <T>(value: T) => ({ ok: true as const, value });

type Case = { name: string; root?: RootUser; failed?: Failure[]; expected: { status: Status; arn: string; evidence?: unknown }[] };

const cases: Case[] = [
  {
    name: 'MFA on, no virtual device: a hardware token or security key',
    root: rootUser({ virtualMfaDevices: ok([]) }),
    expected: [{ status: 'pass', arn: ROOT, evidence: { passwordEnabled: true, mfaActive: true, virtualMfaDevices: [] } }],
  },
  {
    // Before issue 12 this passed every root-MFA control: the credential report cannot tell virtual from hardware.
    name: 'MFA on with a virtual device assigned to root',
    root: rootUser({ virtualMfaDevices: ok([VIRTUAL]) }),
    expected: [{ status: 'fail', arn: ROOT, evidence: { passwordEnabled: true, mfaActive: true, virtualMfaDevices: [VIRTUAL] } }],
  },
  { name: 'no MFA at all', root: rootUser({ mfaActive: false, virtualMfaDevices: ok([]) }), expected: [{ status: 'fail', arn: ROOT }] },
  {
    name: 'root password removed (centralised root access)',
    root: rootUser({ passwordEnabled: false, mfaActive: false, virtualMfaDevices: ok([]) }),
    expected: [{ status: 'not_applicable', arn: ROOT }],
  },
  {
    name: 'virtual MFA devices could not be listed',
    root: rootUser({ virtualMfaDevices: failedCall('iam:ListVirtualMFADevices', undefined, 'global') }),
    expected: [{ status: 'error', arn: ROOT }],
  },
  { name: 'virtual MFA devices not in the inventory at all', root: rootUser(), expected: [{ status: 'error', arn: ROOT }] },
  {
    name: 'ListVirtualMFADevices denied: error, whatever the device',
    root: rootUser({ virtualMfaDevices: ok([]) }),
    failed: ['iam:ListVirtualMFADevices'],
    expected: [{ status: 'error', arn: ROOT }],
  },
];

describe(check.id, () => {
  it.each(cases)('$name', ({ root, failed, expected }) => {
    const results = runCheck(check, { ...(root ? { root } : {}), ...(failed ? { failed } : {}) });
    expect(results.map((r) => [r.status, r.resource.arn])).toEqual(expected.map((e) => [e.status, e.arn]));
    expected.forEach((e, i) => {
      if (e.evidence !== undefined) expect(results[i]?.evidence).toEqual(e.evidence);
    });
  });
});
