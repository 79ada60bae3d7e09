// The default theme's quality bars, checked in headless Chromium on a real `govsite build`.
//
//   node tests/browser/theme.mjs --root DIR [--base /lumen/] [--screenshots DIR]
//
// DIR is a built portal (e.g. of example-site). A tiny static server serves it under the base
// path, with 404.html (status 404) for unknown paths, as GitHub Pages does. For every page:
//   - zero serious or critical axe-core violations, light and dark;
//   - no horizontal scrolling at 360 px and 1280 px;
//   - nothing requested from another origin, and no local request failing;
//   - with JavaScript disabled, the main content and the navigation are shown;
//   - printed (media print), the main content is shown and the navigation hidden;
// and: the 404 page is styled wherever it is served; the Nu HTML checker finds no error in any
// .html file; screenshots of the home and ladder pages (desktop 1280×800 and mobile 390×844,
// light and dark) are written to the screenshots folder. Exit 0 when all pass, 1 otherwise.

import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { Checks, checkHtml, describeViolations, launch, run, runAxe, serve, since, walk } from './lib.mjs';

// The built-in page kinds the example portal must have, by path under the base path.
const KINDS = {
  '': 'home',
  'charter/': 'charter',
  'people/': 'people',
  'roles/': 'roles',
  'ladder/': 'ladder',
  'code-of-conduct/': 'code-of-conduct',
  'security/': 'security',
  'groups/': 'groups',
  'decisions/': 'decisions',
};
const WIDTHS = [360, 1280];

const SHOTS = ['', 'ladder/', 'zh-cn/']; // home and ladder, and the Chinese home page
const SHOT_NAMES = { '': 'home', 'ladder/': 'ladder', 'zh-cn/': 'home-zh' };
const SHOT_VIEWPORTS = { desktop: { width: 1280, height: 800 }, mobile: { width: 390, height: 844 } };

function parseArgs(argv) {
  const args = { base: '/lumen/', screenshots: null, root: null };
  for (let i = 0; i < argv.length; i += 1) {
    const [key, value] = [argv[i], argv[i + 1]];
    if (key === '--root') args.root = value;
    else if (key === '--base') args.base = value;
    else if (key === '--screenshots') args.screenshots = value;
    else {
      console.error(`unknown argument: ${key}`);
      process.exit(2);
    }
    i += 1;
  }
  if (!args.root) {
    console.error('usage: node theme.mjs --root DIR [--base /lumen/] [--screenshots DIR]');
    process.exit(2);
  }
  if (!args.base.startsWith('/')) args.base = `/${args.base}`;
  if (!args.base.endsWith('/')) args.base += '/';
  args.root = resolve(args.root);
  return args;
}

// ---- the pages ---------------------------------------------------------------------------

/** Every page of the build: { name, path (under the base), file, status, code }. */
function pagesOf(root) {
  const pages = [];
  for (const file of walk(root).filter((f) => f.endsWith('.html')).sort()) {
    const rel = relative(root, file).split(sep).join('/');
    if (rel === '404.html') continue;
    const path = rel === 'index.html' ? '' : rel.replace(/index\.html$/, '');
    const html = readFileSync(file, 'utf8');
    const kind = KINDS[path] ?? 'page';
    pages.push({ name: kind === 'page' ? `page ${path}` : kind, kind, path, file, status: 200, code: /<pre[\s>]/.test(html) });
  }
  // The 404 page where a visitor meets it: a missing page, and a missing page deep down.
  pages.push({ name: '404', kind: '404', path: 'no-such-page/', file: join(root, '404.html'), status: 404, code: false });
  pages.push({ name: '404 (deep)', kind: '404', path: 'a/b/c/missing.html', file: join(root, '404.html'), status: 404, code: false });
  return pages;
}

