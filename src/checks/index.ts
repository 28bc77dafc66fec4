/**
 * Every check, registered explicitly (no import side effects). The key is the
 * check id and equals the file name; the catalogue test keeps them in step.
 */
import type { AnyCheck } from './types.js';
import accessanalyzerEnabled from './accessanalyzer-enabled.js';
import acmCertificateNotExpiring from './acm-certificate-not-expiring.js';
import acmCertificateStrongKey from './acm-certificate-strong-key.js';
import archDeclaredFlowsOpen from './arch-declared-flows-open.js';
import archFlowsDeclared from './arch-flows-declared.js';
import archPublicAddressInAllowedTier from './arch-public-address-in-allowed-tier.js';
import archTierMultiAz from './arch-tier-multi-az.js';
import archTierRegionsAllowed from './arch-tier-regions-allowed.js';
import archVpcPeeringExpected from './arch-vpc-peering-expected.js';
import cloudtrailBucketNotPublic from './cloudtrail-bucket-not-public.js';
import cloudtrailCloudwatchLogs from './cloudtrail-cloudwatch-logs.js';
import cloudtrailKmsEncrypted from './cloudtrail-kms-encrypted.js';
import cloudtrailLogValidationEnabled from './cloudtrail-log-validation-enabled.js';
import cloudtrailMultiRegionLogging from './cloudtrail-multi-region-logging.js';
import cloudwatchSecurityEventAlarms from './cloudwatch-security-event-alarms.js';
import configRecorderAllResources from './config-recorder-all-resources.js';
import ebsEncryptionByDefault from './ebs-encryption-by-default.js';
import ebsVolumeEncrypted from './ebs-volume-encrypted.js';
import ec2AmiNotPublic from './ec2-ami-not-public.js';
import ec2CdeEgressRestricted from './ec2-cde-egress-restricted.js';
import ec2EbsSnapshotsNotPublic from './ec2-ebs-snapshots-not-public.js';
import ec2Imdsv2Required from './ec2-imdsv2-required.js';
import ec2NaclNoPublicAdminPorts from './ec2-nacl-no-public-admin-ports.js';
import ec2NoPublicIpOutsidePublicTier from './ec2-no-public-ip-outside-public-tier.js';
import ec2SgDefaultRestrictsAll from './ec2-sg-default-restricts-all.js';
import ec2SgNoPublicAdminPorts from './ec2-sg-no-public-admin-ports.js';
import ec2SgNoPublicAllTraffic from './ec2-sg-no-public-all-traffic.js';
import ec2SgNoPublicRiskyPorts from './ec2-sg-no-public-risky-ports.js';
import ec2SgPublicPortsAuthorised from './ec2-sg-public-ports-authorised.js';
import ecrImageScanningEnabled from './ecr-image-scanning-enabled.js';
import ecrRepositoryNotPublic from './ecr-repository-not-public.js';
import ecrTagsImmutable from './ecr-tags-immutable.js';
import eksClusterVersionSupported from './eks-cluster-version-supported.js';
import eksControlPlaneLogging from './eks-control-plane-logging.js';
import eksEndpointNotPublic from './eks-endpoint-not-public.js';
import eksSecretsEncrypted from './eks-secrets-encrypted.js';
import elbAccessLogsEnabled from './elb-access-logs-enabled.js';
import elbClassicAccessLogsEnabled from './elb-classic-access-logs-enabled.js';
import elbClassicModernTlsPolicy from './elb-classic-modern-tls-policy.js';
import elbClassicTlsOnly from './elb-classic-tls-only.js';
import elbInternetFacingTlsOnly from './elb-internet-facing-tls-only.js';
import elbModernTlsPolicy from './elb-modern-tls-policy.js';
import guarddutyCentrallyAdministered from './guardduty-centrally-administered.js';
import guarddutyEnabled from './guardduty-enabled.js';
import guarddutyMalwareProtectionEnabled from './guardduty-malware-protection-enabled.js';
import iamAccessKeysRotated from './iam-access-keys-rotated.js';
import iamAdminPrincipalsSecured from './iam-admin-principals-secured.js';
import iamNoInlineWildcardSensitiveServices from './iam-no-inline-wildcard-sensitive-services.js';
import iamNoUserAdminPolicy from './iam-no-user-admin-policy.js';
import iamPasswordPolicyStrong from './iam-password-policy-strong.js';
import iamRootMfaEnabled from './iam-root-mfa-enabled.js';
import iamRootNoAccessKeys from './iam-root-no-access-keys.js';
import iamRootNotUsedRecently from './iam-root-not-used-recently.js';
import iamSupportRoleExists from './iam-support-role-exists.js';
import iamUnusedCredentialsDisabled from './iam-unused-credentials-disabled.js';
import iamUserConsoleMfa from './iam-user-console-mfa.js';
import iamUserPermissionsViaGroups from './iam-user-permissions-via-groups.js';
import iamUserSingleFactorPasswordExpires from './iam-user-single-factor-password-expires.js';
import inspector2ScanningEnabled from './inspector2-scanning-enabled.js';
import kmsKeyNotPendingDeletion from './kms-key-not-pending-deletion.js';
import kmsKeyPolicyNoPublicPrincipal from './kms-key-policy-no-public-principal.js';
import kmsKeyRotationEnabled from './kms-key-rotation-enabled.js';
import lambdaFunctionInVpc from './lambda-function-in-vpc.js';
import lambdaFunctionNotPublic from './lambda-function-not-public.js';
import lambdaRuntimeSupported from './lambda-runtime-supported.js';
import rdsBackupRetention from './rds-backup-retention.js';
import rdsMultiAz from './rds-multi-az.js';
import rdsNotPubliclyAccessible from './rds-not-publicly-accessible.js';
import rdsStorageEncrypted from './rds-storage-encrypted.js';
import regionDataResidency from './region-data-residency.js';
import s3AccountPublicAccessBlock from './s3-account-public-access-block.js';
import s3BucketDefaultEncryption from './s3-bucket-default-encryption.js';
import s3BucketPublicAccessBlock from './s3-bucket-public-access-block.js';
import s3LogBucketTlsOnly from './s3-log-bucket-tls-only.js';
import secretsmanagerRotationEnabled from './secretsmanager-rotation-enabled.js';
import securityhubEnabledWithStandards from './securityhub-enabled-with-standards.js';
import ssmInstanceManaged from './ssm-instance-managed.js';
import ssmInstancePatchCompliant from './ssm-instance-patch-compliant.js';
import vpcFlowLogsEnabled from './vpc-flow-logs-enabled.js';
import vpcSubnetTiersMultiAz from './vpc-subnet-tiers-multi-az.js';
import wafAlbProtected from './waf-alb-protected.js';
import wafApigatewayStageProtected from './waf-apigateway-stage-protected.js';
import wafClassicWebAclMigrated from './waf-classic-web-acl-migrated.js';
import wafCloudfrontProtected from './waf-cloudfront-protected.js';
import wafWebAclAwsManagedRules from './waf-web-acl-aws-managed-rules.js';
import wafWebAclHasRules from './waf-web-acl-has-rules.js';
import wafWebAclLoggingEnabled from './waf-web-acl-logging-enabled.js';

