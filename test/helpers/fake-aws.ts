/**
 * A loopback AWS: an HTTP server on 127.0.0.1 that answers every call
 * `archscan collect` sends for one region (ap-south-1) plus the global
 * services, in each service's real wire format, so a test drives the real SDK
 * stack: endpoint resolution via AWS_ENDPOINT_URL, SigV4 signing, request
 * serialisation, retries, response and error parsing.
 *
 * Protocols, as the SDK clients speak them:
 * - ec2Query (EC2) and awsQuery (IAM, STS, ELBv2, RDS): POST / with a form
 *   body `Action=...&Version=...` (Version picks the service). EC2 answers
 *   `<XResponse xmlns=".../2016-11-15/">` with `<requestId>` and `<item>`
 *   lists; awsQuery `<XResponse><XResult>` with `<member>` (or named) lists
 *   and `<ResponseMetadata>`.
 * - awsJson1_1 (KMS, CloudTrail, Config, WAFv2, Secrets Manager, CloudWatch
 *   Logs) and awsJson1_0 (CloudWatch): POST / with `X-Amz-Target`, member
 *   names as is, timestamps as epoch seconds.
 * - restJson1 (GuardDuty, API Gateway, Access Analyzer): method + path,
 *   camelCase wire names.
 * - restXml (S3 path-style, S3 Control, CloudFront): method + path + query.
 *
 * Every request is recorded (and its SigV4 signature recomputed when the test
 * hands the secret key over); an operation can be denied, made to fail N
 * times, or slowed down; anything the server does not know answers 400 and is
 * recorded.
 */
