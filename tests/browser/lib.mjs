// Shared helpers of the browser checks: launching the system Chromium, small assertions.
// Run by tests/browser.rs; see tests/browser/README.md.

import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const HERE = dirname(fileURLToPath(import.meta.url));
const AXE = join(HERE, 'node_modules', 'axe-core', 'axe.min.js');
const VNU = join(HERE, 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');

/** The Chromium to drive: Debian's package, or GOVSITE_CHROMIUM. */
export const CHROMIUM = process.env.GOVSITE_CHROMIUM || '/usr/bin/chromium';

/**
 * Launches headless Chromium with no background traffic (this machine's network is closed;
 * Chromium's own connections would only be refused). Playwright gives every launch a fresh,
 * empty --user-data-dir of its own (and refuses one in `args`), removed on close.
 * Returns { browser, close }.
 */
export async function launch() {
  const b = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    browser: b,
    async close() {
      await b.close().catch(() => {});
    },
  };
}

/** Collects failures, prints each at once, and reports them at the end. */
export class Checks {
  constructor(name) {
    this.name = name;
    this.failures = [];
    this.passed = 0;
    this.started = Date.now();
  }

  ok(condition, what, detail = '') {
    if (condition) {
      this.passed += 1;
    } else {
      const line = detail ? `${what}\n    ${detail.replace(/\n/g, '\n    ')}` : what;
      this.failures.push(line);
      console.log(`FAIL ${line}`);
    }
    return condition;
  }

  fail(what, detail = '') {
    return this.ok(false, what, detail);
  }

  /** Prints the summary and returns the process exit code. */
  finish() {
    const secs = ((Date.now() - this.started) / 1000).toFixed(1);
    console.log(`\n${this.name}: ${this.passed} passed, ${this.failures.length} failed (${secs} s)`);
    for (const f of this.failures) console.log(`  - ${f.split('\n')[0]}`);
    return this.failures.length === 0 ? 0 : 1;
  }
}

/** Time since `start`, for progress lines. */
export function since(start) {
  return `${((Date.now() - start) / 1000).toFixed(1)} s`;
}

/** Runs a script's `main`, exiting with its code (2 when it throws). */
export function run(main) {
  main().then(
    (code) => process.exit(code),
    (error) => {
      console.error(error);
      process.exit(2);
    },
  );
}

// ---- the static server -------------------------------------------------------------------

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** Serves `root` under `base` like GitHub Pages: index.html for folders, 404.html otherwise. */
export function serve(root, base) {
  const server = createServer((req, res) => {
    const send = (status, file, headers = {}) => {
      const body = file ? readFileSync(file) : Buffer.alloc(0);
      const type = file ? TYPES[extname(file)] || 'application/octet-stream' : 'text/plain';
      res.writeHead(status, { 'Content-Type': type, 'Content-Length': body.length, ...headers });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    const notFound = () => send(404, join(root, '404.html'));
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, null, { Allow: 'GET, HEAD' });
    let path;
    try {
      path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      return send(400, null);
    }
    if (`${path}/` === base) return send(301, null, { Location: base });
    if (!path.startsWith(base)) return notFound();
    const file = resolve(root, `.${sep}${path.slice(base.length)}`);
    if (file !== root && !file.startsWith(root + sep)) return notFound();
    if (!existsSync(file)) return notFound();
    if (statSync(file).isDirectory()) {
      if (!path.endsWith('/')) return send(301, null, { Location: `${path}/` });
      const index = join(file, 'index.html');
      return existsSync(index) ? send(200, index) : notFound();
    }
    return send(200, file);
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

// ---- pages, axe and the Nu HTML checker ---------------------------------------------------

/** Every file under `dir`. */
export function walk(dir, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

export async function runAxe(page) {
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) {
    await page.addScriptTag({ content: readFileSync(AXE, 'utf8') });
  }
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary, html: n.html.slice(0, 160) })),
    }));
  });
}

export function describeViolations(violations) {
  return violations
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n` +
        v.nodes
          .slice(0, 6)
          .map((n) => `  at ${n.target}: ${n.summary.replace(/\n/g, ' ')}\n    ${n.html}`)
          .join('\n') +
        (v.nodes.length > 6 ? `\n  … and ${v.nodes.length - 6} more` : ''),
    )
    .join('\n');
}

// ---- the Nu HTML checker ------------------------------------------------------------------

/** Starts vnu over the files at once; resolves to { errors: [...], failure?: string }. */
export function checkHtml(root, files) {
  return new Promise((done) => {
    const java = process.env.GOVSITE_JAVA || 'java';
    const child = spawn(java, ['-jar', VNU, '--errors-only', '--format', 'json', ...files], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', (e) => done({ errors: [], failure: `cannot run ${java}: ${e.message}` }));
    child.on('close', (code) => {
      let report;
      try {
        report = JSON.parse(out.slice(out.indexOf('{')));
      } catch {
        return done({ errors: [], failure: `vnu exited ${code} without a JSON report:\n${out.slice(0, 2000)}` });
      }
      const errors = report.messages
        .filter((m) => m.type !== 'info')
        .map((m) => {
          const file = m.url ? relative(root, fileURLToPath(m.url)) : '?';
          const where = m.lastLine ? `:${m.lastLine}:${m.firstColumn ?? m.lastColumn ?? 0}` : '';
          const extract = m.extract ? `\n      ${m.extract.replace(/\n/g, '⏎')}` : '';
          return `${file}${where}: ${m.type}${m.subType ? `/${m.subType}` : ''}: ${m.message}${extract}`;
        });
      done({ errors, files: files.length });
    });
  });
}

