import assert from 'node:assert/strict';
import { OTHER_ROUTES, percentile, RouteStats } from '../../client/src/mock/routeStats';

const line = (httpMethod: string, resourcePath: string, status: string, responseLatency: string) => ({ requestId: 'r', httpMethod, resourcePath, status, responseLatency, integrationLatency: '-' });

describe('routeStats: the mock analytics aggregation', () => {
  it('counts requests and status classes per route, busiest first', () => {
    const stats = new RouteStats();
    stats.add(line('GET', '/books', '200', '3'));
    stats.add(line('GET', '/books/{id}', '404', '2'));
    stats.add(line('GET', '/books/{id}', '200', '4'));
    stats.add(line('POST', '/books', '502', '10'));
    stats.add(line('GET', '-', '403', '1'));
    const snapshot = stats.snapshot();
    assert.equal(snapshot.total, 5);
    assert.deepEqual(snapshot.statuses, { '2xx': 2, '3xx': 0, '4xx': 2, '5xx': 1 });
    assert.deepEqual(snapshot.routes.map((r) => [r.route, r.count]), [['GET /books/{id}', 2], ['GET -', 1], ['GET /books', 1], ['POST /books', 1]]);
    assert.deepEqual(snapshot.routes[0].statuses, { '2xx': 1, '3xx': 0, '4xx': 1, '5xx': 0 });
  });

  it('computes nearest-rank p50/p95/p99 and skips missing latencies', () => {
    const stats = new RouteStats();
    for (let ms = 1; ms <= 100; ms++) stats.add(line('GET', '/x', '200', String(101 - ms)));
    stats.add(line('GET', '/x', '200', '-'));
    const [route] = stats.snapshot().routes;
    assert.equal(route.count, 101);
    assert.deepEqual([route.p50, route.p95, route.p99], [50, 95, 99]);
    assert.equal(percentile([], 50), undefined);
    assert.equal(percentile([7], 99), 7);
  });

  it('keeps only the latest latencies per route', () => {
    const stats = new RouteStats(3);
    for (const ms of ['1000', '1000', '1000', '1', '2', '3']) stats.add(line('GET', '/x', '200', ms));
    const [route] = stats.snapshot().routes;
    assert.equal(route.count, 6);
    assert.equal(route.p99, 3);
  });

  it('folds routes past the cap into one row', () => {
    const stats = new RouteStats(10, 3);
    for (const method of ['A', 'B', 'C', 'D', 'A']) stats.add(line(method, '/x', '200', '1'));
    const routes = stats.snapshot().routes;
    assert.deepEqual(routes.map((r) => [r.route, r.count]), [[OTHER_ROUTES, 2], ['A /x', 2], ['B /x', 1]]);
  });

  it('starts over on reset', () => {
    const stats = new RouteStats();
    stats.add(line('GET', '/x', '500', '1'));
    stats.reset();
    assert.deepEqual(stats.snapshot(), { total: 0, statuses: { '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0 }, routes: [] });
  });
});