import { createHash, createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// ---------------------------------------------------------------------------
// The fake account (one enabled region, ap-south-1; me-central-1 not opted in)
// ---------------------------------------------------------------------------

export const ACCOUNT = '210987654321';
export const REGION = 'ap-south-1';
export const NOT_OPTED_IN = 'me-central-1';
export const CALLER_ARN = `arn:aws:sts::${ACCOUNT}:assumed-role/ArchscanAudit/loopback-test`;

export const IDS = {
  vpc: 'vpc-0a1b2c3d4e5f60718',
  subnet: 'subnet-0aa11bb22cc33dd44',
  routeTable: 'rtb-0f9e8d7c6b5a49382',
  igw: 'igw-0c1d2e3f4a5b6c7d8',
  sgDefault: 'sg-0a11aa22bb33cc44d',
  sgBastion: 'sg-0b22bb33cc44dd55e',
  prefixList: 'pl-0f1e2d3c4b5a69788',
  nacl: 'acl-0d4c3b2a1f0e9d8c7',
  flowLog: 'fl-0e5d4c3b2a1f0e9d8',
  instance: 'i-0123456789abcdef0',
  volEncrypted: 'vol-0aaaabbbbccccdddd',
  volPlain: 'vol-0eeeeffff00001111',
  image: 'ami-0fedcba9876543210',
  cmk: 'c0ffee00-1111-4222-8333-444455556666',
  awsKey: 'a1b2c3d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
  trailName: 'management-events',
  detector: '12abc34d567e8fa901bc2d34e56789f0',
  privateBucket: `payments-statements-${ACCOUNT}`,
  publicBucket: `public-assets-${ACCOUNT}`,
  distribution: 'E2QWRUHAPOMQZL',
  restApi: 'a1b2c3d4e5',
  webAcl: 'a1b2c3d4-1111-2222-3333-444455556666',
  dbInstance: 'payments-db',
  secret: 'prod/payments/db-credentials',
} as const;

export const CMK_ARN = `arn:aws:kms:${REGION}:${ACCOUNT}:key/${IDS.cmk}`;
export const AWS_KEY_ARN = `arn:aws:kms:${REGION}:${ACCOUNT}:key/${IDS.awsKey}`;
export const TRAIL_ARN = `arn:aws:cloudtrail:${REGION}:${ACCOUNT}:trail/${IDS.trailName}`;
export const ALB_ARN = `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:loadbalancer/app/payments-web/50dc6c495c0c9188`;
export const WEB_ACL_ARN = `arn:aws:wafv2:${REGION}:${ACCOUNT}:regional/webacl/payments-web/${IDS.webAcl}`;

/** The IAM credential report's real column header (22 columns, in IAM's order). */
export const REPORT_HEADER =
  'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,' +
  'access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,' +
  'access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,' +
  'cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated';

/** The report as IAM builds it: header, the root row, one row per user; no trailing newline. */
export const CREDENTIAL_REPORT_CSV = [
  REPORT_HEADER,
  `<root_account>,arn:aws:iam::${ACCOUNT}:root,2019-03-04T09:15:27+00:00,not_supported,2024-01-10T11:02:44+00:00,not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A`,
  `deploy-bot,arn:aws:iam::${ACCOUNT}:user/ci/deploy-bot,2020-06-01T08:00:00+00:00,false,N/A,N/A,N/A,false,true,2020-06-01T08:00:00+00:00,2024-01-09T17:41:00+00:00,ap-south-1,s3,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A`,
].join('\n');

const GENERATED_TIME = '2024-01-15T06:30:12Z';

// ---------------------------------------------------------------------------
// Services and their wire protocols
// ---------------------------------------------------------------------------

export type Service =
  | 'ec2'
  | 'iam'
  | 'sts'
  | 'elasticloadbalancing'
  | 'rds'
  | 'kms'
  | 'cloudtrail'
  | 'config'
  | 'wafv2'
  | 'secretsmanager'
  | 'logs'
  | 'cloudwatch'
  | 'guardduty'
  | 'apigateway'
  | 'accessanalyzer'
  | 's3'
  | 's3control'
  | 'cloudfront';

type Protocol = 'ec2' | 'query' | 'json1.1' | 'json1.0' | 'restJson' | 'restXml' | 's3';

const PROTOCOL: Record<Service, Protocol> = {
  ec2: 'ec2',
  iam: 'query',
  sts: 'query',
  elasticloadbalancing: 'query',
  rds: 'query',
  kms: 'json1.1',
  cloudtrail: 'json1.1',
  config: 'json1.1',
  wafv2: 'json1.1',
  secretsmanager: 'json1.1',
  logs: 'json1.1',
  cloudwatch: 'json1.0',
  guardduty: 'restJson',
  apigateway: 'restJson',
  accessanalyzer: 'restJson',
  s3: 's3',
  s3control: 'restXml',
  cloudfront: 'restXml',
};

const XMLNS: Partial<Record<Service, string>> = {
  ec2: 'http://ec2.amazonaws.com/doc/2016-11-15/',
  iam: 'https://iam.amazonaws.com/doc/2010-05-08/',
  sts: 'https://sts.amazonaws.com/doc/2011-06-15/',
  elasticloadbalancing: 'http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/',
  rds: 'http://rds.amazonaws.com/doc/2014-10-31/',
  s3: 'http://s3.amazonaws.com/doc/2006-03-01/',
  s3control: 'http://awss3control.amazonaws.com/doc/2018-08-20/',
  cloudfront: 'http://cloudfront.amazonaws.com/doc/2020-05-31/',
};

/** Query protocols: the Version parameter names the service. */
const QUERY_VERSION: Record<string, Service> = {
  '2016-11-15': 'ec2',
  '2010-05-08': 'iam',
  '2011-06-15': 'sts',
  '2015-12-01': 'elasticloadbalancing',
  '2014-10-31': 'rds',
};

/**
 * X-Amz-Target prefixes. CloudTrail accepts both its botocore prefix
 * (`com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.`) and the Smithy
 * service shape name the JS (and Go) SDKs send (`CloudTrail_20131101.`).
 */
const JSON_TARGET: [prefix: string, service: Service][] = [
  ['TrentService.', 'kms'],
  ['com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.', 'cloudtrail'],
  ['CloudTrail_20131101.', 'cloudtrail'],
  ['StarlingDoveService.', 'config'],
  ['AWSWAF_20190729.', 'wafv2'],
  ['secretsmanager.', 'secretsmanager'],
  ['Logs_20140328.', 'logs'],
  ['GraniteServiceVersion20100801.', 'cloudwatch'],
];

/** The SigV4 signing name of each service. */
export const SIGNING_NAME: Record<Service, string> = {
  ec2: 'ec2',
  iam: 'iam',
  sts: 'sts',
  elasticloadbalancing: 'elasticloadbalancing',
  rds: 'rds',
  kms: 'kms',
  cloudtrail: 'cloudtrail',
  config: 'config',
  wafv2: 'wafv2',
  secretsmanager: 'secretsmanager',
  logs: 'logs',
  cloudwatch: 'monitoring',
  guardduty: 'guardduty',
  apigateway: 'apigateway',
  accessanalyzer: 'access-analyzer',
  s3: 's3',
  s3control: 's3',
  cloudfront: 'cloudfront',
};

// ---------------------------------------------------------------------------
// Wire helpers
// ---------------------------------------------------------------------------

interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

let requestCounter = 0;
function requestId(): string {
  requestCounter += 1;
  return `7a62c49f-347e-4fc4-9331-${requestCounter.toString(16).padStart(12, '0')}`;
}
const hostId = () => Buffer.from(`host-${requestCounter}`).toString('base64');

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** Epoch seconds, as awsJson and restJson services write timestamps by default. */
const epoch = (iso: string) => new Date(iso).getTime() / 1000;

function ec2Ok(op: string, inner: string): Reply {
  return {
    status: 200,
    headers: { 'content-type': 'text/xml;charset=UTF-8' },
    body: `<?xml version="1.0" encoding="UTF-8"?>\n<${op}Response xmlns="${XMLNS.ec2}">\n    <requestId>${requestId()}</requestId>\n${inner}\n</${op}Response>`,
  };
}

function queryOk(service: Service, op: string, inner: string): Reply {
  return {
    status: 200,
    headers: { 'content-type': 'text/xml' },
    body:
      `<${op}Response xmlns="${XMLNS[service]}">\n  <${op}Result>\n${inner}\n  </${op}Result>\n` +
      `  <ResponseMetadata>\n    <RequestId>${requestId()}</RequestId>\n  </ResponseMetadata>\n</${op}Response>\n`,
  };
}

function jsonOk(body: unknown, version: '1.1' | '1.0' = '1.1'): Reply {
  return { status: 200, headers: { 'content-type': `application/x-amz-json-${version}`, 'x-amzn-requestid': requestId() }, body: JSON.stringify(body) };
}

function restJsonOk(body: unknown): Reply {
  return { status: 200, headers: { 'content-type': 'application/json', 'x-amzn-requestid': requestId() }, body: JSON.stringify(body) };
}

function xmlOk(body: string, service: 's3' | 's3control' | 'cloudfront'): Reply {
  const headers: Record<string, string> =
    service === 'cloudfront'
      ? { 'content-type': 'text/xml', 'x-amz-request-id': requestId() }
      : { 'content-type': 'application/xml', 'x-amz-request-id': requestId(), 'x-amz-id-2': hostId(), server: 'AmazonS3' };
  return { status: 200, headers, body: `<?xml version="1.0" encoding="UTF-8"?>\n${body}` };
}

export interface WireError {
  code: string;
  message: string;
  status: number;
}

/** An error in the wire format of `service`. */
function errorReply(service: Service, e: WireError): Reply {
  const id = requestId();
  switch (PROTOCOL[service]) {
    case 'ec2':
      return {
        status: e.status,
        headers: { 'content-type': 'text/xml;charset=UTF-8' },
        body:
          `<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>${esc(e.code)}</Code><Message>${esc(e.message)}</Message></Error></Errors>` +
          `<RequestID>${id}</RequestID></Response>`,
      };
    case 'query':
      return {
        status: e.status,
        headers: { 'content-type': 'text/xml' },
        body:
          `<ErrorResponse xmlns="${XMLNS[service]}">\n  <Error>\n    <Type>Sender</Type>\n    <Code>${esc(e.code)}</Code>\n` +
          `    <Message>${esc(e.message)}</Message>\n  </Error>\n  <RequestId>${id}</RequestId>\n</ErrorResponse>\n`,
      };
    case 'restXml':
      return {
        status: e.status,
        headers: { 'content-type': 'text/xml', 'x-amz-request-id': id },
        body:
          `<?xml version="1.0" encoding="UTF-8"?>\n<ErrorResponse${service === 'cloudfront' ? ` xmlns="${XMLNS.cloudfront}"` : ''}><Error><Type>Sender</Type>` +
          `<Code>${esc(e.code)}</Code><Message>${esc(e.message)}</Message></Error><RequestId>${id}</RequestId></ErrorResponse>`,
      };
    case 's3':
      return {
        status: e.status,
        headers: { 'content-type': 'application/xml', 'x-amz-request-id': id, 'x-amz-id-2': hostId(), server: 'AmazonS3' },
        body:
          `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${esc(e.code)}</Code><Message>${esc(e.message)}</Message>` +
          `<RequestId>${id}</RequestId><HostId>${hostId()}</HostId></Error>`,
      };
    case 'restJson':
      return {
        status: e.status,
        headers: { 'content-type': 'application/json', 'x-amzn-requestid': id, 'x-amzn-errortype': `${e.code}:http://internal.amazon.com/coral/com.amazon.coral.service/` },
        body: JSON.stringify({ message: e.message, __type: e.code }),
      };
    case 'json1.0':
      // CloudWatch is awsQuery-compatible: the query error code rides in x-amzn-query-error.
      return {
        status: e.status,
        headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': id, 'x-amzn-query-error': `${e.code};Sender` },
        body: JSON.stringify({ __type: `com.amazonaws.cloudwatch#${e.code}`, message: e.message }),
      };
    case 'json1.1':
      return { status: e.status, headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': id }, body: JSON.stringify({ __type: e.code, message: e.message }) };
  }
}

/** "Access denied" as each service words it. */
function accessDenied(service: Service, key: string): WireError {
  const who = `User: ${CALLER_ARN} is not authorized to perform: ${key}`;
  const because = `because no identity-based policy allows the ${key} action`;
  switch (PROTOCOL[service]) {
    case 'ec2':
      return { code: 'UnauthorizedOperation', status: 403, message: `You are not authorized to perform this operation. ${who} ${because}` };
    case 'query':
    case 'restXml':
    case 'json1.0':
      return { code: 'AccessDenied', status: 403, message: `${who} on resource: * ${because}` };
    case 's3':
      return { code: 'AccessDenied', status: 403, message: 'Access Denied' };
    case 'restJson':
      return { code: 'AccessDeniedException', status: 403, message: `${who} on resource: * ${because}` };
    case 'json1.1':
      return { code: 'AccessDeniedException', status: 400, message: `${who} on resource: * ${because}` };
  }
}

/** "Slow down" as each service words it. */
function throttled(service: Service): WireError {
  switch (PROTOCOL[service]) {
    case 'ec2':
      return { code: 'RequestLimitExceeded', status: 400, message: 'Request limit exceeded.' };
    case 'query':
    case 'restXml':
    case 'json1.0':
      return { code: 'Throttling', status: 400, message: 'Rate exceeded' };
    case 's3':
      return { code: 'SlowDown', status: 503, message: 'Please reduce your request rate.' };
    case 'restJson':
      return { code: 'TooManyRequestsException', status: 429, message: 'Too Many Requests' };
    case 'json1.1':
      return { code: 'ThrottlingException', status: 400, message: 'Rate exceeded' };
  }
}

// ---------------------------------------------------------------------------
// Recorded responses, one per operation
// ---------------------------------------------------------------------------

type Params = Record<string, unknown>;
type Handler = (p: Params) => Reply;

const str = (v: unknown) => (typeof v === 'string' ? v : '');

const EC2: Record<string, Handler> = {
  DescribeRegions: () =>
    ec2Ok(
      'DescribeRegions',
      `    <regionInfo>
        <item>
            <regionName>${REGION}</regionName>
            <regionEndpoint>ec2.${REGION}.amazonaws.com</regionEndpoint>
            <optInStatus>opt-in-not-required</optInStatus>
        </item>
        <item>
            <regionName>${NOT_OPTED_IN}</regionName>
            <regionEndpoint>ec2.${NOT_OPTED_IN}.amazonaws.com</regionEndpoint>
            <optInStatus>not-opted-in</optInStatus>
        </item>
    </regionInfo>`,
    ),
  DescribeVpcs: () =>
    ec2Ok(
      'DescribeVpcs',
      `    <vpcSet>
        <item>
            <vpcId>${IDS.vpc}</vpcId>
            <ownerId>${ACCOUNT}</ownerId>
            <state>available</state>
            <cidrBlock>10.40.0.0/16</cidrBlock>
            <cidrBlockAssociationSet>
                <item>
                    <cidrBlock>10.40.0.0/16</cidrBlock>
                    <associationId>vpc-cidr-assoc-0b1c2d3e4f5a6b7c8</associationId>
                    <cidrBlockState>
                        <state>associated</state>
                    </cidrBlockState>
                </item>
            </cidrBlockAssociationSet>
            <dhcpOptionsId>dopt-0a9b8c7d6e5f4a3b2</dhcpOptionsId>
            <tagSet>
                <item>
                    <key>Name</key>
                    <value>payments-prod</value>
                </item>
            </tagSet>
            <instanceTenancy>default</instanceTenancy>
            <isDefault>false</isDefault>
        </item>
    </vpcSet>`,
    ),
  DescribeSubnets: () =>
    ec2Ok(
      'DescribeSubnets',
      `    <subnetSet>
        <item>
            <subnetId>${IDS.subnet}</subnetId>
            <subnetArn>arn:aws:ec2:${REGION}:${ACCOUNT}:subnet/${IDS.subnet}</subnetArn>
            <state>available</state>
            <ownerId>${ACCOUNT}</ownerId>
            <vpcId>${IDS.vpc}</vpcId>
            <cidrBlock>10.40.1.0/24</cidrBlock>
            <ipv6CidrBlockAssociationSet/>
            <availableIpAddressCount>250</availableIpAddressCount>
            <availabilityZone>${REGION}a</availabilityZone>
            <availabilityZoneId>aps1-az1</availabilityZoneId>
            <defaultForAz>false</defaultForAz>
            <mapPublicIpOnLaunch>true</mapPublicIpOnLaunch>
            <assignIpv6AddressOnCreation>false</assignIpv6AddressOnCreation>
            <tagSet>
                <item>
                    <key>Name</key>
                    <value>public-a</value>
                </item>
            </tagSet>
        </item>
    </subnetSet>`,
    ),
  DescribeRouteTables: () =>
    ec2Ok(
      'DescribeRouteTables',
      `    <routeTableSet>
        <item>
            <routeTableId>${IDS.routeTable}</routeTableId>
            <vpcId>${IDS.vpc}</vpcId>
            <ownerId>${ACCOUNT}</ownerId>
            <routeSet>
                <item>
                    <destinationCidrBlock>10.40.0.0/16</destinationCidrBlock>
                    <gatewayId>local</gatewayId>
                    <state>active</state>
                    <origin>CreateRouteTable</origin>
                </item>
                <item>
                    <destinationCidrBlock>0.0.0.0/0</destinationCidrBlock>
                    <gatewayId>${IDS.igw}</gatewayId>
                    <state>active</state>
                    <origin>CreateRoute</origin>
                </item>
            </routeSet>
            <associationSet>
                <item>
                    <routeTableAssociationId>rtbassoc-0a1a2a3a4a5a6a7a8</routeTableAssociationId>
                    <routeTableId>${IDS.routeTable}</routeTableId>
                    <subnetId>${IDS.subnet}</subnetId>
                    <main>false</main>
                    <associationState>
                        <state>associated</state>
                    </associationState>
                </item>
            </associationSet>
            <propagatingVgwSet/>
            <tagSet/>
        </item>
    </routeTableSet>`,
    ),
  DescribeInternetGateways: () =>
    ec2Ok(
      'DescribeInternetGateways',
      `    <internetGatewaySet>
        <item>
            <internetGatewayId>${IDS.igw}</internetGatewayId>
            <ownerId>${ACCOUNT}</ownerId>
            <attachmentSet>
                <item>
                    <vpcId>${IDS.vpc}</vpcId>
                    <state>available</state>
                </item>
            </attachmentSet>
            <tagSet/>
        </item>
    </internetGatewaySet>`,
    ),
  DescribeSecurityGroups: () =>
    ec2Ok(
      'DescribeSecurityGroups',
      `    <securityGroupInfo>
        <item>
            <ownerId>${ACCOUNT}</ownerId>
            <groupId>${IDS.sgDefault}</groupId>
            <groupName>default</groupName>
            <groupDescription>default VPC security group</groupDescription>
            <vpcId>${IDS.vpc}</vpcId>
            <securityGroupArn>arn:aws:ec2:${REGION}:${ACCOUNT}:security-group/${IDS.sgDefault}</securityGroupArn>
            <ipPermissions>
                <item>
                    <ipProtocol>-1</ipProtocol>
                    <groups>
                        <item>
                            <userId>${ACCOUNT}</userId>
                            <groupId>${IDS.sgDefault}</groupId>
                        </item>
                    </groups>
                    <ipRanges/>
                    <ipv6Ranges/>
                    <prefixListIds/>
                </item>
            </ipPermissions>
            <ipPermissionsEgress>
                <item>
                    <ipProtocol>-1</ipProtocol>
                    <groups/>
                    <ipRanges>
                        <item>
                            <cidrIp>0.0.0.0/0</cidrIp>
                        </item>
                    </ipRanges>
                    <ipv6Ranges/>
                    <prefixListIds/>
                </item>
            </ipPermissionsEgress>
        </item>
        <item>
            <ownerId>${ACCOUNT}</ownerId>
            <groupId>${IDS.sgBastion}</groupId>
            <groupName>bastion</groupName>
            <groupDescription>SSH from the vendor prefix list, HTTPS from anywhere</groupDescription>
            <vpcId>${IDS.vpc}</vpcId>
            <securityGroupArn>arn:aws:ec2:${REGION}:${ACCOUNT}:security-group/${IDS.sgBastion}</securityGroupArn>
            <ipPermissions>
                <item>
                    <ipProtocol>tcp</ipProtocol>
                    <fromPort>22</fromPort>
                    <toPort>22</toPort>
                    <groups/>
                    <ipRanges/>
                    <ipv6Ranges/>
                    <prefixListIds>
                        <item>
                            <prefixListId>${IDS.prefixList}</prefixListId>
                            <description>vendor support ranges</description>
                        </item>
                    </prefixListIds>
                </item>
                <item>
                    <ipProtocol>tcp</ipProtocol>
                    <fromPort>443</fromPort>
                    <toPort>443</toPort>
                    <groups/>
                    <ipRanges>
                        <item>
                            <cidrIp>0.0.0.0/0</cidrIp>
                            <description>public HTTPS</description>
                        </item>
                    </ipRanges>
                    <ipv6Ranges>
                        <item>
                            <cidrIpv6>::/0</cidrIpv6>
                        </item>
                    </ipv6Ranges>
                    <prefixListIds/>
                </item>
            </ipPermissions>
            <ipPermissionsEgress>
                <item>
                    <ipProtocol>-1</ipProtocol>
                    <groups/>
                    <ipRanges>
                        <item>
                            <cidrIp>0.0.0.0/0</cidrIp>
                        </item>
                    </ipRanges>
                    <ipv6Ranges/>
                    <prefixListIds/>
                </item>
            </ipPermissionsEgress>
            <tagSet>
                <item>
                    <key>Name</key>
                    <value>bastion</value>
                </item>
            </tagSet>
        </item>
    </securityGroupInfo>`,
    ),
  GetManagedPrefixListEntries: (p) => {
    if (p['PrefixListId'] !== IDS.prefixList) {
      return errorReply('ec2', {
        code: 'InvalidPrefixListID.NotFound',
        status: 400,
        message: `The prefix list ID '${str(p['PrefixListId'])}' does not exist`,
      });
    }
    return ec2Ok(
      'GetManagedPrefixListEntries',
      `    <entrySet>
        <item>
            <cidr>0.0.0.0/0</cidr>
            <description>vendor: temporarily everything</description>
        </item>
        <item>
            <cidr>203.0.113.0/24</cidr>
            <description>vendor office</description>
        </item>
    </entrySet>`,
    );
  },
  DescribeNetworkAcls: () =>
    ec2Ok(
      'DescribeNetworkAcls',
      `    <networkAclSet>
        <item>
            <networkAclId>${IDS.nacl}</networkAclId>
            <vpcId>${IDS.vpc}</vpcId>
            <default>true</default>
            <entrySet>
                <item>
                    <ruleNumber>100</ruleNumber>
                    <protocol>6</protocol>
                    <ruleAction>allow</ruleAction>
                    <egress>false</egress>
                    <cidrBlock>0.0.0.0/0</cidrBlock>
                    <portRange>
                        <from>22</from>
                        <to>22</to>
                    </portRange>
                </item>
                <item>
                    <ruleNumber>110</ruleNumber>
                    <protocol>6</protocol>
                    <ruleAction>allow</ruleAction>
                    <egress>false</egress>
                    <cidrBlock>0.0.0.0/0</cidrBlock>
                    <portRange>
                        <from>443</from>
                        <to>443</to>
                    </portRange>
                </item>
                <item>
                    <ruleNumber>120</ruleNumber>
                    <protocol>6</protocol>
                    <ruleAction>allow</ruleAction>
                    <egress>false</egress>
                    <ipv6CidrBlock>::/0</ipv6CidrBlock>
                    <portRange>
                        <from>1024</from>
                        <to>65535</to>
                    </portRange>
                </item>
                <item>
                    <ruleNumber>32767</ruleNumber>
                    <protocol>-1</protocol>
                    <ruleAction>deny</ruleAction>
                    <egress>false</egress>
                    <cidrBlock>0.0.0.0/0</cidrBlock>
                </item>
                <item>
                    <ruleNumber>100</ruleNumber>
                    <protocol>-1</protocol>
                    <ruleAction>allow</ruleAction>
                    <egress>true</egress>
                    <cidrBlock>0.0.0.0/0</cidrBlock>
                </item>
                <item>
                    <ruleNumber>32767</ruleNumber>
                    <protocol>-1</protocol>
                    <ruleAction>deny</ruleAction>
                    <egress>true</egress>
                    <cidrBlock>0.0.0.0/0</cidrBlock>
                </item>
            </entrySet>
            <associationSet>
                <item>
                    <networkAclAssociationId>aclassoc-0c1c2c3c4c5c6c7c8</networkAclAssociationId>
                    <networkAclId>${IDS.nacl}</networkAclId>
                    <subnetId>${IDS.subnet}</subnetId>
                </item>
            </associationSet>
            <tagSet/>
            <ownerId>${ACCOUNT}</ownerId>
        </item>
    </networkAclSet>`,
    ),
  DescribeFlowLogs: () =>
    ec2Ok(
      'DescribeFlowLogs',
      `    <flowLogSet>
        <item>
            <creationTime>2023-05-02T10:11:12.000Z</creationTime>
            <deliverLogsPermissionArn>arn:aws:iam::${ACCOUNT}:role/vpc-flow-logs</deliverLogsPermissionArn>
            <deliverLogsStatus>SUCCESS</deliverLogsStatus>
            <flowLogId>${IDS.flowLog}</flowLogId>
            <flowLogStatus>ACTIVE</flowLogStatus>
            <logGroupName>/vpc/payments-prod</logGroupName>
            <resourceId>${IDS.vpc}</resourceId>
            <trafficType>ALL</trafficType>
            <logDestinationType>cloud-watch-logs</logDestinationType>
            <logDestination>arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/vpc/payments-prod</logDestination>
            <logFormat>\${version} \${account-id} \${interface-id} \${srcaddr} \${dstaddr} \${srcport} \${dstport} \${protocol} \${packets} \${bytes} \${start} \${end} \${action} \${log-status}</logFormat>
            <tagSet/>
            <maxAggregationInterval>600</maxAggregationInterval>
        </item>
    </flowLogSet>`,
    ),
  DescribeInstances: () =>
    ec2Ok(
      'DescribeInstances',
      `    <reservationSet>
        <item>
            <reservationId>r-0f1f2f3f4f5f6f7f8</reservationId>
            <ownerId>${ACCOUNT}</ownerId>
            <groupSet/>
            <instancesSet>
                <item>
                    <instanceId>${IDS.instance}</instanceId>
                    <imageId>ami-0e35ddab05955cf57</imageId>
                    <instanceState>
                        <code>16</code>
                        <name>running</name>
                    </instanceState>
                    <privateDnsName>ip-10-40-1-10.${REGION}.compute.internal</privateDnsName>
                    <dnsName>ec2-13-200-1-10.${REGION}.compute.amazonaws.com</dnsName>
                    <reason/>
                    <keyName>ops</keyName>
                    <amiLaunchIndex>0</amiLaunchIndex>
                    <productCodes/>
                    <instanceType>t3.micro</instanceType>
                    <launchTime>2024-01-02T03:04:05.000Z</launchTime>
                    <placement>
                        <availabilityZone>${REGION}a</availabilityZone>
                        <groupName/>
                        <tenancy>default</tenancy>
                    </placement>
                    <monitoring>
                        <state>disabled</state>
                    </monitoring>
                    <subnetId>${IDS.subnet}</subnetId>
                    <vpcId>${IDS.vpc}</vpcId>
                    <privateIpAddress>10.40.1.10</privateIpAddress>
                    <ipAddress>13.200.1.10</ipAddress>
                    <sourceDestCheck>true</sourceDestCheck>
                    <groupSet>
                        <item>
                            <groupId>${IDS.sgBastion}</groupId>
                            <groupName>bastion</groupName>
                        </item>
                    </groupSet>
                    <architecture>x86_64</architecture>
                    <rootDeviceType>ebs</rootDeviceType>
                    <rootDeviceName>/dev/xvda</rootDeviceName>
                    <blockDeviceMapping>
                        <item>
                            <deviceName>/dev/xvda</deviceName>
                            <ebs>
                                <volumeId>${IDS.volPlain}</volumeId>
                                <status>attached</status>
                                <attachTime>2024-01-02T03:04:06.000Z</attachTime>
                                <deleteOnTermination>true</deleteOnTermination>
                            </ebs>
                        </item>
                    </blockDeviceMapping>
                    <virtualizationType>hvm</virtualizationType>
                    <hypervisor>xen</hypervisor>
                    <tagSet>
                        <item>
                            <key>Name</key>
                            <value>bastion-1</value>
                        </item>
                    </tagSet>
                    <metadataOptions>
                        <state>applied</state>
                        <httpTokens>required</httpTokens>
                        <httpPutResponseHopLimit>2</httpPutResponseHopLimit>
                        <httpEndpoint>enabled</httpEndpoint>
                    </metadataOptions>
                </item>
            </instancesSet>
        </item>
    </reservationSet>`,
    ),
  DescribeVolumes: () =>
    ec2Ok(
      'DescribeVolumes',
      `    <volumeSet>
        <item>
            <volumeId>${IDS.volEncrypted}</volumeId>
            <size>100</size>
            <snapshotId/>
            <availabilityZone>${REGION}a</availabilityZone>
            <status>available</status>
            <createTime>2023-11-20T08:00:00.000Z</createTime>
            <attachmentSet/>
            <volumeType>gp3</volumeType>
            <iops>3000</iops>
            <throughput>125</throughput>
            <encrypted>true</encrypted>
            <kmsKeyId>${CMK_ARN}</kmsKeyId>
            <multiAttachEnabled>false</multiAttachEnabled>
        </item>
        <item>
            <volumeId>${IDS.volPlain}</volumeId>
            <size>8</size>
            <snapshotId>snap-0123abcd4567ef890</snapshotId>
            <availabilityZone>${REGION}a</availabilityZone>
            <status>in-use</status>
            <createTime>2024-01-02T03:04:06.000Z</createTime>
            <attachmentSet>
                <item>
                    <volumeId>${IDS.volPlain}</volumeId>
                    <instanceId>${IDS.instance}</instanceId>
                    <device>/dev/xvda</device>
                    <status>attached</status>
                    <attachTime>2024-01-02T03:04:06.000Z</attachTime>
                    <deleteOnTermination>true</deleteOnTermination>
                </item>
            </attachmentSet>
            <volumeType>gp2</volumeType>
            <iops>100</iops>
            <encrypted>false</encrypted>
            <multiAttachEnabled>false</multiAttachEnabled>
        </item>
    </volumeSet>`,
    ),
  GetEbsEncryptionByDefault: () =>
    ec2Ok('GetEbsEncryptionByDefault', '    <ebsEncryptionByDefault>false</ebsEncryptionByDefault>\n    <sseType>sse-ebs</sseType>'),
  // Own snapshots anyone may restore (Owner.1=self, RestorableBy.1=all): none public here.
  DescribeSnapshots: (p) =>
    p['Owner.1'] === 'self' && p['RestorableBy.1'] === 'all'
      ? ec2Ok('DescribeSnapshots', '    <snapshotSet/>')
      : errorReply('ec2', { code: 'InvalidParameterCombination', status: 400, message: 'fake-aws: expected Owner.1=self and RestorableBy.1=all' }),
  DescribeImages: (p) =>
    p['Owner.1'] === 'self'
      ? ec2Ok(
          'DescribeImages',
          `    <imagesSet>
        <item>
            <imageId>${IDS.image}</imageId>
            <imageLocation>${ACCOUNT}/bastion-golden-2024-01</imageLocation>
            <imageState>available</imageState>
            <imageOwnerId>${ACCOUNT}</imageOwnerId>
            <creationDate>2024-01-05T09:30:00.000Z</creationDate>
            <isPublic>false</isPublic>
            <architecture>x86_64</architecture>
            <imageType>machine</imageType>
            <sriovNetSupport>simple</sriovNetSupport>
            <name>bastion-golden-2024-01</name>
            <rootDeviceType>ebs</rootDeviceType>
            <rootDeviceName>/dev/xvda</rootDeviceName>
            <blockDeviceMapping>
                <item>
                    <deviceName>/dev/xvda</deviceName>
                    <ebs>
                        <snapshotId>snap-0a0b0c0d0e0f01234</snapshotId>
                        <volumeSize>8</volumeSize>
                        <deleteOnTermination>true</deleteOnTermination>
                        <volumeType>gp3</volumeType>
                        <encrypted>true</encrypted>
                    </ebs>
                </item>
            </blockDeviceMapping>
            <virtualizationType>hvm</virtualizationType>
            <tagSet>
                <item>
                    <key>Name</key>
                    <value>bastion-golden</value>
                </item>
            </tagSet>
            <hypervisor>xen</hypervisor>
            <enaSupport>true</enaSupport>
            <platformDetails>Linux/UNIX</platformDetails>
            <usageOperation>RunInstances</usageOperation>
            <bootMode>uefi-preferred</bootMode>
            <imdsSupport>v2.0</imdsSupport>
        </item>
    </imagesSet>`,
        )
      : errorReply('ec2', { code: 'InvalidParameterCombination', status: 400, message: 'fake-aws: expected Owner.1=self' }),
};

// IAM GetAccountAuthorizationDetails: policy documents URL-encoded, as IAM sends them.
const doc = (d: object) => encodeURIComponent(JSON.stringify(d));
export const DEPLOY_POLICY_ARN = `arn:aws:iam::${ACCOUNT}:policy/deploy-artifacts`;
const IAM_USERS = `    <UserDetailList>
      <member>
        <Path>/ci/</Path>
        <UserName>deploy-bot</UserName>
        <UserId>AIDAVEXAMPLEDEPLOYBOT</UserId>
        <Arn>arn:aws:iam::${ACCOUNT}:user/ci/deploy-bot</Arn>
        <CreateDate>2020-06-01T08:00:00Z</CreateDate>
        <UserPolicyList/>
        <GroupList>
          <member>deployers</member>
        </GroupList>
        <AttachedManagedPolicies>
          <member>
            <PolicyName>deploy-artifacts</PolicyName>
            <PolicyArn>${DEPLOY_POLICY_ARN}</PolicyArn>
          </member>
        </AttachedManagedPolicies>
        <Tags>
          <member>
            <Key>owner</Key>
            <Value>platform</Value>
          </member>
        </Tags>
      </member>
    </UserDetailList>`;
const IAM_GROUPS = `    <GroupDetailList>
      <member>
        <Path>/</Path>
        <GroupName>deployers</GroupName>
        <GroupId>AGPAVEXAMPLEDEPLOYERS</GroupId>
        <Arn>arn:aws:iam::${ACCOUNT}:group/deployers</Arn>
        <CreateDate>2020-06-01T07:55:00Z</CreateDate>
        <GroupPolicyList>
          <member>
            <PolicyName>read-deploy-parameters</PolicyName>
            <PolicyDocument>${doc({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['ssm:GetParameter', 'ssm:GetParameters'], Resource: `arn:aws:ssm:${REGION}:${ACCOUNT}:parameter/deploy/*` }] })}</PolicyDocument>
          </member>
        </GroupPolicyList>
        <AttachedManagedPolicies/>
      </member>
    </GroupDetailList>`;
const IAM_ROLES = `    <RoleDetailList>
      <member>
        <Path>/</Path>
        <RoleName>ArchscanAudit</RoleName>
        <RoleId>AROAVEXAMPLEAUDITROLE</RoleId>
        <Arn>arn:aws:iam::${ACCOUNT}:role/ArchscanAudit</Arn>
        <CreateDate>2023-05-02T09:00:00Z</CreateDate>
        <AssumeRolePolicyDocument>${doc({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'sts:AssumeRole', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }] })}</AssumeRolePolicyDocument>
        <InstanceProfileList/>
        <RolePolicyList/>
        <AttachedManagedPolicies>
          <member>
            <PolicyName>SecurityAudit</PolicyName>
            <PolicyArn>arn:aws:iam::aws:policy/SecurityAudit</PolicyArn>
          </member>
        </AttachedManagedPolicies>
        <Tags/>
        <RoleLastUsed>
          <LastUsedDate>2024-01-15T06:29:58Z</LastUsedDate>
          <Region>${REGION}</Region>
        </RoleLastUsed>
      </member>
    </RoleDetailList>`;
const IAM_POLICIES = `    <Policies>
      <member>
        <PolicyName>deploy-artifacts</PolicyName>
        <PolicyId>ANPAVEXAMPLEDEPLOYART</PolicyId>
        <Arn>${DEPLOY_POLICY_ARN}</Arn>
        <Path>/</Path>
        <DefaultVersionId>v2</DefaultVersionId>
        <AttachmentCount>1</AttachmentCount>
        <PermissionsBoundaryUsageCount>0</PermissionsBoundaryUsageCount>
        <IsAttachable>true</IsAttachable>
        <CreateDate>2020-06-01T07:50:00Z</CreateDate>
        <UpdateDate>2022-03-14T12:00:00Z</UpdateDate>
        <PolicyVersionList>
          <member>
            <Document>${doc({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:PutObject', 's3:GetObject'], Resource: `arn:aws:s3:::${IDS.publicBucket}/*` }] })}</Document>
            <VersionId>v2</VersionId>
            <IsDefaultVersion>true</IsDefaultVersion>
            <CreateDate>2022-03-14T12:00:00Z</CreateDate>
          </member>
          <member>
            <Document>${doc({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] })}</Document>
            <VersionId>v1</VersionId>
            <IsDefaultVersion>false</IsDefaultVersion>
            <CreateDate>2020-06-01T07:50:00Z</CreateDate>
          </member>
        </PolicyVersionList>
      </member>
    </Policies>`;

/** KMS key policies as KMS returns them: pretty-printed JSON in a string. */
const CMK_POLICY = JSON.stringify(
  {
    Version: '2012-10-17',
    Id: 'key-consolepolicy-3',
    Statement: [
      { Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'kms:*', Resource: '*' },
      {
        Sid: 'Allow use of the key',
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/payments-app` },
        Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey'],
        Resource: '*',
      },
    ],
  },
  null,
  2,
).replace(/": /g, '" : ');
const AWS_KEY_POLICY = JSON.stringify({
  Version: '2012-10-17',
  Id: 'auto-ebs-2',
  Statement: [{ Sid: 'Allow access through EBS for all principals in the account that are authorized to use EBS', Effect: 'Allow', Principal: { AWS: '*' }, Action: 'kms:*', Resource: '*', Condition: { StringEquals: { 'kms:CallerAccount': ACCOUNT, 'kms:ViaService': `ec2.${REGION}.amazonaws.com` } } }],
});

const IAM: Record<string, Handler> = {
  GenerateCredentialReport: () =>
    queryOk('iam', 'GenerateCredentialReport', '    <State>COMPLETE</State>\n    <Description>Report generated</Description>'),
  GetCredentialReport: () =>
    queryOk(
      'iam',
      'GetCredentialReport',
      `    <Content>${Buffer.from(CREDENTIAL_REPORT_CSV).toString('base64')}</Content>\n    <ReportFormat>text/csv</ReportFormat>\n    <GeneratedTime>${GENERATED_TIME}</GeneratedTime>`,
    ),
  GetAccountPasswordPolicy: () =>
    queryOk(
      'iam',
      'GetAccountPasswordPolicy',
      `    <PasswordPolicy>
      <AllowUsersToChangePassword>true</AllowUsersToChangePassword>
      <RequireLowercaseCharacters>true</RequireLowercaseCharacters>
      <RequireUppercaseCharacters>true</RequireUppercaseCharacters>
      <MinimumPasswordLength>8</MinimumPasswordLength>
      <RequireNumbers>true</RequireNumbers>
      <RequireSymbols>false</RequireSymbols>
      <ExpirePasswords>false</ExpirePasswords>
    </PasswordPolicy>`,
    ),
  GetAccountAuthorizationDetails: (p) => {
    const filter = Object.entries(p).filter(([k]) => k.startsWith('Filter.member.')).map(([, v]) => str(v)).sort();
    const want = (f: string) => filter.length === 0 || filter.includes(f);
    return queryOk(
      'iam',
      'GetAccountAuthorizationDetails',
      [
        want('User') ? IAM_USERS : '    <UserDetailList/>',
        want('Group') ? IAM_GROUPS : '    <GroupDetailList/>',
        want('Role') ? IAM_ROLES : '    <RoleDetailList/>',
        want('LocalManagedPolicy') ? IAM_POLICIES : '    <Policies/>',
        '    <IsTruncated>false</IsTruncated>',
      ].join('\n'),
    );
  },
};

const STS: Record<string, Handler> = {
  GetCallerIdentity: () =>
    queryOk(
      'sts',
      'GetCallerIdentity',
      `    <Arn>${CALLER_ARN}</Arn>\n    <UserId>AROAVEXAMPLEAUDITROLE:loopback-test</UserId>\n    <Account>${ACCOUNT}</Account>`,
    ),
};

const CMK_METADATA = {
  AWSAccountId: ACCOUNT,
  KeyId: IDS.cmk,
  Arn: CMK_ARN,
  CreationDate: 1.6849704E9,
  Enabled: true,
  Description: 'payments data key',
  KeyUsage: 'ENCRYPT_DECRYPT',
  KeyState: 'Enabled',
  Origin: 'AWS_KMS',
  KeyManager: 'CUSTOMER',
  CustomerMasterKeySpec: 'SYMMETRIC_DEFAULT',
  KeySpec: 'SYMMETRIC_DEFAULT',
  EncryptionAlgorithms: ['SYMMETRIC_DEFAULT'],
  MultiRegion: false,
};
const AWS_KEY_METADATA = {
  AWSAccountId: ACCOUNT,
  KeyId: IDS.awsKey,
  Arn: AWS_KEY_ARN,
  CreationDate: 1.569318437123E9,
  Enabled: true,
  Description: 'Default key that protects my EBS volumes when no other key is defined',
  KeyUsage: 'ENCRYPT_DECRYPT',
  KeyState: 'Enabled',
  Origin: 'AWS_KMS',
  KeyManager: 'AWS',
  CustomerMasterKeySpec: 'SYMMETRIC_DEFAULT',
  KeySpec: 'SYMMETRIC_DEFAULT',
  EncryptionAlgorithms: ['SYMMETRIC_DEFAULT'],
  MultiRegion: false,
};
const keyFor = (p: Params) => {
  const id = str(p['KeyId']);
  if (id === IDS.cmk || id === CMK_ARN) return CMK_METADATA;
  if (id === IDS.awsKey || id === AWS_KEY_ARN) return AWS_KEY_METADATA;
  return undefined;
};
const kmsNotFound = (p: Params) =>
  errorReply('kms', { code: 'NotFoundException', status: 400, message: `Key '${CMK_ARN.replace(IDS.cmk, str(p['KeyId']))}' does not exist` });

export const ALIASES = [
  { AliasArn: `arn:aws:kms:${REGION}:${ACCOUNT}:alias/aws/ebs`, AliasName: 'alias/aws/ebs', TargetKeyId: IDS.awsKey, CreationDate: 1.569318437123e9, LastUpdatedDate: 1.569318437123e9 },
  { AliasArn: `arn:aws:kms:${REGION}:${ACCOUNT}:alias/aws/rds`, AliasName: 'alias/aws/rds' },
  { AliasArn: `arn:aws:kms:${REGION}:${ACCOUNT}:alias/payments-data`, AliasName: 'alias/payments-data', TargetKeyId: IDS.cmk, CreationDate: 1.6849704e9, LastUpdatedDate: 1.6849704e9 },
];
export const ALIASES_MARKER = 'eyJhbGlhc05hbWUiOiJhbGlhcy9hd3MvcmRzIn0=';

const KMS: Record<string, Handler> = {
  ListKeys: () =>
    jsonOk({
      Keys: [
        { KeyArn: AWS_KEY_ARN, KeyId: IDS.awsKey },
        { KeyArn: CMK_ARN, KeyId: IDS.cmk },
      ],
      Truncated: false,
    }),
  // Two pages (KMS may return fewer than Limit): the second asked for with the first's NextMarker.
  ListAliases: (p) => {
    const page = p['Marker'] === undefined ? 0 : p['Marker'] === ALIASES_MARKER ? 1 : -1;
    if (page < 0) return errorReply('kms', { code: 'InvalidMarkerException', status: 400, message: 'Invalid marker' });
    const aliases = ALIASES.slice(page * 2, page * 2 + 2);
    return jsonOk(page === 0 ? { Aliases: aliases, NextMarker: ALIASES_MARKER, Truncated: true } : { Aliases: aliases, Truncated: false });
  },
  DescribeKey: (p) => {
    const m = keyFor(p);
    return m ? jsonOk({ KeyMetadata: m }) : kmsNotFound(p);
  },
  GetKeyPolicy: (p) => {
    const m = keyFor(p);
    if (!m) return kmsNotFound(p);
    if (p['PolicyName'] !== 'default') {
      return errorReply('kms', { code: 'NotFoundException', status: 400, message: `No such policy exists: ${str(p['PolicyName'])}` });
    }
    return jsonOk({ Policy: m === CMK_METADATA ? CMK_POLICY : AWS_KEY_POLICY, PolicyName: 'default' });
  },
  GetKeyRotationStatus: (p) => {
    const m = keyFor(p);
    if (!m) return kmsNotFound(p);
    // AWS managed keys rotate every year, and say so.
    if (m === AWS_KEY_METADATA) return jsonOk({ KeyRotationEnabled: true, KeyId: AWS_KEY_ARN, RotationPeriodInDays: 365 });
    return jsonOk({ KeyRotationEnabled: true, KeyId: CMK_ARN, RotationPeriodInDays: 365, NextRotationDate: 1.7164512E9 });
  },
};

const TRAIL = {
  Name: IDS.trailName,
  S3BucketName: `aws-cloudtrail-logs-${ACCOUNT}-0f1e2d3c`,
  IncludeGlobalServiceEvents: true,
  IsMultiRegionTrail: true,
  HomeRegion: REGION,
  TrailARN: TRAIL_ARN,
  LogFileValidationEnabled: true,
  CloudWatchLogsLogGroupArn: `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:aws-cloudtrail-logs:*`,
  CloudWatchLogsRoleArn: `arn:aws:iam::${ACCOUNT}:role/service-role/cloudtrail-to-cloudwatch`,
  KmsKeyId: CMK_ARN,
  HasCustomEventSelectors: false,
  HasInsightSelectors: false,
  IsOrganizationTrail: false,
};
const isTrail = (name: unknown) => name === TRAIL_ARN || name === IDS.trailName;
const trailNotFound = (name: unknown) =>
  errorReply('cloudtrail', { code: 'TrailNotFoundException', status: 400, message: `Unknown trail: ${str(name)} for the user: ${ACCOUNT}` });

const CLOUDTRAIL: Record<string, Handler> = {
  DescribeTrails: () => jsonOk({ trailList: [TRAIL] }),
  GetTrailStatus: (p) =>
    isTrail(p['Name'])
      ? jsonOk({
          IsLogging: true,
          LatestDeliveryTime: epoch('2024-01-15T06:25:41.000Z'),
          LatestDigestDeliveryTime: epoch('2024-01-15T05:41:02.000Z'),
          LatestCloudWatchLogsDeliveryTime: epoch('2024-01-15T06:26:03.000Z'),
          StartLoggingTime: epoch('2023-05-02T10:00:00.000Z'),
          LatestDeliveryAttemptTime: '2024-01-15T06:25:41Z',
          LatestNotificationAttemptTime: '',
          LatestNotificationAttemptSucceeded: '',
          LatestDeliveryAttemptSucceeded: '2024-01-15T06:25:41Z',
          TimeLoggingStarted: '2023-05-02T10:00:00Z',
          TimeLoggingStopped: '',
        })
      : trailNotFound(p['Name']),
  GetEventSelectors: (p) =>
    isTrail(p['TrailName'])
      ? jsonOk({
          TrailARN: TRAIL_ARN,
          EventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: true, DataResources: [], ExcludeManagementEventSources: [] }],
        })
      : trailNotFound(p['TrailName']),
};

const CONFIG: Record<string, Handler> = {
  DescribeConfigurationRecorders: () =>
    jsonOk({
      ConfigurationRecorders: [
        {
          arn: `arn:aws:config:${REGION}:${ACCOUNT}:configuration-recorder/default/0a1b2c3d4e5f6a7b`,
          name: 'default',
          roleARN: `arn:aws:iam::${ACCOUNT}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig`,
          recordingGroup: {
            allSupported: true,
            includeGlobalResourceTypes: false,
            resourceTypes: [],
            exclusionByResourceTypes: { resourceTypes: [] },
            recordingStrategy: { useOnly: 'ALL_SUPPORTED_RESOURCE_TYPES' },
          },
          recordingMode: { recordingFrequency: 'CONTINUOUS', recordingModeOverrides: [] },
          recordingScope: 'PAID',
        },
      ],
    }),
  DescribeConfigurationRecorderStatus: () =>
    jsonOk({
      ConfigurationRecordersStatus: [
        {
          arn: `arn:aws:config:${REGION}:${ACCOUNT}:configuration-recorder/default/0a1b2c3d4e5f6a7b`,
          name: 'default',
          lastStartTime: 1.683021612345E9,
          recording: true,
          lastStatus: 'SUCCESS',
          lastStatusChangeTime: 1.705300212E9,
        },
      ],
    }),
  DescribeDeliveryChannels: () =>
    jsonOk({
      DeliveryChannels: [
        {
          name: 'default',
          s3BucketName: `config-bucket-${ACCOUNT}`,
          configSnapshotDeliveryProperties: { deliveryFrequency: 'TwentyFour_Hours' },
        },
      ],
    }),
};

const GUARDDUTY: Record<string, Handler> = {
  ListDetectors: () => restJsonOk({ detectorIds: [IDS.detector] }),
  GetDetector: (p) =>
    p['detectorId'] === IDS.detector
      ? restJsonOk({
          createdAt: '2023-05-02T10:05:00.000Z',
          findingPublishingFrequency: 'SIX_HOURS',
          serviceRole: `arn:aws:iam::${ACCOUNT}:role/aws-service-role/guardduty.amazonaws.com/AWSServiceRoleForAmazonGuardDuty`,
          status: 'ENABLED',
          updatedAt: '2024-01-10T12:00:00.000Z',
          dataSources: {
            cloudTrail: { status: 'ENABLED' },
            dnsLogs: { status: 'ENABLED' },
            flowLogs: { status: 'ENABLED' },
            s3Logs: { status: 'DISABLED' },
          },
          tags: {},
        })
      : errorReply('guardduty', {
          code: 'BadRequestException',
          status: 400,
          message: 'The request is rejected because the input detectorId is not owned by the current account.',
        }),
};

const ELB: Record<string, Handler> = {
  DescribeLoadBalancers: () =>
    queryOk(
      'elasticloadbalancing',
      'DescribeLoadBalancers',
      `    <LoadBalancers>
      <member>
        <LoadBalancerArn>${ALB_ARN}</LoadBalancerArn>
        <DNSName>payments-web-1234567890.${REGION}.elb.amazonaws.com</DNSName>
        <CanonicalHostedZoneId>ZP97RAFLXTNZK</CanonicalHostedZoneId>
        <CreatedTime>2023-06-01T10:00:00.120Z</CreatedTime>
        <LoadBalancerName>payments-web</LoadBalancerName>
        <Scheme>internet-facing</Scheme>
        <VpcId>${IDS.vpc}</VpcId>
        <State>
          <Code>active</Code>
        </State>
        <Type>application</Type>
        <AvailabilityZones>
          <member>
            <ZoneName>${REGION}a</ZoneName>
            <SubnetId>${IDS.subnet}</SubnetId>
            <LoadBalancerAddresses/>
          </member>
        </AvailabilityZones>
        <SecurityGroups>
          <member>${IDS.sgBastion}</member>
        </SecurityGroups>
        <IpAddressType>ipv4</IpAddressType>
      </member>
    </LoadBalancers>`,
    ),
  DescribeListeners: (p) =>
    p['LoadBalancerArn'] !== ALB_ARN
      ? errorReply('elasticloadbalancing', { code: 'LoadBalancerNotFound', status: 400, message: `One or more load balancers not found` })
      : queryOk(
          'elasticloadbalancing',
          'DescribeListeners',
          `    <Listeners>
      <member>
        <ListenerArn>${ALB_ARN.replace(':loadbalancer/', ':listener/')}/0467ef3c8400ae65</ListenerArn>
        <LoadBalancerArn>${ALB_ARN}</LoadBalancerArn>
        <Port>80</Port>
        <Protocol>HTTP</Protocol>
        <DefaultActions>
          <member>
            <Type>redirect</Type>
            <Order>1</Order>
            <RedirectConfig>
              <Protocol>HTTPS</Protocol>
              <Port>443</Port>
              <Host>#{host}</Host>
              <Path>/#{path}</Path>
              <Query>#{query}</Query>
              <StatusCode>HTTP_301</StatusCode>
            </RedirectConfig>
          </member>
        </DefaultActions>
      </member>
      <member>
        <ListenerArn>${ALB_ARN.replace(':loadbalancer/', ':listener/')}/9f8e7d6c5b4a3921</ListenerArn>
        <LoadBalancerArn>${ALB_ARN}</LoadBalancerArn>
        <Port>443</Port>
        <Protocol>HTTPS</Protocol>
        <Certificates>
          <member>
            <CertificateArn>arn:aws:acm:${REGION}:${ACCOUNT}:certificate/8a7b6c5d-4e3f-2a1b-0c9d-8e7f6a5b4c3d</CertificateArn>
          </member>
        </Certificates>
        <SslPolicy>ELBSecurityPolicy-TLS13-1-2-2021-06</SslPolicy>
        <DefaultActions>
          <member>
            <Type>forward</Type>
            <TargetGroupArn>arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:targetgroup/payments-web/73e2d6bc24d8a067</TargetGroupArn>
            <Order>1</Order>
          </member>
        </DefaultActions>
      </member>
    </Listeners>`,
        ),
};

const WAFV2: Record<string, Handler> = {
  ListWebACLs: (p) =>
    p['Scope'] !== 'REGIONAL'
      ? errorReply('wafv2', { code: 'WAFInvalidParameterException', status: 400, message: 'Error reason: The scope is not valid., field: SCOPE_VALUE, parameter: Scope' })
      : jsonOk({ WebACLs: [{ Name: 'payments-web', Id: IDS.webAcl, Description: '', LockToken: '0d9a5e6f-7c1b-4d2e-9f3a-1b2c3d4e5f60', ARN: WEB_ACL_ARN }] }),
  ListResourcesForWebACL: (p) =>
    p['WebACLArn'] !== WEB_ACL_ARN
      ? errorReply('wafv2', { code: 'WAFNonexistentItemException', status: 400, message: 'AWS WAF couldn’t perform the operation because your resource doesn’t exist.' })
      : jsonOk({ ResourceArns: p['ResourceType'] === 'APPLICATION_LOAD_BALANCER' ? [ALB_ARN] : [] }),
};

const SECRETSMANAGER: Record<string, Handler> = {
  ListSecrets: () =>
    jsonOk({
      SecretList: [
        {
          ARN: `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:${IDS.secret}-AbCdEf`,
          Name: IDS.secret,
          KmsKeyId: CMK_ARN,
          RotationEnabled: true,
          RotationLambdaARN: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:SecretsManagerRDSPostgreSQLRotationSingleUser`,
          RotationRules: { AutomaticallyAfterDays: 30 },
          LastRotatedDate: epoch('2024-01-01T00:00:00Z'),
          LastChangedDate: epoch('2024-01-01T00:00:05Z'),
          LastAccessedDate: epoch('2024-01-15T00:00:00Z'),
          NextRotationDate: epoch('2024-01-31T23:59:59Z'),
          Tags: [{ Key: 'env', Value: 'prod' }],
          SecretVersionsToStages: { '3c1f5a7e-2b4d-4e6f-8a9b-0c1d2e3f4a5b': ['AWSCURRENT'] },
          CreatedDate: epoch('2023-06-01T10:05:00Z'),
        },
      ],
    }),
};

const LOGS: Record<string, Handler> = {
  DescribeMetricFilters: () =>
    jsonOk({
      metricFilters: [
        {
          filterName: 'root-account-usage',
          filterPattern: '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }',
          metricTransformations: [{ metricName: 'RootAccountUsage', metricNamespace: 'CISBenchmark', metricValue: '1' }],
          creationTime: 1683022800000,
          logGroupName: 'aws-cloudtrail-logs',
        },
      ],
    }),
};

const CLOUDWATCH: Record<string, Handler> = {
  DescribeAlarms: () =>
    jsonOk(
      {
        MetricAlarms: [
          {
            AlarmName: 'root-account-usage',
            AlarmArn: `arn:aws:cloudwatch:${REGION}:${ACCOUNT}:alarm:root-account-usage`,
            AlarmConfigurationUpdatedTimestamp: epoch('2023-05-02T10:40:00.000Z'),
            ActionsEnabled: true,
            OKActions: [],
            AlarmActions: [`arn:aws:sns:${REGION}:${ACCOUNT}:security-alerts`],
            InsufficientDataActions: [],
            StateValue: 'OK',
            StateReason: 'Threshold Crossed: 1 datapoint [0.0 (15/01/24 06:25:00)] was not greater than or equal to the threshold (1.0).',
            StateUpdatedTimestamp: epoch('2024-01-15T06:30:00.000Z'),
            MetricName: 'RootAccountUsage',
            Namespace: 'CISBenchmark',
            Statistic: 'Sum',
            Dimensions: [],
            Period: 300,
            EvaluationPeriods: 1,
            Threshold: 1.0,
            ComparisonOperator: 'GreaterThanOrEqualToThreshold',
            TreatMissingData: 'notBreaching',
            StateTransitionedTimestamp: epoch('2024-01-10T11:05:00.000Z'),
          },
        ],
        CompositeAlarms: [],
      },
      '1.0',
    ),
};

const APIGATEWAY: Record<string, Handler> = {
  GetRestApis: () =>
    restJsonOk({
      item: [
        {
          id: IDS.restApi,
          name: 'payments-api',
          createdDate: epoch('2023-06-01T11:00:00Z'),
          apiKeySource: 'HEADER',
          endpointConfiguration: { types: ['REGIONAL'], ipAddressType: 'ipv4' },
          disableExecuteApiEndpoint: false,
          rootResourceId: 'x1y2z3a4b5',
          tags: {},
        },
      ],
    }),
  GetStages: (p) =>
    p['restApiId'] !== IDS.restApi
      ? errorReply('apigateway', { code: 'NotFoundException', status: 404, message: 'Invalid API identifier specified' })
      : restJsonOk({
          item: [
            {
              deploymentId: 'dpl0a1',
              stageName: 'prod',
              cacheClusterEnabled: false,
              cacheClusterStatus: 'NOT_AVAILABLE',
              methodSettings: {},
              tracingEnabled: false,
              webAclArn: WEB_ACL_ARN,
              createdDate: epoch('2023-06-01T11:05:00Z'),
              lastUpdatedDate: epoch('2024-01-03T09:00:00Z'),
            },
          ],
        }),
};

const ACCESSANALYZER: Record<string, Handler> = {
  ListAnalyzers: () =>
    restJsonOk({
      analyzers: [
        {
          arn: `arn:aws:access-analyzer:${REGION}:${ACCOUNT}:analyzer/account-analyzer`,
          name: 'account-analyzer',
          type: 'ACCOUNT',
          createdAt: '2023-05-02T10:20:00Z',
          status: 'ACTIVE',
          lastResourceAnalyzed: `arn:aws:s3:::${IDS.publicBucket}`,
          lastResourceAnalyzedAt: '2024-01-15T06:00:00Z',
          tags: {},
        },
      ],
    }),
};

const RDS: Record<string, Handler> = {
  DescribeDBInstances: () =>
    queryOk(
      'rds',
      'DescribeDBInstances',
      `    <DBInstances>
      <DBInstance>
        <DBInstanceIdentifier>${IDS.dbInstance}</DBInstanceIdentifier>
        <DBInstanceClass>db.t3.medium</DBInstanceClass>
        <Engine>postgres</Engine>
        <DBInstanceStatus>available</DBInstanceStatus>
        <MasterUsername>payments</MasterUsername>
        <Endpoint>
          <Address>${IDS.dbInstance}.c9akciq32xyz.${REGION}.rds.amazonaws.com</Address>
          <Port>5432</Port>
          <HostedZoneId>Z2VFMSZA74J7XZ</HostedZoneId>
        </Endpoint>
        <AllocatedStorage>100</AllocatedStorage>
        <InstanceCreateTime>2023-06-01T10:15:00.000Z</InstanceCreateTime>
        <PreferredBackupWindow>18:00-18:30</PreferredBackupWindow>
        <BackupRetentionPeriod>7</BackupRetentionPeriod>
        <DBSecurityGroups/>
        <VpcSecurityGroups>
          <VpcSecurityGroupMembership>
            <VpcSecurityGroupId>${IDS.sgDefault}</VpcSecurityGroupId>
            <Status>active</Status>
          </VpcSecurityGroupMembership>
        </VpcSecurityGroups>
        <AvailabilityZone>${REGION}a</AvailabilityZone>
        <MultiAZ>false</MultiAZ>
        <EngineVersion>15.4</EngineVersion>
        <AutoMinorVersionUpgrade>true</AutoMinorVersionUpgrade>
        <ReadReplicaDBInstanceIdentifiers/>
        <LicenseModel>postgresql-license</LicenseModel>
        <PubliclyAccessible>false</PubliclyAccessible>
        <StorageType>gp3</StorageType>
        <DbInstancePort>0</DbInstancePort>
        <StorageEncrypted>false</StorageEncrypted>
        <DbiResourceId>db-ABCDEFGHIJKLMNOPQRSTUVWXYZ</DbiResourceId>
        <CACertificateIdentifier>rds-ca-rsa2048-g1</CACertificateIdentifier>
        <CopyTagsToSnapshot>true</CopyTagsToSnapshot>
        <DBInstanceArn>arn:aws:rds:${REGION}:${ACCOUNT}:db:${IDS.dbInstance}</DBInstanceArn>
        <IAMDatabaseAuthenticationEnabled>false</IAMDatabaseAuthenticationEnabled>
        <PerformanceInsightsEnabled>false</PerformanceInsightsEnabled>
        <DeletionProtection>true</DeletionProtection>
        <TagList>
          <Tag>
            <Key>env</Key>
            <Value>prod</Value>
          </Tag>
        </TagList>
      </DBInstance>
    </DBInstances>`,
    ),
  DescribeDBClusters: () => queryOk('rds', 'DescribeDBClusters', '    <DBClusters/>'),
};

// S3 (path-style: the endpoint is an IP address), S3 Control and CloudFront: REST-XML.
const S3_NS = XMLNS.s3!;
const OWNER_ID = '79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be';
const BUCKETS: Record<string, { created: string; pab?: boolean; sse: string; policy?: object; public: boolean; acl: string }> = {
  [IDS.privateBucket]: {
    created: '2023-05-02T10:30:00.000Z',
    pab: true,
    sse: `<ApplyServerSideEncryptionByDefault><SSEAlgorithm>aws:kms</SSEAlgorithm><KMSMasterKeyID>${CMK_ARN}</KMSMasterKeyID></ApplyServerSideEncryptionByDefault><BucketKeyEnabled>true</BucketKeyEnabled>`,
    policy: {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'DenyInsecureTransport',
          Effect: 'Deny',
          Principal: '*',
          Action: 's3:*',
          Resource: [`arn:aws:s3:::${IDS.privateBucket}`, `arn:aws:s3:::${IDS.privateBucket}/*`],
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        },
      ],
    },
    public: false,
    acl: '',
  },
  [IDS.publicBucket]: {
    created: '2023-07-20T14:00:00.000Z',
    sse: '<ApplyServerSideEncryptionByDefault><SSEAlgorithm>AES256</SSEAlgorithm></ApplyServerSideEncryptionByDefault><BucketKeyEnabled>false</BucketKeyEnabled>',
    policy: {
      Version: '2012-10-17',
      Statement: [{ Sid: 'PublicRead', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${IDS.publicBucket}/*` }],
    },
    public: true,
    acl: `<Grant><Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="Group"><URI>http://acs.amazonaws.com/groups/global/AllUsers</URI></Grantee><Permission>READ</Permission></Grant>`,
  },
};

function bucketOr(p: Params, answer: (b: (typeof BUCKETS)[string], name: string) => Reply): Reply {
  const name = str(p['Bucket']);
  const b = BUCKETS[name];
  return b ? answer(b, name) : errorReply('s3', { code: 'NoSuchBucket', status: 404, message: 'The specified bucket does not exist' });
}

const S3: Record<string, Handler> = {
  ListBuckets: () =>
    xmlOk(
      `<ListAllMyBucketsResult xmlns="${S3_NS}"><Owner><ID>${OWNER_ID}</ID></Owner><Buckets>` +
        Object.entries(BUCKETS)
          .map(([name, b]) => `<Bucket><Name>${name}</Name><CreationDate>${b.created}</CreationDate><BucketRegion>${REGION}</BucketRegion></Bucket>`)
          .join('') +
        '</Buckets></ListAllMyBucketsResult>',
      's3',
    ),
  GetBucketLocation: (p) => bucketOr(p, () => xmlOk(`<LocationConstraint xmlns="${S3_NS}">${REGION}</LocationConstraint>`, 's3')),
  GetPublicAccessBlock: (p) =>
    bucketOr(p, (b) =>
      b.pab
        ? xmlOk(
            `<PublicAccessBlockConfiguration xmlns="${S3_NS}"><BlockPublicAcls>true</BlockPublicAcls><IgnorePublicAcls>true</IgnorePublicAcls>` +
              '<BlockPublicPolicy>true</BlockPublicPolicy><RestrictPublicBuckets>true</RestrictPublicBuckets></PublicAccessBlockConfiguration>',
            's3',
          )
        : errorReply('s3', { code: 'NoSuchPublicAccessBlockConfiguration', status: 404, message: 'The public access block configuration was not found' }),
    ),
  GetBucketEncryption: (p) => bucketOr(p, (b) => xmlOk(`<ServerSideEncryptionConfiguration xmlns="${S3_NS}"><Rule>${b.sse}</Rule></ServerSideEncryptionConfiguration>`, 's3')),
  GetBucketPolicy: (p) =>
    bucketOr(p, (b) =>
      b.policy
        ? { status: 200, headers: { 'content-type': 'application/json', 'x-amz-request-id': requestId(), 'x-amz-id-2': hostId(), server: 'AmazonS3' }, body: JSON.stringify(b.policy) }
        : errorReply('s3', { code: 'NoSuchBucketPolicy', status: 404, message: 'The bucket policy does not exist' }),
    ),
  GetBucketPolicyStatus: (p) => bucketOr(p, (b) => xmlOk(`<PolicyStatus xmlns="${S3_NS}"><IsPublic>${b.public}</IsPublic></PolicyStatus>`, 's3')),
  GetBucketAcl: (p) =>
    bucketOr(p, (b) =>
      xmlOk(
        `<AccessControlPolicy xmlns="${S3_NS}"><Owner><ID>${OWNER_ID}</ID></Owner><AccessControlList>` +
          `<Grant><Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="CanonicalUser"><ID>${OWNER_ID}</ID></Grantee><Permission>FULL_CONTROL</Permission></Grant>` +
          `${b.acl}</AccessControlList></AccessControlPolicy>`,
        's3',
      ),
    ),
};

const S3CONTROL: Record<string, Handler> = {
  GetPublicAccessBlock: (p) =>
    p['AccountId'] !== ACCOUNT || p['$hostAccount'] !== ACCOUNT
      ? errorReply('s3control', { code: 'AccessDenied', status: 403, message: 'Access Denied' })
      : xmlOk(
          `<PublicAccessBlockConfiguration xmlns="${XMLNS.s3control}"><BlockPublicAcls>true</BlockPublicAcls><IgnorePublicAcls>true</IgnorePublicAcls>` +
            '<BlockPublicPolicy>false</BlockPublicPolicy><RestrictPublicBuckets>false</RestrictPublicBuckets></PublicAccessBlockConfiguration>',
          's3control',
        ),
};

const CLOUDFRONT: Record<string, Handler> = {
  ListDistributions: (p) =>
    xmlOk(
      `<DistributionList xmlns="${XMLNS.cloudfront}">
  <Marker>${esc(str(p['Marker']))}</Marker>
  <MaxItems>${str(p['MaxItems']) || '100'}</MaxItems>
  <IsTruncated>false</IsTruncated>
  <Quantity>1</Quantity>
  <Items>
    <DistributionSummary>
      <Id>${IDS.distribution}</Id>
      <ARN>arn:aws:cloudfront::${ACCOUNT}:distribution/${IDS.distribution}</ARN>
      <Status>Deployed</Status>
      <LastModifiedTime>2023-07-20T14:30:00.000Z</LastModifiedTime>
      <DomainName>d111111abcdef8.cloudfront.net</DomainName>
      <Aliases><Quantity>0</Quantity></Aliases>
      <Origins>
        <Quantity>1</Quantity>
        <Items>
          <Origin>
            <Id>${IDS.publicBucket}.s3.${REGION}.amazonaws.com</Id>
            <DomainName>${IDS.publicBucket}.s3.${REGION}.amazonaws.com</DomainName>
            <OriginPath></OriginPath>
            <CustomHeaders><Quantity>0</Quantity></CustomHeaders>
            <S3OriginConfig><OriginAccessIdentity></OriginAccessIdentity></S3OriginConfig>
            <ConnectionAttempts>3</ConnectionAttempts>
            <ConnectionTimeout>10</ConnectionTimeout>
            <OriginShield><Enabled>false</Enabled></OriginShield>
            <OriginAccessControlId>E3QKMZ1Z6JHXB4</OriginAccessControlId>
          </Origin>
        </Items>
      </Origins>
      <OriginGroups><Quantity>0</Quantity></OriginGroups>
      <DefaultCacheBehavior>
        <TargetOriginId>${IDS.publicBucket}.s3.${REGION}.amazonaws.com</TargetOriginId>
        <TrustedSigners><Enabled>false</Enabled><Quantity>0</Quantity></TrustedSigners>
        <TrustedKeyGroups><Enabled>false</Enabled><Quantity>0</Quantity></TrustedKeyGroups>
        <ViewerProtocolPolicy>allow-all</ViewerProtocolPolicy>
        <AllowedMethods>
          <Quantity>2</Quantity>
          <Items><Method>HEAD</Method><Method>GET</Method></Items>
          <CachedMethods><Quantity>2</Quantity><Items><Method>HEAD</Method><Method>GET</Method></Items></CachedMethods>
        </AllowedMethods>
        <SmoothStreaming>false</SmoothStreaming>
        <Compress>true</Compress>
        <LambdaFunctionAssociations><Quantity>0</Quantity></LambdaFunctionAssociations>
        <FunctionAssociations><Quantity>0</Quantity></FunctionAssociations>
        <FieldLevelEncryptionId></FieldLevelEncryptionId>
        <CachePolicyId>658327ea-f89d-4fab-a63d-7e88639e58f6</CachePolicyId>
      </DefaultCacheBehavior>
      <CacheBehaviors><Quantity>0</Quantity></CacheBehaviors>
      <CustomErrorResponses><Quantity>0</Quantity></CustomErrorResponses>
      <Comment>static assets</Comment>
      <PriceClass>PriceClass_200</PriceClass>
      <Enabled>true</Enabled>
      <ViewerCertificate>
        <CloudFrontDefaultCertificate>true</CloudFrontDefaultCertificate>
        <SSLSupportMethod>vip</SSLSupportMethod>
        <MinimumProtocolVersion>TLSv1</MinimumProtocolVersion>
        <CertificateSource>cloudfront</CertificateSource>
      </ViewerCertificate>
      <Restrictions><GeoRestriction><RestrictionType>none</RestrictionType><Quantity>0</Quantity></GeoRestriction></Restrictions>
      <WebACLId></WebACLId>
      <HttpVersion>HTTP2</HttpVersion>
      <IsIPV6Enabled>true</IsIPV6Enabled>
      <Staging>false</Staging>
    </DistributionSummary>
  </Items>
</DistributionList>`,
      'cloudfront',
    ),
};

const HANDLERS: Record<Service, Record<string, Handler>> = {
  ec2: EC2,
  iam: IAM,
  sts: STS,
  elasticloadbalancing: ELB,
  rds: RDS,
  kms: KMS,
  cloudtrail: CLOUDTRAIL,
  config: CONFIG,
  wafv2: WAFV2,
  secretsmanager: SECRETSMANAGER,
  logs: LOGS,
  cloudwatch: CLOUDWATCH,
  guardduty: GUARDDUTY,
  apigateway: APIGATEWAY,
  accessanalyzer: ACCESSANALYZER,
  s3: S3,
  s3control: S3CONTROL,
  cloudfront: CLOUDFRONT,
};

/** Every operation the fake answers, as `service:Operation`. */
export const KNOWN_OPERATIONS: string[] = Object.entries(HANDLERS)
  .flatMap(([service, ops]) => Object.keys(ops).map((op) => `${service}:${op}`))
  .sort();

/**
 * A `--require` preload for the CLI under test: names under `.localhost`
 * resolve to 127.0.0.1 (RFC 6761; systemd-resolved and browsers do the
 * same). S3 Control puts the account id in front of the endpoint's host
 * (`<account>.localhost`), which no plain resolver answers.
 */
export const LOCALHOST_DNS_PRELOAD = `'use strict';
const dns = require('node:dns');
const lookup = dns.lookup;
dns.lookup = function (hostname, options, callback) {
  if (typeof options === 'function') { callback = options; options = {}; }
  if (typeof options === 'number') options = { family: options };
  if (typeof hostname === 'string' && /\\.localhost\\.?$/i.test(hostname)) {
    if (options && options.all) return process.nextTick(callback, null, [{ address: '127.0.0.1', family: 4 }]);
    return process.nextTick(callback, null, '127.0.0.1', 4);
  }
  return lookup.call(this, hostname, options, callback);
};
`;

// ---------------------------------------------------------------------------
// SigV4 verification (independent of the SDK's signer)
// ---------------------------------------------------------------------------

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data).digest();
const rfc3986 = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

interface Authorization {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
}

function parseAuthorization(header: string | undefined): Authorization | undefined {
  const m = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})$/.exec(
    header ?? '',
  );
  if (!m) return undefined;
  return { accessKeyId: m[1]!, date: m[2]!, region: m[3]!, service: m[4]!, signedHeaders: m[5]!.split(';'), signature: m[6]! };
}

function signatureValid(req: IncomingMessage, body: Buffer, auth: Authorization, secret: string): boolean {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const canonicalUri = url.pathname
    .split('/')
    .map((seg) => rfc3986(rfc3986(decodeURIComponent(seg))))
    .join('/');
  const query = [...url.searchParams.entries()]
    .map(([k, v]) => [rfc3986(k), rfc3986(v)] as const)
    .sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const headerValue = (name: string) => {
    const v = req.headers[name];
    return (Array.isArray(v) ? v.join(',') : (v ?? '')).trim().replace(/\s+/g, ' ');
  };
  const canonicalHeaders = auth.signedHeaders.map((h) => `${h}:${headerValue(h)}\n`).join('');
  const payloadHash = typeof req.headers['x-amz-content-sha256'] === 'string' ? req.headers['x-amz-content-sha256'] : sha256(body);
  const canonicalRequest = [req.method, canonicalUri, query, canonicalHeaders, auth.signedHeaders.join(';'), payloadHash].join('\n');
  const amzDate = headerValue('x-amz-date');
  const scope = `${auth.date}/${auth.region}/${auth.service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonicalRequest)].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${secret}`, auth.date), auth.region), auth.service), 'aws4_request');
  return createHmac('sha256', key).update(stringToSign).digest('hex') === auth.signature;
}

