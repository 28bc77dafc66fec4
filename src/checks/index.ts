/**
 * Every check, registered explicitly (no import side effects). The key is the
 * check id and equals the file name; the catalogue test keeps them in step.
 */
import type { AnyCheck } from './types.js';
import cloudtrailKmsEncrypted from './cloudtrail-kms-encrypted.js';
import cloudtrailLogValidationEnabled from './cloudtrail-log-validation-enabled.js';
import cloudtrailMultiRegionLogging from './cloudtrail-multi-region-logging.js';
import configRecorderAllResources from './config-recorder-all-resources.js';
import ebsEncryptionByDefault from './ebs-encryption-by-default.js';
import ebsVolumeEncrypted from './ebs-volume-encrypted.js';
import ec2NaclNoPublicAdminPorts from './ec2-nacl-no-public-admin-ports.js';
import ec2SgDefaultRestrictsAll from './ec2-sg-default-restricts-all.js';
import ec2SgNoPublicAdminPorts from './ec2-sg-no-public-admin-ports.js';
import ec2SgNoPublicAllTraffic from './ec2-sg-no-public-all-traffic.js';
import ec2SgNoPublicRiskyPorts from './ec2-sg-no-public-risky-ports.js';
import ec2SgPublicPortsAuthorised from './ec2-sg-public-ports-authorised.js';
import guarddutyEnabled from './guardduty-enabled.js';
import iamAccessKeysRotated from './iam-access-keys-rotated.js';
import iamPasswordPolicyStrong from './iam-password-policy-strong.js';
import iamRootMfaEnabled from './iam-root-mfa-enabled.js';
import iamRootNoAccessKeys from './iam-root-no-access-keys.js';
import iamUnusedCredentialsDisabled from './iam-unused-credentials-disabled.js';
import iamUserConsoleMfa from './iam-user-console-mfa.js';
import kmsKeyNotPendingDeletion from './kms-key-not-pending-deletion.js';
import kmsKeyRotationEnabled from './kms-key-rotation-enabled.js';
import vpcFlowLogsEnabled from './vpc-flow-logs-enabled.js';

export const CHECKS = {
  'cloudtrail-kms-encrypted': cloudtrailKmsEncrypted,
  'cloudtrail-log-validation-enabled': cloudtrailLogValidationEnabled,
  'cloudtrail-multi-region-logging': cloudtrailMultiRegionLogging,
  'config-recorder-all-resources': configRecorderAllResources,
  'ebs-encryption-by-default': ebsEncryptionByDefault,
  'ebs-volume-encrypted': ebsVolumeEncrypted,
  'ec2-nacl-no-public-admin-ports': ec2NaclNoPublicAdminPorts,
  'ec2-sg-default-restricts-all': ec2SgDefaultRestrictsAll,
  'ec2-sg-no-public-admin-ports': ec2SgNoPublicAdminPorts,
  'ec2-sg-no-public-all-traffic': ec2SgNoPublicAllTraffic,
  'ec2-sg-no-public-risky-ports': ec2SgNoPublicRiskyPorts,
  'ec2-sg-public-ports-authorised': ec2SgPublicPortsAuthorised,
  'guardduty-enabled': guarddutyEnabled,
  'iam-access-keys-rotated': iamAccessKeysRotated,
  'iam-password-policy-strong': iamPasswordPolicyStrong,
  'iam-root-mfa-enabled': iamRootMfaEnabled,
  'iam-root-no-access-keys': iamRootNoAccessKeys,
  'iam-unused-credentials-disabled': iamUnusedCredentialsDisabled,
  'iam-user-console-mfa': iamUserConsoleMfa,
  'kms-key-not-pending-deletion': kmsKeyNotPendingDeletion,
  'kms-key-rotation-enabled': kmsKeyRotationEnabled,
  'vpc-flow-logs-enabled': vpcFlowLogsEnabled,
} satisfies Record<string, AnyCheck>;

export type CheckId = keyof typeof CHECKS;

export function findCheck(id: string): AnyCheck | undefined {
  return Object.hasOwn(CHECKS, id) ? (CHECKS as Record<string, AnyCheck>)[id] : undefined;
}
