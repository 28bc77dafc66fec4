import type { ServiceFake } from '../define.js';

/** One private-endpoint cluster per region, secrets encrypted, every control-plane log type on. */
const fake: ServiceFake = (scope, account) => {
  if (scope === 'global') return {};
  return {
    'eks:ListClusters': { clusters: ['apps'] },
    'eks:DescribeCluster': {
      cluster: {
        name: 'apps',
        arn: `arn:aws:eks:${scope}:${account}:cluster/apps`,
        version: '1.34',
        status: 'ACTIVE',
        platformVersion: 'eks.9',
        resourcesVpcConfig: { endpointPublicAccess: false, endpointPrivateAccess: true, publicAccessCidrs: [], vpcId: 'vpc-0a000000000000001' },
        logging: { clusterLogging: [{ types: ['api', 'audit', 'authenticator', 'controllerManager', 'scheduler'], enabled: true }] },
        encryptionConfig: [{ resources: ['secrets'], provider: { keyArn: `arn:aws:kms:${scope}:${account}:key/00000000-0000-0000-0000-000000000002` } }],
      },
    },
  };
};

export default fake;
