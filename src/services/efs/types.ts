/** Amazon EFS in the typed inventory. */
import type { Resource } from '../../inventory/base.js';

export interface EfsFileSystem extends Resource {
  type: 'AWS::EFS::FileSystem';
  encrypted: boolean;
  kmsKeyId?: string;
  /** `available`, `creating`, `deleting`, ... */
  state: string;
}
