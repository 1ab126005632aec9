// Every message exists in Arabic and English, parses as ICU MessageFormat, and takes the same arguments in
// both languages; Arabic plurals name the forms Arabic needs. Run: node tests/i18n/check-messages.mjs
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'web');
const { parse, TYPE } = await import(join(root, 'node_modules/@formatjs/icu-messageformat-parser/index.js'));
const i18n = join(root, 'src/i18n');
const problems = [];

function args(ast, out = new Map()) {
  for (const el of ast) {
    if (el.type === TYPE.argument || el.type === TYPE.number || el.type === TYPE.date || el.type === TYPE.time)
      out.set(el.value, el.type);
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      out.set(el.value, el.type);
      for (const opt of Object.values(el.options)) args(opt.value, out);
    }
  }
  return out;
}

function literals(ast, out = []) {
  for (const el of ast) {
    if (el.type === TYPE.literal) out.push(el.value);
    if (el.type === TYPE.plural || el.type === TYPE.select) for (const opt of Object.values(el.options)) literals(opt.value, out);
    if (el.type === TYPE.tag) literals(el.children, out);
  }
  return out.join(' ');
}

function pluralForms(ast, out = []) {
  for (const el of ast) {
    if (el.type === TYPE.plural) {
      out.push(Object.keys(el.options));
      for (const opt of Object.values(el.options)) pluralForms(opt.value, out);
    }
    if (el.type === TYPE.select) for (const opt of Object.values(el.options)) pluralForms(opt.value, out);
  }
  return out;
}

const areas = new Set([...readdirSync(join(i18n, 'ar')), ...readdirSync(join(i18n, 'en'))].filter((f) => f.endsWith('.json')));
let count = 0;
for (const file of [...areas].sort()) {
  const load = (lang) => {
    try {
      return JSON.parse(readFileSync(join(i18n, lang, file), 'utf8'));
    } catch (e) {
      problems.push(`${lang}/${file}: ${e.code === 'ENOENT' ? 'missing' : e.message}`);
      return {};
    }
  };
  const ar = load('ar');
  const en = load('en');
  for (const key of new Set([...Object.keys(ar), ...Object.keys(en)])) {
    const where = `${file.replace('.json', '')}.${key}`;
    if (!(key in ar)) problems.push(`${where}: no Arabic message`);
    if (!(key in en)) problems.push(`${where}: no English message`);
    if (!(key in ar) || !(key in en)) continue;
    let astAr, astEn;
    try {
      astAr = parse(ar[key]);
      astEn = parse(en[key]);
    } catch (e) {
      problems.push(`${where}: not valid ICU MessageFormat (${e.message})`);
      continue;
    }
    count++;
    const a = [...args(astAr).keys()].sort().join(',');
    const b = [...args(astEn).keys()].sort().join(',');
    if (a !== b) problems.push(`${where}: arguments differ (ar: ${a || 'none'}; en: ${b || 'none'})`);
    for (const forms of pluralForms(astAr)) {
      const exact = forms.filter((f) => f.startsWith('='));
      const named = forms.filter((f) => !f.startsWith('='));
      // Arabic needs one, two, few, many and other (zero may be written as =0).
      const needed = ['one', 'two', 'few', 'many', 'other'].filter((f) => !named.includes(f));
      const coveredByExact = needed.filter((f) => (f === 'one' && exact.includes('=1')) || (f === 'two' && exact.includes('=2')));
      const missing = needed.filter((f) => !coveredByExact.includes(f));
      if (missing.length) problems.push(`${where}: Arabic plural lacks ${missing.join(', ')}`);
    }
    // Product names and formats stay in Latin letters; other Latin words in Arabic text are untranslated.
    const latin = literals(astAr).replace(/\b(API|OpenAPI|PDF|CSV|Word|Excel|PowerPoint|English|JavaScript|JSON|ADKAR|SHA-256|Hijri)\b/g, '');
    if (/[A-Za-z]{3,}/.test(latin))
      problems.push(`${where}: Arabic message contains Latin words: ${ar[key]}`);
  }
}

if (problems.length) {
  console.error(problems.join('\n'));
  console.error(`\n${problems.length} problem(s) in the message catalogs`);
  process.exit(1);
}
console.log(`${count} messages in ${areas.size} areas: Arabic and English agree`);
