import type { DescribeFileSystemsCommandOutput } from '@aws-sdk/client-efs';
import { nameTag, tagMap, type Raw } from '../../inventory/base.js';
import { defineService } from '../define.js';
import type { ServiceSource } from '../source.js';
import { OPERATIONS } from './operations.js';
import { SHAPES } from './shapes.generated.js';
import type { EfsFileSystem } from './types.js';

type Item<T> = NonNullable<T> extends readonly (infer U)[] ? U : never;
const FS_ARN = /^arn:[^:]+:elasticfilesystem:[^:]+:\d{12}:file-system\/fs-[0-9a-f]+$/;

function buildFileSystems(src: ServiceSource, region: string): EfsFileSystem[] {
  return src.records<Item<Raw<DescribeFileSystemsCommandOutput>['FileSystems']>, EfsFileSystem>(region, 'efs:DescribeFileSystems', 'FileSystems/*', (f, at) => {
    at.expect(FS_ARN.test(f.FileSystemArn!), '/FileSystemArn', 'an EFS file system ARN');
    const tags = tagMap(f.Tags);
    const fs: EfsFileSystem = {
      type: 'AWS::EFS::FileSystem',
      arn: f.FileSystemArn!,
      id: f.FileSystemId!,
      account: src.accountId,
      region,
      tags,
      ...nameTag(tags),
      encrypted: f.Encrypted!,
      state: f.LifeCycleState!,
    };
    if (f.KmsKeyId) fs.kmsKeyId = f.KmsKeyId;
    return fs;
  });
}

export default defineService<{ efsFileSystems: EfsFileSystem[] }>({
  name: 'efs',
  title: 'Amazon Elastic File System',
  operations: OPERATIONS,
  shapes: SHAPES,
  build: (src) => ({ efsFileSystems: src.regions.flatMap((r) => buildFileSystems(src, r)) }),
  empty: () => ({ efsFileSystems: [] }),
  collector: async () => (await import('./collect.js')).default,
});
