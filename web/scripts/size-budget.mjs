// The first page's weight: the entry script, its stylesheet and every chunk index.html preloads (or the
// entry imports statically) — all the browser fetches before any lazy route chunk — gzipped at level 9.
// Fails above 220 KB of JavaScript or 40 KB of CSS. Run after a build: node web/scripts/size-budget.mjs
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const JS_BUDGET_KB = 220;
const CSS_BUDGET_KB = 40;

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const indexFile = join(dist, 'index.html');
if (!existsSync(indexFile)) {
  console.error('size-budget: web/dist/index.html is missing; build the web app first (scripts/build-web.sh)');
  process.exit(1);
}
const html = readFileSync(indexFile, 'utf8');

const attr = (tag, name) => new RegExp(`\\b${name}\\s*=\\s*["']([^"']+)["']`).exec(tag)?.[1];
const local = (ref) => ref && !/^[a-z]+:|^\/\//i.test(ref);
const js = new Set();
const css = new Set();
for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
  const src = attr(tag, 'src');
  if (local(src) && attr(tag, 'type') === 'module') js.add(posix.normalize('/' + src.replace(/^\//, '')));
}
for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
  const rel = attr(tag, 'rel');
  const href = attr(tag, 'href');
  if (!local(href)) continue;
  const path = posix.normalize('/' + href.replace(/^\//, ''));
  if (rel === 'modulepreload') js.add(path);
  if (rel === 'stylesheet') css.add(path);
}
if (js.size === 0) {
  console.error('size-budget: no entry script found in web/dist/index.html');
  process.exit(1);
}

// Static imports of the first page's chunks load with it (Vite normally lists them as modulepreload too);
// dynamic import("…") is a lazy chunk and does not count.
const queue = [...js];
while (queue.length) {
  const file = queue.pop();
  const code = readFileSync(join(dist, file), 'utf8');
  for (const m of code.matchAll(/(?:\bfrom\s*|\bimport\s*)["'](\.{1,2}\/[^"']+\.js)["']/g)) {
    const dep = posix.normalize(posix.join(posix.dirname(file), m[1]));
    if (!js.has(dep)) {
      js.add(dep);
      queue.push(dep);
    }
  }
}

const gz = (files) => [...files].reduce((n, f) => n + gzipSync(readFileSync(join(dist, f)), { level: 9 }).length, 0);
const jsBytes = gz(js);
const cssBytes = gz(css);
const kb = (n) => (n / 1024).toFixed(1);

console.log(`first page: JS ${kb(jsBytes)} KB gzip (budget ${JS_BUDGET_KB}), CSS ${kb(cssBytes)} KB gzip (budget ${CSS_BUDGET_KB})`);
for (const f of [...js, ...css]) console.log(`  ${f}`);

let failed = false;
if (jsBytes > JS_BUDGET_KB * 1024) {
  console.error(`size-budget: the first page's JavaScript is ${kb(jsBytes)} KB gzip, over the ${JS_BUDGET_KB} KB budget`);
  failed = true;
}
if (cssBytes > CSS_BUDGET_KB * 1024) {
  console.error(`size-budget: the first page's CSS is ${kb(cssBytes)} KB gzip, over the ${CSS_BUDGET_KB} KB budget`);
  failed = true;
}
process.exit(failed ? 1 : 0);
