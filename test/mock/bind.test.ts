import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { startCliMock } from './cliMock';

interface Started {
  host: string;
  port: number;
  stderr: () => string;
  stop: () => Promise<unknown>;
}

/** `apigw mock` from the bundle, once it prints where it listens (and has said what it warns about). */
async function start(args: string[]): Promise<Started> {
  const mock = await startCliMock(['examples/rest/api.yaml', '--port', '0', ...args], { ready: (out) => /\ntry:/.test(out) });
  // The warning is written before the curl lines; stderr may still be in the pipe, hence the pause.
  await new Promise((resolve) => setTimeout(resolve, 200));
  const { hostname, port } = new URL(mock.url);
  return { host: hostname, port: Number(port), stderr: mock.stderr, stop: () => mock.stop() };
}

/** This machine's address on a network, which other machines would use. */
function externalAddress(): string {
  const found = Object.values(networkInterfaces())
    .flat()
    .find((a) => a && a.family === 'IPv4' && !a.internal);
  assert.ok(found, 'the test needs a network interface besides loopback');
  return found.address;
}

function reachable(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('apigw mock: where it listens', function () {
  this.timeout(30_000);

  it('binds 127.0.0.1 by default: unreachable from the network, and no warning', async () => {
    const s = await start([]);
    try {
      assert.equal(s.host, '127.0.0.1');
      assert.equal(await reachable('127.0.0.1', s.port), true);
      assert.equal(await reachable(externalAddress(), s.port), false);
      assert.doesNotMatch(s.stderr(), /warning/);
    } finally {
      await s.stop();
    }
  });

  it('with --host 0.0.0.0 it is reachable from the network and says so', async () => {
    const s = await start(['--host', '0.0.0.0']);
    try {
      assert.equal(await reachable(externalAddress(), s.port), true);
      assert.match(s.stderr(), /apigw mock: warning: bound to 0\.0\.0\.0: other machines can reach this emulator and the handlers it runs/);
    } finally {
      await s.stop();
    }
  });

  it('--host localhost is loopback too: no warning', async () => {
    const s = await start(['--host', 'localhost']);
    try {
      assert.doesNotMatch(s.stderr(), /warning/);
    } finally {
      await s.stop();
    }
  });
});
