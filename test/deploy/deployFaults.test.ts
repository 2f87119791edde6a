import assert from 'node:assert/strict';
import * as rest from '@aws-sdk/client-api-gateway';
import * as http from '@aws-sdk/client-apigatewayv2';
import { deploy } from '../../core/src/deploy/deploy';
import { DeployError } from '../../core/src/deploy/deployError';
import type { DeployPlan } from '../../core/src/deploy/deployPlan';
import { sequence } from './callLog';
import { config, HTTP_API, plan, REST_API, testClients } from './fixtures';
import { mockSdkInSuite, type SdkMocks } from './sdkMocks';

/**
 * Every call of every deploy sequence, failing with each kind of fault the SDK gives up on
 * (its retries spent): the stage must be left as it was, or the error must say what was
 * applied, what was not, and how to get back.
 */

type FaultKind = 'network' | 'throttled' | 'unavailable';

/** The errors as the SDK throws them once its retries are spent. */
const FAULTS: Record<FaultKind, () => Error> = {
  network: () => Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET', $metadata: { attempts: 6 } }),
  throttled: () => Object.assign(new Error('Too Many Requests'), { name: 'TooManyRequestsException', $metadata: { httpStatusCode: 429, attempts: 6 } }),
  unavailable: () => Object.assign(new Error('Service Unavailable'), { name: 'ServiceUnavailableException', $metadata: { httpStatusCode: 503, attempts: 6 } }),
};

/** Where in the deploy a call stands, which decides what the failure may have left behind. */
type Phase = 'lookup' | 'import' | 'deploy' | 'settings';

interface Step {
  call: string;
  phase: Phase;
  fail(sdk: SdkMocks, err: Error): void;
}

interface Scenario {
  title: string;
  /** Every call answering as in a deploy that goes through. */
  succeed(sdk: SdkMocks): void;
  plan(): Promise<DeployPlan>;
  /** The API exists already (and stage dev serves deployment old9). */
  existing: boolean;
  steps: Step[];
}

const SETTINGS = config({ stages: { dev: { tracingEnabled: true, variables: { table: 'orders' } } } });
const RENAMED = config({ stages: { dev: { apiName: 'orders-dev', tracingEnabled: true } } });