// Runs in the page: elements sticking out to the right, for the report of an overflow.
function overflowReport() {
  const el = document.scrollingElement;
  const width = el.clientWidth;
  const culprits = [];
  const selector = (e) => {
    let s = e.tagName.toLowerCase();
    if (e.id) s += `#${e.id}`;
    else if (e.classList.length) s += `.${[...e.classList].join('.')}`;
    return s;
  };
  const path = (e) => {
    const parts = [];
    for (let n = e; n && n !== document.body && parts.length < 4; n = n.parentElement) parts.unshift(selector(n));
    return parts.join(' > ');
  };
  // Inside a box that scrolls or clips (pre, .table-wrap), wide content is no offender.
  const clipped = (e) => {
    for (let n = e.parentElement; n && n !== document.body; n = n.parentElement) {
      if (getComputedStyle(n).overflowX !== 'visible') return true;
    }
    return false;
  };
  for (const e of document.body.querySelectorAll('*')) {
    const r = e.getBoundingClientRect();
    if (r.right > width + 0.5 && r.width > 0 && !clipped(e)) {
      // Only the outermost offenders: skip an element whose parent already sticks out.
      const parent = e.parentElement?.getBoundingClientRect();
      if (parent && parent.right > width + 0.5 && e.parentElement !== document.body) continue;
      culprits.push(`${path(e)} (right edge ${Math.round(r.right)} px)`);
    }
  }
  return { scrollWidth: el.scrollWidth, clientWidth: width, culprits: culprits.slice(0, 8) };
}