// ---------------------------------------------------------------------------
// The server
// ---------------------------------------------------------------------------

export interface RecordedRequest {
  method: string;
  path: string;
  /** The service the request was routed to (undefined: not recognised). */
  service?: Service;
  /** The operation name (from Action, X-Amz-Target, or the REST route). */
  operation?: string;
  /** `service:Operation`, the collector's call key. */
  key?: string;
  /** Query-protocol Action, JSON X-Amz-Target, query Version, when present. */
  action?: string;
  target?: string;
  version?: string;
  /** Request parameters: the form body, the JSON body, or the REST path/query values. */
  params: Params;
  /** The `authorization` header starts with AWS4-HMAC-SHA256. */
  signed: boolean;
  /** From the SigV4 credential scope. */
  signingRegion?: string;
  signingService?: string;
  /** Recomputed from the request and the secret key (undefined when the server was given no secret). */
  signatureValid?: boolean;
  /** An `x-amz-security-token` header was sent. */
  sessionToken: boolean;
  status: number;
  /** Milliseconds since the server started, when the request arrived. */
  receivedAt: number;
  /** The client's port (which connection carried the request). */
  remotePort: number;
  /**
   * ok: answered from the recorded responses; error: a recorded error (e.g. not found);
   * injected/denied: a failure or denial the test asked for; unknown: not an operation
   * the server answers; abandoned: the client closed the connection before the answer.
   */
  outcome: 'ok' | 'error' | 'injected' | 'denied' | 'unknown' | 'abandoned';
}

