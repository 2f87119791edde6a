import assert from 'node:assert/strict';
import { evaluatePolicy } from '../../core/src/mock/auth/iamPolicy';

const ARN = 'arn:aws:execute-api:us-east-1:123456789012:abc123defg/dev/GET/pets/42';
const doc = (...Statement: object[]) => ({ Version: '2012-10-17', Statement });

describe('authorizer policy evaluation', () => {
  it('allows on a matching Allow, wildcards spanning slashes, actions without regard to case', () => {
    assert.deepEqual(evaluatePolicy(doc({ Effect: 'Allow', Action: 'EXECUTE-API:invoke', Resource: 'arn:aws:execute-api:*:*:abc123defg/*' }), 'execute-api:Invoke', ARN), { decision: 'allow', conditionsIgnored: false });
  });

  it('compares resources with regard to case and needs the whole ARN to match', () => {
    assert.equal((evaluatePolicy(doc({ Effect: 'Allow', Action: '*', Resource: ARN.toUpperCase() }), 'execute-api:Invoke', ARN) as { decision: string }).decision, 'implicitDeny');
    assert.equal((evaluatePolicy(doc({ Effect: 'Allow', Action: '*', Resource: ARN.slice(0, -1) }), 'execute-api:Invoke', ARN) as { decision: string }).decision, 'implicitDeny');
  });

  it('lets an explicit Deny win whatever the order, and reads NotAction and NotResource', () => {
    const deny = { Effect: 'Deny', Action: 'execute-api:Invoke', Resource: '*/GET/pets/*' };
    assert.equal((evaluatePolicy(doc(deny, { Effect: 'Allow', Action: '*', Resource: '*' }), 'execute-api:Invoke', ARN) as { decision: string }).decision, 'explicitDeny');
    assert.equal((evaluatePolicy(doc({ Effect: 'Allow', Action: '*', NotResource: '*/DELETE/*' }), 'execute-api:Invoke', ARN) as { decision: string }).decision, 'allow');
    assert.equal((evaluatePolicy(doc({ Effect: 'Allow', NotAction: 'execute-api:Invoke', Resource: '*' }), 'execute-api:Invoke', ARN) as { decision: string }).decision, 'implicitDeny');
  });

  it('says when a matching statement has a Condition it did not evaluate', () => {
    assert.deepEqual(evaluatePolicy(doc({ Effect: 'Allow', Action: '*', Resource: '*', Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } }), 'execute-api:Invoke', ARN), { decision: 'allow', conditionsIgnored: true });
  });

  it('reports a malformed document', () => {
    assert.deepEqual(evaluatePolicy('nope', 'a', ARN), { invalid: 'policyDocument is not an object' });
    assert.match((evaluatePolicy(doc({ Effect: 'Maybe', Action: '*', Resource: '*' }), 'a', ARN) as { invalid: string }).invalid, /Effect must be Allow or Deny/);
    assert.match((evaluatePolicy(doc({ Effect: 'Allow', Action: '*' }), 'a', ARN) as { invalid: string }).invalid, /exactly one of Resource and NotResource/);
    assert.match((evaluatePolicy(doc({ Effect: 'Allow', Action: 3, Resource: '*' }), 'a', ARN) as { invalid: string }).invalid, /Action must be a string or a list/);
  });
});
