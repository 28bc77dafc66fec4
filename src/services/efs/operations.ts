/** Amazon EFS: file systems (encryption; data residency and backup coverage read them). */
import type { OperationSpec } from '../spec.js';

export const SDK = { efs: '@aws-sdk/client-efs' } as const;

export const OPERATIONS = [
  {
    key: 'efs:DescribeFileSystems',
    scope: 'regional',
    records: [{ path: 'FileSystems/*', type: 'AWS::EFS::FileSystem', arn: 'FileSystemArn' }],
    unset: { FileSystemDescription: ['KmsKeyId', 'Name', 'Tags'] },
    needs: { DescribeFileSystemsResponse: ['FileSystems'], FileSystemDescription: ['FileSystemId', 'FileSystemArn', 'Encrypted', 'LifeCycleState'], Tag: ['Key', 'Value'] },
  },
] as const satisfies readonly OperationSpec[];
