import { promises as fs } from 'node:fs';
import { homedir } from 'node:os';
import * as path from 'node:path';

async function sections(file: string): Promise<string[]> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch {
    return [];
  }
  return [...text.matchAll(/^\s*\[([^\]]+)\]\s*$/gm)].map((m) => m[1].trim());
}

/**
 * The named profiles of ~/.aws/config and ~/.aws/credentials (or the files AWS_CONFIG_FILE and
 * AWS_SHARED_CREDENTIALS_FILE name), for a picker: `default` first, then by name. Only the
 * section names are read; keys and tokens stay where they are.
 */
export async function listAwsProfiles(env: NodeJS.ProcessEnv = process.env): Promise<string[]> {
  const dir = path.join(env.HOME ?? env.USERPROFILE ?? homedir(), '.aws');
  const config = (await sections(env.AWS_CONFIG_FILE ?? path.join(dir, 'config')))
    .map((s) => (s === 'default' ? s : /^profile\s+(.+)$/.exec(s)?.[1].trim()))
    .filter((s): s is string => s !== undefined);
  const credentials = await sections(env.AWS_SHARED_CREDENTIALS_FILE ?? path.join(dir, 'credentials'));
  const names = [...new Set([...config, ...credentials])];
  return names.sort((a, b) => (a === 'default' ? -1 : b === 'default' ? 1 : a.localeCompare(b)));
}

/** Regions where API Gateway runs, for a picker (any other name can still be typed). */
export const API_GATEWAY_REGIONS: readonly string[] = [
  'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'ca-central-1', 'ca-west-1', 'sa-east-1', 'mx-central-1',
  'eu-west-1', 'eu-west-2', 'eu-west-3', 'eu-central-1', 'eu-central-2', 'eu-north-1', 'eu-south-1', 'eu-south-2',
  'ap-east-1', 'ap-south-1', 'ap-south-2', 'ap-southeast-1', 'ap-southeast-2', 'ap-southeast-3', 'ap-southeast-4', 'ap-southeast-5', 'ap-southeast-7',
  'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3', 'me-south-1', 'me-central-1', 'il-central-1', 'af-south-1',
];