const SCENARIOS: Scenario[] = [
  {
    title: 'REST API, existing',
    existing: true,
    plan: () => plan(REST_API, 'dev', SETTINGS),
    succeed: (sdk) => {
      sdk.rest.on(rest.GetRestApisCommand).resolves({ items: [{ id: 'abc123', name: 'Orders' }] });
      sdk.rest.on(rest.GetStageCommand).resolves({ deploymentId: 'old9' });
      sdk.rest.on(rest.PutRestApiCommand).resolves({ id: 'abc123', name: 'Orders' });
      sdk.rest.on(rest.CreateDeploymentCommand).resolves({ id: 'dep2' });
      sdk.rest.on(rest.UpdateStageCommand).resolves({});
    },
    steps: [
      { call: 'GetRestApis', phase: 'lookup', fail: (sdk, e) => sdk.rest.on(rest.GetRestApisCommand).rejects(e) },
      { call: 'GetStage', phase: 'lookup', fail: (sdk, e) => sdk.rest.on(rest.GetStageCommand).rejectsOnce(e) },
      { call: 'PutRestApi', phase: 'import', fail: (sdk, e) => sdk.rest.on(rest.PutRestApiCommand).rejects(e) },
      { call: 'CreateDeployment', phase: 'deploy', fail: (sdk, e) => sdk.rest.on(rest.CreateDeploymentCommand).rejects(e) },
      { call: 'UpdateStage', phase: 'settings', fail: (sdk, e) => sdk.rest.on(rest.UpdateStageCommand).rejects(e) },
    ],
  },
  {
    title: 'REST API, new (renamed to the configured name)',
    existing: false,
    plan: () => plan(REST_API, 'dev', RENAMED),
    succeed: (sdk) => {
      sdk.rest.on(rest.GetRestApisCommand).resolves({ items: [] });
      sdk.rest.on(rest.ImportRestApiCommand).resolves({ id: 'new123', name: 'Orders' });
      sdk.rest.on(rest.UpdateRestApiCommand).resolves({});
      sdk.rest.on(rest.CreateDeploymentCommand).resolves({ id: 'dep1' });
      sdk.rest.on(rest.UpdateStageCommand).resolves({});
      sdk.rest.on(rest.DeleteRestApiCommand).resolves({});
    },
    steps: [
      { call: 'GetRestApis', phase: 'lookup', fail: (sdk, e) => sdk.rest.on(rest.GetRestApisCommand).rejects(e) },
      { call: 'ImportRestApi', phase: 'import', fail: (sdk, e) => sdk.rest.on(rest.ImportRestApiCommand).rejects(e) },
      { call: 'UpdateRestApi', phase: 'deploy', fail: (sdk, e) => sdk.rest.on(rest.UpdateRestApiCommand).rejects(e) },
      { call: 'CreateDeployment', phase: 'deploy', fail: (sdk, e) => sdk.rest.on(rest.CreateDeploymentCommand).rejects(e) },
      { call: 'UpdateStage', phase: 'settings', fail: (sdk, e) => sdk.rest.on(rest.UpdateStageCommand).rejects(e) },
    ],
  },
  {
    title: 'HTTP API, existing',
    existing: true,
    plan: () => plan(HTTP_API, 'dev', SETTINGS),
    succeed: (sdk) => {
      sdk.http.on(http.GetApisCommand).resolves({ Items: [{ ApiId: 'h1', Name: 'Checkout', ProtocolType: 'HTTP', ApiEndpoint: 'https://h1.example', RouteSelectionExpression: '${request.method} ${request.path}' }] });
      sdk.http.on(http.GetStageCommand).resolves({ StageName: 'dev', DeploymentId: 'old9', AutoDeploy: false });
      sdk.http.on(http.ReimportApiCommand).resolves({ ApiId: 'h1', Name: 'Checkout' });
      sdk.http.on(http.CreateDeploymentCommand).resolves({ DeploymentId: 'dep2' });
      sdk.http.on(http.UpdateStageCommand).resolves({});
    },
    steps: [
      { call: 'GetApis', phase: 'lookup', fail: (sdk, e) => sdk.http.on(http.GetApisCommand).rejects(e) },
      { call: 'GetStage', phase: 'lookup', fail: (sdk, e) => sdk.http.on(http.GetStageCommand).rejectsOnce(e) },
      { call: 'ReimportApi', phase: 'import', fail: (sdk, e) => sdk.http.on(http.ReimportApiCommand).rejects(e) },
      { call: 'CreateDeployment', phase: 'deploy', fail: (sdk, e) => sdk.http.on(http.CreateDeploymentCommand).rejects(e) },
      { call: 'UpdateStage', phase: 'settings', fail: (sdk, e) => sdk.http.on(http.UpdateStageCommand).rejects(e) },
    ],
  },
  {
    title: 'HTTP API, new',
    existing: false,
    plan: () => plan(HTTP_API, 'dev', SETTINGS),
    succeed: (sdk) => {
      sdk.http.on(http.GetApisCommand).resolves({ Items: [] });
      sdk.http.on(http.ImportApiCommand).resolves({ ApiId: 'h1', Name: 'Checkout', ApiEndpoint: 'https://h1.example' });
      sdk.http.on(http.CreateStageCommand).resolves({});
      sdk.http.on(http.CreateDeploymentCommand).resolves({ DeploymentId: 'dep1' });
      sdk.http.on(http.DeleteApiCommand).resolves({});
    },
    steps: [
      { call: 'GetApis', phase: 'lookup', fail: (sdk, e) => sdk.http.on(http.GetApisCommand).rejects(e) },
      { call: 'ImportApi', phase: 'import', fail: (sdk, e) => sdk.http.on(http.ImportApiCommand).rejects(e) },
      { call: 'CreateStage', phase: 'deploy', fail: (sdk, e) => sdk.http.on(http.CreateStageCommand).rejects(e) },
      { call: 'CreateDeployment', phase: 'deploy', fail: (sdk, e) => sdk.http.on(http.CreateDeploymentCommand).rejects(e) },
    ],
  },
];

async function failure(p: Promise<unknown>): Promise<DeployError> {
  try {
    await p;
  } catch (err) {
    assert.ok(err instanceof DeployError, `expected a DeployError, got ${String(err)}`);
    return err;
  }
  return assert.fail('the deploy went through');
}

/** Calls that change something in the account. */
const CHANGES = /^(Import|Reimport|Put|Create|Update|Delete)/;

