// A three-site `estate serve` deployment on loopback for the client tests: the GCP region and
// two on-prem sites, one process each, on free ports, with their data in a fresh temporary
// directory. The binary comes from ESTATE_CLI (ctest sets it) or build/default.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';

export const TOKEN = 'client-tests-token-0123456789';
export const SITES = ['gcp', 'site-a', 'site-b'];

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function estateBinary() {
  const path = process.env.ESTATE_CLI || join(repoRoot, 'build', 'default', 'cli', 'estate');
  if (!existsSync(path)) {
    throw new Error(`no estate binary at ${path}: build it (bash scripts/build) or set ESTATE_CLI`);
  }
  return path;
}

// A port nobody listens on now. Another process could take it before the site binds it; the
// window is short and a failed bind makes the site exit, which start() reports.
async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

// Every site lists the same sites and mounts; they differ in site, data_dir and listen.
function siteConfig(site, dataDir, httpPorts, peerPorts, mounts) {
  return {
    site,
    data_dir: join(dataDir, site),
    listen: `127.0.0.1:${httpPorts[site]}`,
    sites: SITES.map((id) => ({
      id,
      kind: id === 'gcp' ? 'gcp' : 'onprem',
      peer: `127.0.0.1:${peerPorts[id]}`,
    })),
    secret: 'client-tests-peer-secret',
    auth: { tokens: [TOKEN] },
    mounts,
    public_metrics: true,
    log_level: process.env.ESTATE_CLIENTS_LOG_LEVEL || 'warning',
  };
}

export class Deployment {
  // mounts: the scenario-format mount table every site gets.
  constructor(mounts) {
    this.mounts = mounts;
    this.dir = mkdtempSync(join(tmpdir(), 'estate-clients-'));
    this.processes = {};
    this.httpPorts = {};
    this.peerPorts = {};
  }

  endpoint(site) {
    return `http://127.0.0.1:${this.httpPorts[site]}`;
  }

  log(site) {
    const path = join(this.dir, `${site}.log`);
    return existsSync(path) ? readFileSync(path, 'utf8') : '';
  }

  async start() {
    for (const site of SITES) {
      this.httpPorts[site] = await freePort();
      this.peerPorts[site] = await freePort();
    }
    for (const site of SITES) {
      const config = siteConfig(site, this.dir, this.httpPorts, this.peerPorts, this.mounts);
      writeFileSync(join(this.dir, `${site}.json`), JSON.stringify(config, null, 2));
    }
    for (const site of SITES) this.startSite(site);
    for (const site of SITES) await this.waitHealthy(site);
  }

  startSite(site) {
    const log = join(this.dir, `${site}.log`);
    const child = spawn(estateBinary(), ['serve', '--config', join(this.dir, `${site}.json`)], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child.exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
    child.stderr.on('data', (chunk) => writeFileSync(log, chunk, { flag: 'a' }));
    this.processes[site] = child;
  }

  async waitHealthy(site, timeoutMs = 30000) {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.processes[site].exitCode !== null) {
        throw new Error(`site ${site} exited with ${this.processes[site].exitCode}:\n${this.log(site)}`);
      }
      try {
        if ((await httpGet(`${this.endpoint(site)}/healthz`)).status === 200) return;
      } catch {
        // not listening yet
      }
      await sleep(50);
    }
    throw new Error(`site ${site} not healthy after ${timeoutMs} ms:\n${this.log(site)}`);
  }

  // Resolves once some site leads the strong-mode log: until then bucket creation (which goes
  // through that log) is refused with 503, and the client would back off for seconds.
  async waitForLeader(timeoutMs = 30000) {
    await eventually(async () => {
      for (const site of SITES) {
        const { body } = await httpGet(`${this.endpoint(site)}/metrics`);
        if (/^estate_raft_leader 1$/m.test(body)) return true;
      }
      return false;
    }, timeoutMs);
  }

  // SIGTERM drains each site. The drain also waits for the clients' idle keep-alive
  // connections (up to the service's 5 s keep-alive timeout), which the client library keeps
  // open, so a site still running after a short grace is killed: the drain itself is tested
  // in tests/service/serve_command_test.cpp.
  async stop(graceMs = 1500) {
    const running = Object.values(this.processes).filter((p) => p.exitCode === null && p.signalCode === null);
    for (const p of running) p.kill('SIGTERM');
    await Promise.race([Promise.all(running.map((p) => p.exited)), sleep(graceMs)]);
    for (const p of running) if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL');
    await Promise.all(running.map((p) => p.exited));
    if (!process.env.ESTATE_KEEP_CLIENT_DATA) rmSync(this.dir, { recursive: true, force: true });
  }
}

// A GET on a connection of its own, closed after the answer: a kept-alive idle connection
// would hold up a site's SIGTERM drain until the connection times out.
export function httpGet(url) {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent: false, headers: { Connection: 'close' } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

// Polls fn until it returns a truthy value or throws no more; returns that value. The last
// error is rethrown at the deadline, so a failure names what was still wrong.
export async function eventually(fn, timeoutMs = 15000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const value = await fn();
      if (value) return value;
      if (Date.now() > deadline) throw new Error('condition still false at the deadline');
    } catch (e) {
      if (Date.now() > deadline) throw e;
    }
    await sleep(50);
  }
}
