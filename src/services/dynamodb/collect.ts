/** How DynamoDB's operations are sent (loaded only for a live collection). */
import {
  DescribeContinuousBackupsCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ListTablesCommand,
  paginateListTables,
  type ListTablesCommandOutput,
} from '@aws-sdk/client-dynamodb';
import type { ServiceCollector } from '../define.js';

const names = (feed: unknown) => ((feed as ListTablesCommandOutput | undefined)?.TableNames ?? []).filter((n) => n !== '');

const collector: ServiceCollector = {
  bindings: {
    'dynamodb:ListTables': { client: DynamoDBClient, command: ListTablesCommand, paginator: paginateListTables, pageSize: 100 },
    'dynamodb:DescribeTable': { client: DynamoDBClient, command: DescribeTableCommand, ids: names, input: (TableName) => ({ TableName }) },
    'dynamodb:DescribeContinuousBackups': { client: DynamoDBClient, command: DescribeContinuousBackupsCommand, ids: names, input: (TableName) => ({ TableName }) },
  },
};

export default collector;