describe('deploy: a fault at each step leaves the stage as it was or says what it left', () => {
  const sdk = mockSdkInSuite();

  for (const scenario of SCENARIOS) {
    describe(scenario.title, () => {
      for (const step of scenario.steps) {
        for (const kind of Object.keys(FAULTS) as FaultKind[]) {
          it(`${step.call} fails (${kind})`, async () => {
            scenario.succeed(sdk);
            step.fail(sdk, FAULTS[kind]());
            const err = await failure(deploy(await scenario.plan(), testClients()));
            const calls = sequence(sdk.rest, sdk.http);
            const at = calls.indexOf(step.call);
            assert.ok(at >= 0, `${step.call} was not called: ${calls.join(', ')}`);
            const after = calls.slice(at + 1);
            const text = `${err.message}\n${err.hints.join('\n')}`;

            assert.equal(err.kind, kind, text);
            assert.ok(err.hints.length > 0, `no way forward given: ${text}`);
            // After the fault only reads, and the deletion of an API this deploy created, may follow.
            const deletion = scenario.existing ? undefined : calls.find((c) => c.startsWith('Delete'));
            assert.deepEqual(
              after.filter((c) => CHANGES.test(c) && c !== deletion),
              [],
              `changes after the failed ${step.call}: ${calls.join(', ')}`,
            );
            // The answer to a change that was sent may have been lost: it must not be called "not done".
            const unknown = kind !== 'throttled' && CHANGES.test(step.call);
            assert.equal(err.outcomeUnknown, unknown);

            switch (step.phase) {
              case 'lookup':
                assert.match(err.message, /Nothing was changed: the deploy stopped before the import\./);
                break;
              case 'import':
                if (scenario.existing) {
                  assert.match(err.message, /stage dev still serves deployment old9/);
                  assert.match(err.message, unknown ? /may or may not hold the new import; no stage was changed/ : /The import did not happen, so nothing was changed/);
                } else {
                  assert.match(err.message, unknown ? /a new API may have been created all the same, deployed to no stage/ : /nothing was changed \(stage dev was not touched\)/);
                  if (unknown) assert.match(text, /Look for an API created just now/);
                }
                break;
              case 'deploy':
                if (scenario.existing) {
                  assert.match(err.message, /unchanged \(stage dev still serves deployment old9\)/);
                  // A lost answer is checked by reading the stage again, a refusal is not.
                  assert.equal(calls.filter((c) => c === 'GetStage').length, unknown ? 2 : 1, calls.join(', '));
                } else {
                  assert.match(err.message, /so the new API was deleted again and nothing is left behind/);
                  assert.equal(after.at(-1), deletion);
                }
                break;
              case 'settings':
                assert.match(err.message, unknown ? /is live on stage dev, but its stage settings may or may not have been applied/ : /is live on stage dev, but its stage settings were not applied/);
                assert.match(text, /Deploy again to apply the settings/);
                if (scenario.existing) assert.match(text, /return the stage to deployment old9: apigw rollback api\.yaml --stage dev/);
                break;
            }
          });
        }
      }
    });
  }

  describe('a deployment whose answer was lost', () => {
    function existingRestApi(): void {
      SCENARIOS[0].succeed(sdk);
      sdk.rest.on(rest.CreateDeploymentCommand).rejects(FAULTS.network());
    }

    it('says so when the stage, read again, moved to the new deployment after all, and names the rollback', async () => {
      existingRestApi();
      sdk.rest.on(rest.GetStageCommand).resolvesOnce({ deploymentId: 'old9' }).resolves({ deploymentId: 'dep2' });
      const err = await failure(deploy(await SCENARIOS[0].plan(), testClients()));
      assert.match(err.message, /Read again afterwards, stage dev now serves deployment dep2 \(before: old9\); its stage settings were not applied/);
      assert.match(err.hints.join('\n'), /return the stage to deployment old9: apigw rollback api\.yaml --stage dev/);
      assert.deepEqual(sequence(sdk.rest), ['GetRestApis', 'GetStage', 'PutRestApi', 'CreateDeployment', 'GetStage']);
    });

    it('says the state is unknown, and how to look, when the stage cannot be read again either', async () => {
      existingRestApi();
      sdk.rest.on(rest.GetStageCommand).resolvesOnce({ deploymentId: 'old9' }).rejects(FAULTS.unavailable());
      const err = await failure(deploy(await SCENARIOS[0].plan(), testClients()));
      assert.match(err.message, /whether stage dev moved from deployment old9 is not known/);
      const hints = err.hints.join('\n');
      assert.match(hints, /aws apigateway get-stage --rest-api-id abc123 --stage-name dev/);
      assert.match(hints, /If it moved, return it to deployment old9: apigw rollback api\.yaml --stage dev/);
    });

    it('on an HTTP API with no such stage before, a stage found afterwards counts as changed', async () => {
      SCENARIOS[2].succeed(sdk);
      sdk.http.on(http.GetStageCommand).rejectsOnce(new http.NotFoundException({ message: 'Invalid stage identifier specified', $metadata: {} })).resolves({ StageName: 'dev' });
      sdk.http.on(http.CreateStageCommand).rejects(FAULTS.unavailable());
      const err = await failure(deploy(await SCENARIOS[2].plan(), testClients()));
      assert.match(err.message, /stage dev was created, without a deployment; its stage settings were not applied/);
      assert.deepEqual(sequence(sdk.http), ['GetApis', 'GetStage', 'ReimportApi', 'CreateStage', 'GetStage']);
    });
  });
});
