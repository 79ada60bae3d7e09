// Shared helpers of the browser checks: launching the system Chromium, small assertions.
// Run by tests/browser.rs; see tests/browser/README.md.

import { chromium } from 'playwright-core';

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
