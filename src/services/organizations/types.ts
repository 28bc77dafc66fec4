/** AWS Organizations in the typed inventory. */
import type { Observed, Resource } from '../../inventory/base.js';

export interface OrganizationInfo {
  id: string;
  managementAccountId: string;
  /** `ALL` or `CONSOLIDATED_BILLING` (SCPs need ALL). */
  featureSet?: string;
}

export interface ServiceControlPolicy {
  id: string;
  name: string;
  awsManaged: boolean;
  /** Roots, OUs and accounts it is attached to (`type:id`), read for customer-managed SCPs. */
  targets: Observed<string[]> | null;
}

export interface DelegatedAdministrator {
  accountId: string;
  name?: string;
  /** The service principals delegated to it. */
  services: Observed<string[]>;
}

/** What the organization data shows: read from the management account, or from an account delegated to read it. */
export interface OrganizationDetails {
  /** Each root and whether service control policies are enabled on it. */
  roots: Observed<{ id: string; scpEnabled: boolean }[]>;
  scps: Observed<ServiceControlPolicy[]>;
  delegatedAdministrators: Observed<DelegatedAdministrator[]>;
}

/** The scanned account's place in AWS Organizations (one per snapshot). */
export interface OrganizationMembership extends Resource {
  type: 'AWS::Organizations::Organization';
  /** null: the account is in no organization (DescribeOrganization answered AWSOrganizationsNotInUseException). */
  organization: Observed<OrganizationInfo | null>;
  /** Undefined when the organization was not read (not the management account, not delegated, or no organization). */
  details?: OrganizationDetails;
}
