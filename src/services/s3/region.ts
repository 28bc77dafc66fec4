/** `LocationConstraint` as S3 reports it: empty for us-east-1, `EU` for eu-west-1. */
export function bucketRegion(constraint: string | null | undefined): string {
  if (!constraint) return 'us-east-1';
  return constraint === 'EU' ? 'eu-west-1' : constraint;
}
