#!/usr/bin/env node
// Runs first in the Maven build (and via `npm run check-node`): fails with a clear message when
// the machine's Node.js or npm is missing or too old for Vite/Vitest, instead of an obscure error later.
// Node.js and npm are never downloaded by the build: they must be on the PATH.
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

// Vite 8 supports Node.js ^20.19.0 || >=22.12.0 (keep in step with "engines" in package.json).
const SUPPORTED_NODE = '^20.19.0 || >=22.12.0';
const MIN_NPM_MAJOR = 10;

/** Whether a Node.js version ("v20.19.1" or "20.19.1") satisfies ^20.19.0 || >=22.12.0. */
export function nodeSupported(version) {
  const m = /^v?(\d+)\.(\d+)\.(\d+)/.exec(version);
  if (!m) return false;
  const [major, minor] = [Number(m[1]), Number(m[2])];
  if (major === 20) return minor >= 19;
  if (major === 22) return minor >= 12;
  return major > 22;
}

function fail(lines) {
  console.error(['', '[admin-ui] ' + lines[0], ...lines.slice(1).map((l) => '           ' + l), ''].join('\n'));
  process.exit(1);
}

// Only check when run as a script, not when imported by the unit tests.
const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  if (!nodeSupported(process.version)) {
    fail([
      `Node.js ${process.version} is too old: the admin UI needs Node.js ${SUPPORTED_NODE}.`,
      'Install a newer Node.js (e.g. from your OS packages) and put it first on the PATH.',
    ]);
  }
  // npm must be on the PATH: the Maven build runs `npm ci`, `npm run build` and `npm test`.
  const npm = spawnSync('npm', ['--version'], {
    encoding: 'utf8',
    shell: process.platform === 'win32',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  if (npm.error || npm.status !== 0) {
    fail([
      'npm was not found on the PATH (it normally comes with Node.js).',
      'Install npm 10+ and make sure `npm --version` works in this shell.',
    ]);
  }
  const npmVersion = npm.stdout.trim().split('\n').pop();
  const npmMajor = Number(/^(\d+)\./.exec(npmVersion)?.[1] ?? 0);
  if (npmMajor < MIN_NPM_MAJOR) {
    fail([
      `npm ${npmVersion} is too old: the admin UI needs npm ${MIN_NPM_MAJOR}+ (npm ci with lockfile v3).`,
      'Upgrade it, e.g. `npm install -g npm@11`.',
    ]);
  }
  if (process.env.SEXTANT_CHECK_NODE_VERBOSE) {
    console.log(`[admin-ui] Node.js ${process.version}, npm ${npmVersion}: OK`);
  }
}
