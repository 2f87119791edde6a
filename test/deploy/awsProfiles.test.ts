import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { listAwsProfiles } from '../../core/src/deploy/awsProfiles';

describe('deploy: AWS profiles for the picker', () => {
  it('lists the profiles of the config and credentials files, default first, no sso-session or services sections', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'apigw-profiles-'));
    try {
      writeFileSync(path.join(dir, 'config'), '[profile prod]\nregion = eu-west-1\n[default]\nregion = us-east-1\n[sso-session corp]\nsso_start_url = https://x\n[profile dev-sso]\nsso_session = corp\n[services local]\n');
      writeFileSync(path.join(dir, 'credentials'), '[default]\naws_access_key_id = AKIDX\n[ci]\naws_access_key_id = AKIDY\n');
      const names = await listAwsProfiles({ AWS_CONFIG_FILE: path.join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'credentials') });
      assert.deepEqual(names, ['default', 'ci', 'dev-sso', 'prod']);
      assert.deepEqual(await listAwsProfiles({ HOME: dir }), [], 'no ~/.aws at all');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
