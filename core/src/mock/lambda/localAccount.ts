/*
 * Who the emulator stands in for. Nothing local has an AWS account or region, so events and ARNs
 * carry the account the AWS documentation uses in its examples and the caller's configured region.
 */
export const LOCAL_ACCOUNT_ID = '123456789012';

export function localRegion(env: NodeJS.ProcessEnv = process.env): string {
  return env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? 'us-east-1';
}
