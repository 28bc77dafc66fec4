/** API Gateway REST API stages in the typed inventory. */
import type { Resource } from '../../inventory/base.js';

export interface ApiStage extends Resource {
  type: 'AWS::ApiGateway::Stage';
  restApiId: string;
  stageName: string;
  /** The web ACL ARN on the stage, or null. */
  webAclArn: string | null;
  endpointTypes: string[];
}
