import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import { commands, ViewColumn, window, type Disposable, type WebviewPanel } from 'vscode';
import type { MockRunner } from './mockRunner';
import { RouteStats, type StatsSnapshot } from './routeStats';

/** A busy mock logs hundreds of lines a second: the panel redraws at most this often. */
const UPDATE_INTERVAL_MS = 250;

type AnalyticsMessage = { type: 'stats'; stats: StatsSnapshot; mock: string | undefined };

/**
 * "Show Mock Analytics": a webview of the mock's access log by route. It collects from the
 * start, so opening it mid-run shows what already happened; restarts keep the numbers until
 * the user presses Reset.
 */
export function registerMockAnalytics(runner: MockRunner): Disposable[] {
  const stats = new RouteStats();
  let panel: WebviewPanel | undefined;
  let timer: NodeJS.Timeout | undefined;

  const post = () => {
    timer = undefined;
    const running = runner.running;
    const message: AnalyticsMessage = { type: 'stats', stats: stats.snapshot(), mock: running && `${running.baseUrl} (${path.basename(running.file)})` };
    void panel?.webview.postMessage(message);
  };
  const schedule = () => {
    if (panel && !timer) timer = setTimeout(post, UPDATE_INTERVAL_MS);
  };

  const show = () => {
    if (panel) return panel.reveal();
    const nonce = randomBytes(16).toString('base64');
    panel = window.createWebviewPanel('apigw.mockAnalytics', 'Mock Analytics', ViewColumn.Beside, { enableScripts: true, localResourceRoots: [] });
    panel.webview.html = html(nonce);
    const subscription = panel.webview.onDidReceiveMessage((message: { type?: string }) => {
      if (message.type === 'reset') stats.reset();
      // 'ready' comes on every load (also after the panel was hidden): answer with the current state.
      post();
    });
    panel.onDidDispose(() => {
      subscription.dispose();
      clearTimeout(timer);
      timer = undefined;
      panel = undefined;
    });
  };

  return [
    runner.onAccessLog((line) => {
      stats.add(line);
      schedule();
    }),
    // The header says whether the mock runs; the numbers stay across restarts.
    runner.onDidChange(() => schedule()),
    commands.registerCommand('apigw.showMockAnalytics', show),
    { dispose: () => panel?.dispose() },
  ];
}

function html(nonce: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Mock Analytics</title>
<style nonce="${nonce}">
  body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); }
  header { display: flex; gap: 1em; align-items: center; margin-bottom: 0.8em; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; padding: 2px 8px; border-bottom: 1px solid var(--vscode-panel-border); white-space: nowrap; }
  td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
  code { font-family: var(--vscode-editor-font-family); }
  button { color: var(--vscode-button-foreground); background: var(--vscode-button-background); border: none; padding: 4px 10px; cursor: pointer; }
  button:hover { background: var(--vscode-button-hoverBackground); }
  .muted { color: var(--vscode-descriptionForeground); }
  .s2xx { fill: var(--vscode-charts-green, #388a34); }
  .s3xx { fill: var(--vscode-charts-blue, #1a85ff); }
  .s4xx { fill: var(--vscode-charts-yellow, #bf8803); }
  .s5xx { fill: var(--vscode-charts-red, #e51400); }
  .lat { fill: var(--vscode-charts-purple, #652d90); }
</style>
</head>
<body>
<header><button id="reset">Reset</button><span id="mock" class="muted"></span><span id="totals"></span></header>
<table>
<thead><tr><th>Route</th><th class="n">Requests</th><th>Status classes</th><th class="n">2xx</th><th class="n">3xx</th><th class="n">4xx</th><th class="n">5xx</th><th class="n">p50 ms</th><th class="n">p95 ms</th><th class="n">p99 ms</th><th>p99</th></tr></thead>
<tbody id="rows"></tbody>
</table>
<p id="empty" class="muted">No requests yet. Start the local mock and send some.</p>
<script nonce="${nonce}">
(() => {
  const vscode = acquireVsCodeApi();
  const SVG = 'http://www.w3.org/2000/svg';
  const CLASSES = ['2xx', '3xx', '4xx', '5xx'];
  const BAR = 160;
  const el = (tag, text, cls) => { const e = document.createElement(tag); if (text !== undefined) e.textContent = text; if (cls) e.className = cls; return e; };
  const rect = (x, width, cls, title) => {
    const r = document.createElementNS(SVG, 'rect');
    r.setAttribute('x', String(x)); r.setAttribute('y', '2'); r.setAttribute('height', '12'); r.setAttribute('width', String(width)); r.setAttribute('class', cls);
    const t = document.createElementNS(SVG, 'title'); t.textContent = title; r.appendChild(t);
    return r;
  };
  const svg = () => { const s = document.createElementNS(SVG, 'svg'); s.setAttribute('width', String(BAR)); s.setAttribute('height', '16'); return s; };
  const ms = (v) => (v === undefined || v === null ? '–' : String(v));

  document.getElementById('reset').addEventListener('click', () => vscode.postMessage({ type: 'reset' }));
  window.addEventListener('message', (event) => {
    const { stats, mock } = event.data;
    document.getElementById('mock').textContent = mock ? 'Mock: ' + mock : 'Mock not running';
    document.getElementById('totals').textContent = stats.total + ' requests: ' + CLASSES.map((c) => c + ' ' + stats.statuses[c]).join(', ');
    document.getElementById('empty').hidden = stats.routes.length > 0;
    const maxP99 = Math.max(1, ...stats.routes.map((r) => r.p99 ?? 0));
    const rows = stats.routes.map((r) => {
      const tr = el('tr');
      const route = el('td'); route.appendChild(el('code', r.route)); tr.appendChild(route);
      tr.appendChild(el('td', String(r.count), 'n'));
      // One stacked bar per route: its share of each status class.
      const mix = svg();
      let x = 0;
      for (const c of CLASSES) {
        const w = r.count ? (r.statuses[c] / r.count) * BAR : 0;
        if (w > 0) mix.appendChild(rect(x, w, 's' + c, c + ': ' + r.statuses[c]));
        x += w;
      }
      const mixCell = el('td'); mixCell.appendChild(mix); tr.appendChild(mixCell);
      for (const c of CLASSES) tr.appendChild(el('td', String(r.statuses[c]), 'n'));
      for (const p of [r.p50, r.p95, r.p99]) tr.appendChild(el('td', ms(p), 'n'));
      const lat = svg();
      if (r.p99 !== undefined && r.p99 !== null) lat.appendChild(rect(0, Math.max(1, (r.p99 / maxP99) * BAR), 'lat', 'p99: ' + r.p99 + ' ms'));
      const latCell = el('td'); latCell.appendChild(lat); tr.appendChild(latCell);
      return tr;
    });
    document.getElementById('rows').replaceChildren(...rows);
  });
  vscode.postMessage({ type: 'ready' });
})();
</script>
</body>
</html>`;
}
