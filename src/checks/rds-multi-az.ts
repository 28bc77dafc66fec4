import type { JSONSchemaType } from 'ajv';
import type { DbInstance } from '../inventory/types.js';
import { defineCheck, fail, pass } from './define.js';

type Params = Record<string, never>;

const schema: JSONSchemaType<Params> = { type: 'object', additionalProperties: false, properties: {}, required: [] };

const clusterKey = (region: string, id: string): string => `${region}/${id}`;

export default defineCheck<Params>({
  id: 'rds-multi-az',
  title: 'RDS DB instances and clusters span more than one Availability Zone',
  severity: 'medium',
  resourceType: 'AWS::RDS::DBInstance',
  requires: ['rds:DescribeDBInstances', 'rds:DescribeDBClusters'],
  rationale:
    'A single-AZ database is lost for the duration of an Availability Zone outage or a host failure; a standby or replica in another zone lets RDS fail over in minutes, as availability and business-continuity requirements expect of payment systems.',
  remediation:
    'For a DB instance: console RDS > Databases > the instance > Modify > Availability & durability > Create a standby instance (or aws rds modify-db-instance --db-instance-identifier <id> --multi-az --apply-immediately). For an Aurora cluster: add a reader in a different Availability Zone (console: Actions > Add reader; or aws rds create-db-instance --db-cluster-identifier <cluster> --availability-zone <other-az> ...).',
  schema,
  defaults: {},
  paramDocs: {},
  evaluate(inv) {
    const clusters = new Set(inv.dbClusters.map((c) => clusterKey(c.region, c.id)));
    const instancesByKey = new Map<string, DbInstance>(inv.dbInstances.map((d) => [clusterKey(d.region, d.id), d]));
    // Aurora (and Multi-AZ DB cluster) members are judged through their cluster.
    const standalone = inv.dbInstances.filter((d) => d.clusterId === undefined || !clusters.has(clusterKey(d.region, d.clusterId)));

    const instanceResults = standalone.map((db) => {
      const evidence = { multiAz: db.multiAz };
      return db.multiAz
        ? pass(db, `DB instance ${db.id} is Multi-AZ.`, evidence)
        : fail(db, `DB instance ${db.id} is single-AZ.`, evidence);
    });

    const clusterResults = inv.dbClusters.map((c) => {
      const instanceAzs = [
        ...new Set(c.members.flatMap((m) => instancesByKey.get(clusterKey(c.region, m))?.availabilityZone ?? [])),
      ].sort();
      const storageAzs = [...new Set(c.availabilityZones)].sort();
      const evidence = { multiAz: c.multiAz, instanceAzs, storageAzs };
      const spread = instanceAzs.length >= 2 || storageAzs.length >= 2;
      if (c.multiAz && spread) {
        return pass(c, `DB cluster ${c.id} is Multi-AZ.`, evidence);
      }
      const why = !c.multiAz ? 'is not Multi-AZ' : 'has its instances and storage in fewer than two Availability Zones';
      return fail(c, `DB cluster ${c.id} ${why}.`, evidence);
    });

    return [...instanceResults, ...clusterResults];
  },
});
