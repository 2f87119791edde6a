import assert from 'node:assert/strict';
import { functionRefFromUri } from '../../core/src/mock/lambda';
import { lookupKeys } from '../../core/src/mock/lambda/functionRef';

const INVOKE = (fn: string) => `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/${fn}/invocations`;
const ORDERS = 'arn:aws:lambda:us-east-1:123456789012:function:orders';

describe('lambda function refs: which function an integration uri names', () => {
  it('reads the function ARN out of an invoke URI, a streaming URI and a bare ARN, qualifier kept', () => {
    assert.equal(functionRefFromUri(INVOKE(ORDERS), {}), ORDERS);
    assert.equal(functionRefFromUri(INVOKE(`${ORDERS}:live`), {}), `${ORDERS}:live`);
    assert.equal(
      functionRefFromUri(`arn:aws:apigateway:us-east-1:lambda:path/2021-11-15/functions/${ORDERS}/response-streaming-invocations`, {}),
      ORDERS,
    );
    assert.equal(functionRefFromUri(ORDERS, {}), ORDERS);
    assert.equal(functionRefFromUri('arn:aws-cn:lambda:cn-north-1:123456789012:function:orders', {}), 'arn:aws-cn:lambda:cn-north-1:123456789012:function:orders');
  });

  it('answers the same uri anew for each stage\'s variables', () => {
    const uri = INVOKE('arn:aws:lambda:us-east-1:123456789012:function:${stageVariables.fn}');
    const beta = { fn: 'orders-beta' };
    const prod = { fn: 'orders-prod' };
    for (let i = 0; i < 2; i++) {
      assert.equal(functionRefFromUri(uri, beta), 'arn:aws:lambda:us-east-1:123456789012:function:orders-beta');
      assert.equal(functionRefFromUri(uri, prod), 'arn:aws:lambda:us-east-1:123456789012:function:orders-prod');
      assert.equal(functionRefFromUri('not a function', prod), undefined);
    }
  });

  it('takes bare names, with or without an alias', () => {
    assert.equal(functionRefFromUri('orders', {}), 'orders');
    assert.equal(functionRefFromUri('orders:live', {}), 'orders:live');
  });

  it('substitutes stage variables anywhere, and leaves an unset one as written', () => {
    const uri = INVOKE('arn:aws:lambda:us-east-1:123456789012:function:${stageVariables.fn}:${stageVariables.alias}');
    assert.equal(functionRefFromUri(uri, { fn: 'orders', alias: 'beta' }), `${ORDERS}:beta`);
    assert.equal(functionRefFromUri(INVOKE('${stageVariables.fnArn}'), { fnArn: ORDERS }), ORDERS);
    assert.equal(functionRefFromUri(INVOKE('${stageVariables.fnArn}'), {}), '${stageVariables.fnArn}');
    assert.equal(functionRefFromUri('${stageVariables.fn}', { fn: 'orders' }), 'orders');
  });

  it('gives the logical id for CloudFormation forms: ${Fn.Arn} in a Sub, !GetAtt, Fn::GetAtt, Ref', () => {
    const sub = 'arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${OrdersFunction.Arn}/invocations';
    assert.equal(functionRefFromUri(sub, {}), 'OrdersFunction');
    assert.equal(functionRefFromUri({ 'Fn::Sub': sub }, {}), 'OrdersFunction');
    assert.equal(functionRefFromUri({ 'Fn::Sub': [sub, {}] }, {}), 'OrdersFunction');
    assert.equal(functionRefFromUri('OrdersFunction.Arn', {}), 'OrdersFunction');
    assert.equal(functionRefFromUri({ 'Fn::GetAtt': ['OrdersFunction', 'Arn'] }, {}), 'OrdersFunction');
    assert.equal(functionRefFromUri({ 'Fn::GetAtt': 'OrdersFunction.Arn' }, {}), 'OrdersFunction');
    assert.equal(functionRefFromUri({ Ref: 'OrdersFunction' }, {}), 'OrdersFunction');
  });

  it('is undefined for anything that is not a Lambda function', () => {
    assert.equal(functionRefFromUri('https://example.com/orders', {}), undefined);
    assert.equal(functionRefFromUri('http://${stageVariables.host}/orders', { host: 'example.com' }), undefined);
    assert.equal(functionRefFromUri('arn:aws:apigateway:us-east-1:s3:path/bucket/{key}', {}), undefined);
    assert.equal(functionRefFromUri('arn:aws:states:us-east-1:123456789012:stateMachine:flow', {}), undefined);
    assert.equal(functionRefFromUri({ 'Fn::GetAtt': ['Queue', 'QueueName'] }, {}), undefined);
    assert.equal(functionRefFromUri(42, {}), undefined);
    assert.equal(functionRefFromUri(undefined, {}), undefined);
  });

  it('looks a function up by its ARN, the ARN without qualifier, name and qualifier, then name', () => {
    assert.deepEqual(lookupKeys(`${ORDERS}:live`), [`${ORDERS}:live`, ORDERS, 'orders:live', 'orders']);
    assert.deepEqual(lookupKeys('orders:live'), ['orders:live', 'orders']);
    assert.deepEqual(lookupKeys('OrdersFunction'), ['OrdersFunction']);
  });
});
