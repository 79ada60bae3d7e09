// Live reload of `govsite serve`, seen from an open page in headless Chromium.
//
//   node tests/browser/live-reload.mjs --url URL --site DIR
//
// URL is the home page of a running `govsite serve DIR` (DIR a copy of example-site: this
// script edits its governance/charter.yaml, whose mission the home page shows). The script opens
// the page once and never reloads or navigates it itself:
//   1. an edit of the mission appears in the open page;
//   2. a broken edit (invalid YAML) shows the error overlay, #govsite-overlay with yaml/syntax,
//      over the last good content;
//   3. fixing the file removes the overlay and shows the fixed content.
// Exit 0 when all pass, 1 otherwise.

import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Checks, launch, run, since } from './lib.mjs';

const WAIT = Number(process.env.GOVSITE_RELOAD_TIMEOUT_MS || 20000);

function parseArgs(argv) {
  const args = {};
  for (let i = 0; i < argv.length; i += 2) {
    if (argv[i] === '--url') args.url = argv[i + 1];
    else if (argv[i] === '--site') args.site = argv[i + 1];
    else {
      console.error(`unknown argument: ${argv[i]}`);
      process.exit(2);
    }
  }
  if (!args.url || !args.site) {
    console.error('usage: node live-reload.mjs --url URL --site DIR');
    process.exit(2);
  }
  return args;
}

/** Writes `text` the way editors save: a temporary file renamed over the old one. */
function save(file, text) {
  const temp = `${file}.govsite-test~`;
  writeFileSync(temp, text);
  renameSync(temp, file);
}

/** The charter with its (folded, multi-line) mission replaced by `mission`. */
function withMission(charter, mission) {
  const replaced = charter.replace(/^mission:.*\n(?:[ \t]+.*\n|\n(?=[ \t]))*/m, `mission: ${JSON.stringify(mission)}\n`);
  if (replaced === charter) throw new Error('no top-level `mission:` in charter.yaml');
  return replaced;
}

async function main() {
  const { url, site } = parseArgs(process.argv.slice(2));
  const checks = new Checks('live-reload');
  const start = Date.now();
  const charterFile = join(site, 'governance', 'charter.yaml');
  const original = readFileSync(charterFile, 'utf8');
  const token = `${process.pid}-${Date.now().toString(36)}`;
  const edited = `Lumen keeps every trace, edited live ${token}.`;
  const fixed = `Lumen keeps every trace, fixed after a broken edit ${token}.`;

  const { browser, close } = await launch();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    // Documents the page has shown (counted when each navigation commits, before its content
    // appears), and event streams it has opened.
    let documents = 0;
    let streams = 0;
    page.on('framenavigated', (f) => f === page.mainFrame() && f.url().startsWith('http') && (documents += 1));
    page.on('response', (r) => r.url().includes('__govsite/events') && (streams += 1));
    const until = async (condition) => {
      const end = Date.now() + WAIT;
      while (!condition() && Date.now() < end) await page.waitForTimeout(20);
      return condition();
    };
    // Each document opens one event stream; wait for it before saving, so that the rebuild's
    // message cannot pass the page by while it is reconnecting.
    const connected = () => until(() => streams >= documents);
    page.on('console', (m) => m.type() === 'error' && console.log(`console error: ${m.text()}`));
    page.on('pageerror', (e) => console.log(`page error: ${e.message}`));

    // The event stream answers at once with its head; an edit saved before it is open would
    // rebuild without telling this page.
    const stream = page.waitForResponse((r) => r.url().includes('__govsite/events'), { timeout: WAIT });
    const response = await page.goto(url, { waitUntil: 'load' });
    checks.ok(response?.ok(), `the home page loads from ${url}`, `status ${response?.status()}`);
    const events = await stream.catch(() => null);
    if (!checks.ok(events?.status() === 200, 'the page opens the live-reload event stream (__govsite/events)')) {
      return checks.finish();
    }
    const firstMission = original.match(/^mission:\s*>?-?\s*\n?\s*(\S[^\n]{10,40})/m)?.[1]?.trim();
    if (firstMission) {
      const shown = await page.getByText(firstMission, { exact: false }).first().isVisible();
      checks.ok(shown, `the home page shows the charter's mission ("${firstMission}…")`);
    }
    const documentsBefore = documents;

    // 1. An edit shows up in the open page.
    let t = Date.now();
    save(charterFile, withMission(original, edited));
    const appeared = await page
      .getByText(edited)
      .first()
      .waitFor({ state: 'visible', timeout: WAIT })
      .then(() => true, () => false);
    checks.ok(appeared, `an edit of the mission appears in the open page without reloading it by hand (${Date.now() - t} ms)`);
    checks.ok(documents > documentsBefore, 'the page was reloaded by the live-reload script');

    // 2. A broken edit shows the overlay over the last good build.
    checks.ok(await connected(), 'the reloaded page reopens its event stream');
    t = Date.now();
    save(charterFile, `${withMission(original, edited)}\nvalues: [unclosed, "list\n  - : :\n`);
    const overlay = page.locator('#govsite-overlay');
    const shownOverlay = await overlay.waitFor({ state: 'visible', timeout: WAIT }).then(() => true, () => false);
    checks.ok(shownOverlay, `a broken edit shows #govsite-overlay in the open page (${Date.now() - t} ms)`);
    if (shownOverlay) {
      const text = await overlay.innerText();
      checks.ok(text.includes('yaml/syntax'), 'the overlay names the rule yaml/syntax', text.slice(0, 600));
      checks.ok(text.includes('charter.yaml'), 'the overlay names the file, governance/charter.yaml', text.slice(0, 600));
      const role = await overlay.getAttribute('role');
      checks.ok(role === 'alertdialog' || role === 'alert' || role === 'dialog', 'the overlay has a dialog or alert role', `role=${role}`);
      checks.ok((await page.getByText(edited).count()) > 0, 'the last good content stays under the overlay');
    }

    // 3. Fixing the file removes the overlay and shows the fixed content.
    checks.ok(await connected(), 'the page still has its event stream open');
    t = Date.now();
    save(charterFile, withMission(original, fixed));
    const fixedShown = await page
      .getByText(fixed)
      .first()
      .waitFor({ state: 'visible', timeout: WAIT })
      .then(() => true, () => false);
    checks.ok(fixedShown, `after the fix the open page shows the fixed mission (${Date.now() - t} ms)`);
    const gone = await overlay.waitFor({ state: 'detached', timeout: WAIT }).then(() => true, () => false);
    checks.ok(gone, 'after the fix the overlay is gone');
    const reloaded = await until(() => documents >= documentsBefore + 2);
    checks.ok(reloaded, `the page reloaded itself on each good build (${documents - 1} reloads in all)`);
    await context.close();
  } finally {
    await close();
    writeFileSync(charterFile, original);
  }
  console.log(`total ${since(start)}`);
  return checks.finish();
}

run(main);