// ---- main --------------------------------------------------------------------------------

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const checks = new Checks('theme');
  const start = Date.now();
  if (!existsSync(join(args.root, 'index.html'))) {
    checks.fail(`no index.html in ${args.root}: is it a govsite build?`);
    return checks.finish();
  }

  const htmlFiles = walk(args.root).filter((f) => f.endsWith('.html')).sort();
  const vnu = checkHtml(args.root, htmlFiles); // runs beside the browser checks

  const pages = pagesOf(args.root);
  for (const kind of [...Object.values(KINDS), '404']) {
    checks.ok(pages.some((p) => p.kind === kind), `the build has a ${kind} page`);
  }
  checks.ok(pages.some((p) => p.kind === 'page' && p.code), 'the build has a Markdown page with highlighted code');

  const server = await serve(args.root, args.base);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const url = (path) => `${origin}${args.base}${path}`;
  console.log(`serving ${args.root} at ${url('')}; ${pages.length} pages, ${htmlFiles.length} .html files`);

  const { browser, close } = await launch();
  try {
    // Every request of every context: only our origin, and none failing.
    const foreign = new Set();
    const broken = new Set();
    const watch = async (context, label) => {
      await context.route('**/*', (route) => {
        const u = route.request().url();
        if (u.startsWith(`${origin}/`) || u.startsWith('data:') || u.startsWith('blob:')) return route.continue();
        foreign.add(`${u} (from ${route.request().frame().url()}, ${label})`);
        return route.abort('blockedbyclient');
      });
      context.on('response', (r) => {
        const req = r.request();
        const expected404 = req.isNavigationRequest() && r.status() === 404;
        if (r.status() >= 400 && !expected404) broken.add(`${r.status()} ${r.url()} (from ${req.frame().url()}, ${label})`);
      });
      context.on('requestfailed', (req) => {
        // ERR_ABORTED: a late load (the favicon) cut short by the next navigation.
        const aborted = req.failure()?.errorText === 'net::ERR_ABORTED';
        if (req.url().startsWith(`${origin}/`) && !aborted) broken.add(`${req.failure()?.errorText} ${req.url()} (${label})`);
      });
    };

    // Light and dark, widths, print: one page at a time in one context.
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
    await watch(context, 'JavaScript on');
    const page = await context.newPage();
    const consoleErrors = [];
    // Failed loads are reported by `broken` (with the expected 404 documents left out).
    page.on('console', (m) => {
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) consoleErrors.push(`${page.url()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => consoleErrors.push(`${page.url()}: ${e.message}`));

    // Search: results as you type, for English words (by prefix) and for Chinese text (by
    // character pairs, no spaces between words).
    {
      const s = await context.newPage();
      // Each language searches its own index: the Chinese query is typed on a Chinese page.
      for (const [from, query, expected, what] of [
        ['', 'okafor', 'people/', 'a maintainer surname finds the people page'],
        ['', 'enforcem', 'code-of-conduct/', 'a word typed in part finds the code of conduct'],
        ['zh-cn/', '懒惰共识', 'zh-cn/charter/', 'Chinese text finds the Chinese charter'],
      ]) {
        if (s.url() !== url(from)) await s.goto(url(from), { waitUntil: 'load' });
        await s.fill('#site-search-input', query);
        const want = `${args.base}${expected}`;
        const found = await s
          .waitForFunction((w) => [...document.querySelectorAll('#site-search-results a')].some((a) => a.getAttribute('href') === w), want, { timeout: 5000 })
          .then(() => true, () => false);
        const hrefs = await s.$$eval('#site-search-results a', (as) => as.map((a) => a.getAttribute('href')));
        checks.ok(found, `search: ${what} (${query})`, `results: ${hrefs.join(', ') || 'none'}`);
      }
      // The search page honours ?q=: a query in the address shows its results.
      await s.goto(url('search/?q=okafor'), { waitUntil: 'load' });
      const fromAddress = await s
        .waitForFunction((w) => [...document.querySelectorAll('#site-search-results a')].some((a) => a.getAttribute('href') === w), `${args.base}people/`, { timeout: 5000 })
        .then(() => true, () => false);
      const typed = await s.inputValue('#site-search-input');
      checks.ok(fromAddress && typed === 'okafor', 'search: /search/?q=okafor shows the results for the query', `input: ${typed}`);
      await s.close();
    }

    // The language switcher leads to the same page in the other language, and back.
    {
      const s = await context.newPage();
      await s.goto(url('charter/'), { waitUntil: 'load' });
      await Promise.all([s.waitForURL(url('zh-cn/charter/'), { timeout: 5000 }).catch(() => {}), s.click('.language-switcher a[hreflang="zh-CN"]')]);
      const zh = {
        url: s.url(),
        lang: await s.getAttribute('html', 'lang'),
        current: await s.getAttribute('.language-switcher a[aria-current="true"]', 'hreflang'),
      };
      checks.ok(zh.url === url('zh-cn/charter/') && zh.lang === 'zh-CN' && zh.current === 'zh-CN', 'switcher: the English charter leads to the Chinese charter', JSON.stringify(zh));
      await Promise.all([s.waitForURL(url('charter/'), { timeout: 5000 }).catch(() => {}), s.click('.language-switcher a[hreflang="en"]')]);
      checks.ok(s.url() === url('charter/') && (await s.getAttribute('html', 'lang')) === 'en', 'switcher: the Chinese charter leads back to the English one', s.url());
      await s.close();
    }

    for (const p of pages) {
      const t = Date.now();
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.emulateMedia({ media: 'screen', colorScheme: 'light' });
      const response = await page.goto(url(p.path), { waitUntil: 'load' });
      checks.ok(response?.status() === p.status, `${p.name}: ${url(p.path)} answers ${p.status}`, `got ${response?.status()}`);

      // axe: light and dark on a desktop, and light on a phone (scrolling boxes appear there).
      for (const [scheme, width] of [['light', 1280], ['dark', 1280], ['light', 360]]) {
        await page.setViewportSize({ width, height: 800 });
        await page.emulateMedia({ media: 'screen', colorScheme: scheme });
        const violations = await runAxe(page);
        const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        checks.ok(bad.length === 0, `${p.name} (${scheme}, ${width} px): no serious or critical axe violations`, describeViolations(bad));
        const minor = violations.filter((v) => !bad.includes(v));
        if (minor.length) console.log(`note ${p.name} (${scheme}, ${width} px): minor axe findings:\n${describeViolations(minor)}`);
      }
      await page.emulateMedia({ media: 'screen', colorScheme: 'light' });

      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 800 });
        const o = await page.evaluate(overflowReport);
        checks.ok(
          o.scrollWidth <= o.clientWidth,
          `${p.name}: no horizontal scrolling at ${width} px`,
          `scrollWidth ${o.scrollWidth} > clientWidth ${o.clientWidth}; sticking out: ${o.culprits.join('; ') || '(none found)'}`,
        );
      }
      await page.setViewportSize({ width: 1280, height: 800 });

      await page.emulateMedia({ media: 'print', colorScheme: 'light' });
      const print = await page.evaluate(() => {
        const shown = (e) => !!e && e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
        const main = document.querySelector('main');
        return {
          main: shown(main) && main.innerText.trim().length > 0,
          // The site's navigation (a table of contents inside main may well be printed).
          nav: [...document.querySelectorAll('nav')].filter((n) => !n.closest('main')).some(shown),
          skip: shown(document.querySelector('.skip-link')) && document.querySelector('.skip-link').getBoundingClientRect().bottom > 0,
        };
      });
      checks.ok(print.main, `${p.name} (print): the main content is shown`);
      checks.ok(!print.nav, `${p.name} (print): the navigation is hidden`);
      checks.ok(!print.skip, `${p.name} (print): the skip link is hidden`);
      await page.emulateMedia({ media: 'screen', colorScheme: 'light' });

      if (p.kind === '404') {
        // Styled: the theme's stylesheet applied (its custom properties and font), wherever served.
        const style = await page.evaluate(() => ({
          bg: getComputedStyle(document.documentElement).getPropertyValue('--bg').trim(),
          font: getComputedStyle(document.body).fontFamily,
          sheets: [...document.styleSheets].map((s) => { try { return s.cssRules.length; } catch { return -1; } }),
        }));
        checks.ok(
          style.bg !== '' && !/^"?Times/.test(style.font) && style.sheets.some((n) => n > 0),
          `${p.name}: the page is styled (the theme's stylesheet loads under ${args.base})`,
          `--bg ${JSON.stringify(style.bg)}, body font ${style.font}, stylesheet rules ${JSON.stringify(style.sheets)}`,
        );
      }
      console.log(`checked ${p.name} (${Date.now() - t} ms)`);
    }
    checks.ok(consoleErrors.length === 0, 'no console errors', consoleErrors.join('\n'));
    await context.close();

    // JavaScript off: the content and the navigation are there, on a phone and a desktop.
    const noJs = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
    await watch(noJs, 'JavaScript off');
    const plain = await noJs.newPage();
    for (const p of pages) {
      await plain.goto(url(p.path), { waitUntil: 'load' });
      for (const width of [360, 1280]) {
        await plain.setViewportSize({ width, height: 800 });
        const state = await plain.evaluate(() => {
          const shown = (e) => !!e && e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
          const main = document.querySelector('main');
          const links = [...document.querySelectorAll('nav a[href]')];
          return {
            main: shown(main) ? main.innerText.trim().length : 0,
            h1: shown(document.querySelector('main h1')),
            links: links.length,
            shownLinks: links.filter(shown).length,
          };
        });
        checks.ok(
          state.main > 40 && state.h1,
          `${p.name} (no JavaScript, ${width} px): the main content and its heading are shown`,
          `main text ${state.main} characters, h1 shown: ${state.h1}`,
        );
        checks.ok(
          state.links > 0 && state.shownLinks === state.links,
          `${p.name} (no JavaScript, ${width} px): every navigation link is shown`,
          `${state.shownLinks} of ${state.links} navigation links shown`,
        );
      }
    }
    await noJs.close();
    console.log(`browser checks done (${since(start)})`);

    // Screenshots for the docs, from this same build.
    if (args.screenshots) {
      mkdirSync(args.screenshots, { recursive: true });
      for (const [device, viewport] of Object.entries(SHOT_VIEWPORTS)) {
        const shots = await browser.newContext({ viewport, deviceScaleFactor: 1, reducedMotion: 'reduce' });
        await watch(shots, 'screenshots');
        const shot = await shots.newPage();
        for (const path of SHOTS) {
          for (const scheme of ['light', 'dark']) {
            await shot.emulateMedia({ colorScheme: scheme });
            await shot.goto(url(path), { waitUntil: 'load' });
            const file = join(args.screenshots, `${SHOT_NAMES[path]}-${device}-${scheme}.png`);
            await shot.screenshot({ path: file });
            console.log(`screenshot ${relative(process.cwd(), file)}`);
          }
        }
        await shots.close();
      }
    }

    checks.ok(foreign.size === 0, 'nothing is requested from another host', [...foreign].join('\n'));
    checks.ok(broken.size === 0, 'every local request succeeds', [...broken].join('\n'));
  } finally {
    await close();
    server.close();
  }

  const html = await vnu;
  if (html.failure) checks.fail('the Nu HTML checker ran', html.failure);
  else {
    checks.ok(html.errors.length === 0, `valid HTML5: the Nu HTML checker finds no error in ${html.files} .html files`, html.errors.join('\n'));
  }
  console.log(`total ${since(start)}`);
  return checks.finish();
}

run(main);
