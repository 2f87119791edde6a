import assert from 'node:assert/strict';
import type { Caller } from '../../core/src/mock/auth/caller';
import { applyCaller, eventAuthorizer } from '../../core/src/mock/auth/callerContext';
import type { Exchange } from '../../core/src/mock/exchange';

/** applyCaller and eventAuthorizer read only these parts of an exchange. */
function exchangeWith(caller: Caller): Exchange {
  return { context: { identity: {} }, caller, settings: { accountId: '123456789012' } } as unknown as Exchange;
}

describe('authorizer results in $context and in the Lambda event', () => {
  const cognito: Caller = { kind: 'cognito', claims: { sub: 'alice', 'cognito:groups': ['admin', 'dev'], address: { city: 'Oslo' } }, scopes: [] };

  it('prints claims as REST does (lists in brackets, objects as JSON), for every request with the same claims', () => {
    for (let i = 0; i < 2; i++) {
      const exchange = exchangeWith(cognito);
      applyCaller(exchange, cognito);
      assert.deepEqual((exchange.context.authorizer as { claims: unknown }).claims, { sub: 'alice', 'cognito:groups': '[admin dev]', address: '{"city":"Oslo"}' });
      assert.deepEqual(eventAuthorizer(exchange, 'REST'), { claims: { sub: 'alice', 'cognito:groups': '[admin dev]', address: '{"city":"Oslo"}' } });
    }
  });

  // A cached decision or verified token hands every request the same claims object.
  it('gives each request its own copy, so a template that changes one leaves the next request as it was', () => {
    const first = exchangeWith(cognito);
    applyCaller(first, cognito);
    (first.context.authorizer as { claims: Record<string, string> }).claims.sub = 'changed';
    (eventAuthorizer(first, 'REST') as { claims: Record<string, string> }).claims.sub = 'changed too';
    const second = exchangeWith(cognito);
    applyCaller(second, cognito);
    assert.equal((second.context.authorizer as { claims: Record<string, string> }).claims.sub, 'alice');
    assert.equal((eventAuthorizer(second, 'REST') as { claims: Record<string, string> }).claims.sub, 'alice');
  });
});