export interface DenyOptions {
  /**
   * Echo the request's credential (access key id) and session token in the
   * error message, as services that quote the canonical request do (e.g.
   * SignatureDoesNotMatch): the collector must redact them.
   */
  echoCredentials?: boolean;
}

export interface FakeAws {
  /** `http://127.0.0.1:<port>` for AWS_ENDPOINT_URL. */
  url: string;
  /** Every request, in arrival order. */
  readonly requests: RecordedRequest[];
  /** Requests the server could not route to an operation it answers. */
  readonly unknown: RecordedRequest[];
  /** Answer the next `times` calls of `key` (`service:Operation`) with `error` (default: the service's throttling error). */
  fail(key: string, times: number, error?: WireError): void;
  /** Answer every call of `key` with the service's access-denied error. */
  deny(key: string, options?: DenyOptions): void;
  /** Hold every answer to `key` for `ms` milliseconds (a slow service). */
  delay(key: string, ms: number): void;
  /** Forget requests, failures, denials and delays. */
  reset(): void;
  /** Requests per `service:Operation`, sorted by key. */
  counts(): Record<string, number>;
  close(): Promise<void>;
}

export interface FakeAwsOptions {
  /** When given, every signed request's SigV4 signature is recomputed and checked. */
  secretAccessKey?: string;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

interface Routed {
  service?: Service;
  operation?: string;
  action?: string;
  target?: string;
  version?: string;
  params: Params;
}

const S3_SUBRESOURCES: Record<string, string> = {
  location: 'GetBucketLocation',
  publicAccessBlock: 'GetPublicAccessBlock',
  encryption: 'GetBucketEncryption',
  policy: 'GetBucketPolicy',
  policyStatus: 'GetBucketPolicyStatus',
  acl: 'GetBucketAcl',
};

function route(req: IncomingMessage, body: Buffer, signingService: string | undefined): Routed {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const method = req.method ?? 'GET';
  const path = url.pathname;
  const contentType = String(req.headers['content-type'] ?? '');
  const target = typeof req.headers['x-amz-target'] === 'string' ? req.headers['x-amz-target'] : undefined;

  if (method === 'POST' && path === '/' && contentType.startsWith('application/x-www-form-urlencoded')) {
    const form = new URLSearchParams(body.toString('utf8'));
    const params: Params = Object.fromEntries(form.entries());
    const action = form.get('Action') ?? undefined;
    const version = form.get('Version') ?? undefined;
    const service = version ? QUERY_VERSION[version] : undefined;
    return { ...(service ? { service } : {}), ...(action ? { operation: action, action } : {}), ...(version ? { version } : {}), params };
  }
  if (method === 'POST' && path === '/' && target) {
    let params: Params = {};
    try {
      params = body.length ? (JSON.parse(body.toString('utf8')) as Params) : {};
    } catch {
      params = { $unparsable: body.toString('utf8') };
    }
    const hit = JSON_TARGET.find(([prefix]) => target.startsWith(prefix));
    if (!hit) return { target, params };
    return { service: hit[1], operation: target.slice(hit[0].length), target, params };
  }

  const query: Params = Object.fromEntries(url.searchParams.entries());
  const rest = (service: Service, operation: string, params: Params = {}): Routed => ({ service, operation, params: { ...query, ...params } });
  if (method !== 'GET') return { params: query };
  let m: RegExpExecArray | null;
  if (path === '/detector') return rest('guardduty', 'ListDetectors');
  if ((m = /^\/detector\/([^/]+)$/.exec(path))) return rest('guardduty', 'GetDetector', { detectorId: decodeURIComponent(m[1]!) });
  if (path === '/restapis') return rest('apigateway', 'GetRestApis');
  if ((m = /^\/restapis\/([^/]+)\/stages$/.exec(path))) return rest('apigateway', 'GetStages', { restApiId: decodeURIComponent(m[1]!) });
  if (path === '/analyzer') return rest('accessanalyzer', 'ListAnalyzers');
  if (path === '/2020-05-31/distribution') return rest('cloudfront', 'ListDistributions');
  if (path === '/v20180820/configuration/publicAccessBlock') {
    const host = String(req.headers['host'] ?? '');
    return rest('s3control', 'GetPublicAccessBlock', {
      AccountId: req.headers['x-amz-account-id'],
      $hostAccount: /^(\d{12})\./.exec(host)?.[1],
    });
  }
  if (signingService === 's3') {
    if (path === '/') return rest('s3', 'ListBuckets');
    if ((m = /^\/([^/]+)\/?$/.exec(path))) {
      const sub = Object.keys(S3_SUBRESOURCES).find((k) => url.searchParams.has(k));
      if (sub) return rest('s3', S3_SUBRESOURCES[sub]!, { Bucket: decodeURIComponent(m[1]!) });
    }
  }
  return { params: query };
}

export async function startFakeAws(options: FakeAwsOptions = {}): Promise<FakeAws> {
  const requests: RecordedRequest[] = [];
  const unknown: RecordedRequest[] = [];
  const failures = new Map<string, { remaining: number; error?: WireError }>();
  const denials = new Map<string, DenyOptions>();
  const delays = new Map<string, number>();
  const startedAt = performance.now();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const authHeader = typeof req.headers['authorization'] === 'string' ? req.headers['authorization'] : undefined;
    const auth = parseAuthorization(authHeader);
    const r = route(req, body, auth?.service);
    const key = r.service && r.operation ? `${r.service}:${r.operation}` : undefined;
    const rec: RecordedRequest = {
      method: req.method ?? '',
      path: req.url ?? '',
      ...(r.service ? { service: r.service } : {}),
      ...(r.operation ? { operation: r.operation } : {}),
      ...(key ? { key } : {}),
      ...(r.action ? { action: r.action } : {}),
      ...(r.target ? { target: r.target } : {}),
      ...(r.version ? { version: r.version } : {}),
      params: r.params,
      signed: (authHeader ?? '').startsWith('AWS4-HMAC-SHA256'),
      ...(auth ? { signingRegion: auth.region, signingService: auth.service } : {}),
      ...(options.secretAccessKey !== undefined ? { signatureValid: auth !== undefined && signatureValid(req, body, auth, options.secretAccessKey) } : {}),
      sessionToken: typeof req.headers['x-amz-security-token'] === 'string',
      status: 0,
      receivedAt: Math.round(performance.now() - startedAt),
      remotePort: req.socket.remotePort ?? 0,
      outcome: 'ok',
    };
    requests.push(rec);

    let reply: Reply;
    const handler = r.service && r.operation ? HANDLERS[r.service][r.operation] : undefined;
    if (!r.service || !handler || !key) {
      rec.outcome = 'unknown';
      unknown.push(rec);
      const what = r.action ?? r.target ?? `${rec.method} ${rec.path}`;
      const e: WireError = { code: r.target !== undefined ? 'UnknownOperationException' : 'InvalidAction', status: 400, message: `fake-aws does not answer ${what}` };
      reply =
        r.target !== undefined
          ? errorReply('kms', e)
          : r.action !== undefined
            ? errorReply(r.service === 'ec2' ? 'ec2' : 'iam', e)
            : auth?.service === 's3'
              ? errorReply('s3', e)
              : errorReply('guardduty', e);
    } else if (denials.has(key)) {
      rec.outcome = 'denied';
      const denied = accessDenied(r.service, key);
      if (denials.get(key)?.echoCredentials) {
        const token = req.headers['x-amz-security-token'];
        denied.message += ` (request credential ${auth?.accessKeyId ?? '-'}/${auth?.date ?? '-'}, x-amz-security-token: ${typeof token === 'string' ? token : '-'})`;
      }
      reply = errorReply(r.service, denied);
    } else if ((failures.get(key)?.remaining ?? 0) > 0) {
      const f = failures.get(key)!;
      f.remaining -= 1;
      rec.outcome = 'injected';
      reply = errorReply(r.service, f.error ?? throttled(r.service));
    } else {
      reply = handler(r.params);
      if (reply.status >= 300) rec.outcome = 'error';
    }
    rec.status = reply.status;
    const wait = key ? (delays.get(key) ?? 0) : 0;
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    if (res.destroyed || !res.socket || res.socket.destroyed) {
      rec.outcome = 'abandoned';
      return;
    }
    res.writeHead(reply.status, { ...reply.headers, 'content-length': String(Buffer.byteLength(reply.body)) });
    res.end(reply.body);
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`fake-aws failed: ${String(e)}`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    unknown,
    fail(key, times, error) {
      failures.set(key, { remaining: times, ...(error ? { error } : {}) });
    },
    deny(key, opts = {}) {
      denials.set(key, opts);
    },
    delay(key, ms) {
      delays.set(key, ms);
    },
    reset() {
      requests.length = 0;
      unknown.length = 0;
      failures.clear();
      denials.clear();
      delays.clear();
    },
    counts() {
      const counts: Record<string, number> = {};
      for (const r of requests) {
        const k = r.key ?? `unknown ${r.method} ${r.path}`;
        counts[k] = (counts[k] ?? 0) + 1;
      }
      return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : 1)));
    },
    close() {
      return new Promise<void>((resolve, reject) => {
        server.close((e) => (e ? reject(e) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}