export const CHECKS = {
  'accessanalyzer-enabled': accessanalyzerEnabled,
  'acm-certificate-not-expiring': acmCertificateNotExpiring,
  'acm-certificate-strong-key': acmCertificateStrongKey,
  'arch-declared-flows-open': archDeclaredFlowsOpen,
  'arch-flows-declared': archFlowsDeclared,
  'arch-public-address-in-allowed-tier': archPublicAddressInAllowedTier,
  'arch-tier-multi-az': archTierMultiAz,
  'arch-tier-regions-allowed': archTierRegionsAllowed,
  'arch-vpc-peering-expected': archVpcPeeringExpected,
  'cloudtrail-bucket-not-public': cloudtrailBucketNotPublic,
  'cloudtrail-cloudwatch-logs': cloudtrailCloudwatchLogs,
  'cloudtrail-kms-encrypted': cloudtrailKmsEncrypted,
  'cloudtrail-log-validation-enabled': cloudtrailLogValidationEnabled,
  'cloudtrail-multi-region-logging': cloudtrailMultiRegionLogging,
  'cloudwatch-security-event-alarms': cloudwatchSecurityEventAlarms,
  'config-recorder-all-resources': configRecorderAllResources,
  'ebs-encryption-by-default': ebsEncryptionByDefault,
  'ebs-volume-encrypted': ebsVolumeEncrypted,
  'ec2-ami-not-public': ec2AmiNotPublic,
  'ec2-cde-egress-restricted': ec2CdeEgressRestricted,
  'ec2-ebs-snapshots-not-public': ec2EbsSnapshotsNotPublic,
  'ec2-imdsv2-required': ec2Imdsv2Required,
  'ec2-nacl-no-public-admin-ports': ec2NaclNoPublicAdminPorts,
  'ec2-no-public-ip-outside-public-tier': ec2NoPublicIpOutsidePublicTier,
  'ec2-sg-default-restricts-all': ec2SgDefaultRestrictsAll,
  'ec2-sg-no-public-admin-ports': ec2SgNoPublicAdminPorts,
  'ec2-sg-no-public-all-traffic': ec2SgNoPublicAllTraffic,
  'ec2-sg-no-public-risky-ports': ec2SgNoPublicRiskyPorts,
  'ec2-sg-public-ports-authorised': ec2SgPublicPortsAuthorised,
  'ecr-image-scanning-enabled': ecrImageScanningEnabled,
  'ecr-repository-not-public': ecrRepositoryNotPublic,
  'ecr-tags-immutable': ecrTagsImmutable,
  'eks-cluster-version-supported': eksClusterVersionSupported,
  'eks-control-plane-logging': eksControlPlaneLogging,
  'eks-endpoint-not-public': eksEndpointNotPublic,
  'eks-secrets-encrypted': eksSecretsEncrypted,
  'elb-access-logs-enabled': elbAccessLogsEnabled,
  'elb-classic-access-logs-enabled': elbClassicAccessLogsEnabled,
  'elb-classic-modern-tls-policy': elbClassicModernTlsPolicy,
  'elb-classic-tls-only': elbClassicTlsOnly,
  'elb-internet-facing-tls-only': elbInternetFacingTlsOnly,
  'elb-modern-tls-policy': elbModernTlsPolicy,
  'guardduty-centrally-administered': guarddutyCentrallyAdministered,
  'guardduty-enabled': guarddutyEnabled,
  'guardduty-malware-protection-enabled': guarddutyMalwareProtectionEnabled,
  'iam-access-keys-rotated': iamAccessKeysRotated,
  'iam-admin-principals-secured': iamAdminPrincipalsSecured,
  'iam-no-inline-wildcard-sensitive-services': iamNoInlineWildcardSensitiveServices,
  'iam-no-user-admin-policy': iamNoUserAdminPolicy,
  'iam-password-policy-strong': iamPasswordPolicyStrong,
  'iam-root-mfa-enabled': iamRootMfaEnabled,
  'iam-root-no-access-keys': iamRootNoAccessKeys,
  'iam-root-not-used-recently': iamRootNotUsedRecently,
  'iam-support-role-exists': iamSupportRoleExists,
  'iam-unused-credentials-disabled': iamUnusedCredentialsDisabled,
  'iam-user-console-mfa': iamUserConsoleMfa,
  'iam-user-permissions-via-groups': iamUserPermissionsViaGroups,
  'iam-user-single-factor-password-expires': iamUserSingleFactorPasswordExpires,
  'inspector2-scanning-enabled': inspector2ScanningEnabled,
  'kms-key-not-pending-deletion': kmsKeyNotPendingDeletion,
  'kms-key-policy-no-public-principal': kmsKeyPolicyNoPublicPrincipal,
  'kms-key-rotation-enabled': kmsKeyRotationEnabled,
  'lambda-function-in-vpc': lambdaFunctionInVpc,
  'lambda-function-not-public': lambdaFunctionNotPublic,
  'lambda-runtime-supported': lambdaRuntimeSupported,
  'rds-backup-retention': rdsBackupRetention,
  'rds-multi-az': rdsMultiAz,
  'rds-not-publicly-accessible': rdsNotPubliclyAccessible,
  'rds-storage-encrypted': rdsStorageEncrypted,
  'region-data-residency': regionDataResidency,
  's3-account-public-access-block': s3AccountPublicAccessBlock,
  's3-bucket-default-encryption': s3BucketDefaultEncryption,
  's3-bucket-public-access-block': s3BucketPublicAccessBlock,
  's3-log-bucket-tls-only': s3LogBucketTlsOnly,
  'secretsmanager-rotation-enabled': secretsmanagerRotationEnabled,
  'securityhub-enabled-with-standards': securityhubEnabledWithStandards,
  'ssm-instance-managed': ssmInstanceManaged,
  'ssm-instance-patch-compliant': ssmInstancePatchCompliant,
  'vpc-flow-logs-enabled': vpcFlowLogsEnabled,
  'vpc-subnet-tiers-multi-az': vpcSubnetTiersMultiAz,
  'waf-alb-protected': wafAlbProtected,
  'waf-apigateway-stage-protected': wafApigatewayStageProtected,
  'waf-classic-web-acl-migrated': wafClassicWebAclMigrated,
  'waf-cloudfront-protected': wafCloudfrontProtected,
  'waf-web-acl-aws-managed-rules': wafWebAclAwsManagedRules,
  'waf-web-acl-has-rules': wafWebAclHasRules,
  'waf-web-acl-logging-enabled': wafWebAclLoggingEnabled,
} satisfies Record<string, AnyCheck>;

export type CheckId = keyof typeof CHECKS;

export function findCheck(id: string): AnyCheck | undefined {
  return Object.hasOwn(CHECKS, id) ? (CHECKS as Record<string, AnyCheck>)[id] : undefined;
}
