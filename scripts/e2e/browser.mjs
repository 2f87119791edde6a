// Debian's Chromium driven by playwright-core: no browser download needed.
import { chromium } from 'playwright-core';

const CHROMIUM = process.env.APIGW_E2E_CHROMIUM ?? '/usr/bin/chromium';

export function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // As root there is no sandbox; the rest keeps Chromium off the closed network.
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** The workbench URL of code-server for `folder`, with an optional `payload` (VS Code's web launch parameters). */
export function workbenchUrl(server, folder, payload) {
  const url = new URL(server.url);
  url.searchParams.set('folder', folder);
  if (payload) url.searchParams.set('payload', JSON.stringify(payload));
  return url.toString();
}

/** `vscode-remote://` form of a path on this machine, as the browser workbench names server files. */
export function remoteUri(server, path) {
  return `vscode-remote://127.0.0.1:${server.port}${path}`;
}
