/**
 * Every service module, in one list: the collector, `archscan permissions`,
 * inventory building, the check harness and the test fakes iterate over it.
 * Adding a service is a folder under src/services/ and one line here.
 */
import accessanalyzer from './accessanalyzer/index.js';
import acm from './acm/index.js';
import apigateway from './apigateway/index.js';
import cloudfront from './cloudfront/index.js';
import cloudtrail from './cloudtrail/index.js';
import cloudwatch from './cloudwatch/index.js';
import config from './config/index.js';
import ec2 from './ec2/index.js';
import ecr from './ecr/index.js';
import eks from './eks/index.js';
import elb from './elb/index.js';
import elbv2 from './elbv2/index.js';
import guardduty from './guardduty/index.js';
import iam from './iam/index.js';
import inspector2 from './inspector2/index.js';
import kms from './kms/index.js';
import lambda from './lambda/index.js';
import logs from './logs/index.js';
import rds from './rds/index.js';
import s3 from './s3/index.js';
import secretsmanager from './secretsmanager/index.js';
import securityhub from './securityhub/index.js';
import ssm from './ssm/index.js';
import sts from './sts/index.js';
import waf from './waf/index.js';
import wafv2 from './wafv2/index.js';
import type { AnyServiceModule } from './define.js';

export const SERVICES = [
  accessanalyzer,
  acm,
  apigateway,
  cloudfront,
  cloudtrail,
  cloudwatch,
  config,
  ec2,
  ecr,
  eks,
  elb,
  elbv2,
  guardduty,
  iam,
  inspector2,
  kms,
  lambda,
  logs,
  rds,
  s3,
  secretsmanager,
  securityhub,
  ssm,
  sts,
  waf,
  wafv2,
] as const satisfies readonly AnyServiceModule[];

/** Every module's collections, merged: the typed part of the inventory. */
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
export type ServiceCollections = UnionToIntersection<ReturnType<(typeof SERVICES)[number]['empty']>>;

/** Every operation key a module declares. */
export type OperationKey = (typeof SERVICES)[number]['operations'][number]['key'];
