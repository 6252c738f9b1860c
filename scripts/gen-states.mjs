#!/usr/bin/env node
// Generates dictionaries/states.json from the world-countries and i18n-iso-countries packages
// (devDependencies) merged with the hand-written dictionaries/_generator/state-extras.json.
//
//   node scripts/gen-states.mjs           write dictionaries/states.json
//   node scripts/gen-states.mjs --check   exit 1 if the committed file differs from what would be generated
//
// All hand knowledge (names as Russian news writes them, official names, aliases, abbreviations,
// adjectives, demonyms, statuses of non-members, capitals that differ from the library) lives in
// the extras file, not here. This script only merges, cleans, checks and writes.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const EXTRAS = join(root, 'dictionaries', '_generator', 'state-extras.json');
const OUT = join(root, 'dictionaries', 'states.json');
const UN_MEMBERS = 193;

const worldCountries = require('world-countries');
const isoCountries = require('i18n-iso-countries');
isoCountries.registerLocale(require('i18n-iso-countries/langs/ru.json'));
isoCountries.registerLocale(require('i18n-iso-countries/langs/en.json'));
const extrasFile = JSON.parse(readFileSync(EXTRAS, 'utf8'));
const extras = extrasFile.states;

const errors = [];
const fail = (msg) => errors.push(msg);

/** Library strings: trim, collapse spaces, remove the stray space in «Буркина -Фасо». */
const clean = (s) => s.replace(/\s+/g, ' ').replace(/ -/g, '-').trim();
/** Comparison key: case- and ё-insensitive. Apostrophe variants stay distinct (both spellings are kept). */
const fold = (s) => s.toLowerCase().replace(/ё/g, 'е');

/** Keeps the first of each folded form, drops empty ones and those in `exclude`. */
function uniq(list, exclude = []) {
  const seen = new Set(exclude.map(fold));
  const out = [];
  for (const raw of list) {
    if (typeof raw !== 'string') continue;
    const s = raw.trim();
    if (!s || seen.has(fold(s))) continue;
    seen.add(fold(s));
    out.push(s);
  }
  return out;
}

/** "Washington D.C." -> "washington-d-c"; overrides for the few awkward ones are in the extras. */
function slug(s) {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/['’ʼ.]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

const ABBR = /^[А-ЯЁ]{2,}$/;
/** Splits a Russian library name into aliases and abbreviations: «КНДР (Корейская …)», «ЦАР», «Виргинские Острова (США)». */
function russianLibraryNames(names) {
  const aliases = [];
  const abbreviations = [];
  for (const raw of names) {
    if (!raw) continue;
    const s = clean(raw);
    const m = /^([А-ЯЁ]{2,}) \((.+)\)$/.exec(s);
    if (m) { abbreviations.push(m[1]); aliases.push(m[2]); continue; }
    if (ABBR.test(s)) { abbreviations.push(s); continue; }
    if (/[(),]/.test(s)) continue; // qualified names such as «Виргинские Острова (США)»
    aliases.push(s);
  }
  return { aliases, abbreviations };
}

const KNOWN_FIELDS = new Set(['name', 'official', 'aliases', 'abbreviations', 'adjectives', 'demonyms', 'english', 'englishAdjectives',
  'capital', 'status', 'ambiguous', 'note', 'dropAliases', 'dropEnglish']);
const STATUSES = new Set(['un-member', 'un-observer', 'partially-recognized', 'historical']);

function build() {
  const byCode = new Map(worldCountries.map((c) => [c.cca2, c]));
  for (const [code, x] of Object.entries(extras)) {
    for (const k of Object.keys(x)) if (!KNOWN_FIELDS.has(k)) fail(`extras ${code}: unknown field "${k}"`);
    if (x.status !== undefined && !STATUSES.has(x.status)) fail(`extras ${code}: bad status "${x.status}"`);
    if (!byCode.has(code) && !(x.name && x.status)) fail(`extras ${code}: not in world-countries, so it needs its own name and status`);
  }
  const codes = [...new Set([...byCode.keys(), ...Object.keys(extras)])].sort();
  const entries = [];
  for (const code of codes) {
    const lib = byCode.get(code);
    const x = extras[code] ?? {};
    const status = x.status ?? (lib?.unMember ? 'un-member' : undefined);
    if (!status) continue; // territories, dependencies: not states
    if (!extras[code]) fail(`${code}: included from the library but has no extras entry (add at least its official name)`);

    const rus = lib?.translations?.rus ?? {};
    const name = x.name ?? (rus.common ? clean(rus.common) : undefined);
    if (!name) { fail(`${code}: no Russian name`); continue; }
    const official = 'official' in x ? x.official : (rus.official ? clean(rus.official) : undefined);

    const ruLib = russianLibraryNames([rus.common, ...(lib ? [].concat(isoCountries.getNames('ru', { select: 'all' })[code] ?? []) : [])]);
    const aliases = uniq([official, ...(x.aliases ?? []), ...ruLib.aliases], [name, ...(x.dropAliases ?? [])]);
    const abbreviations = uniq([...(x.abbreviations ?? []), ...ruLib.abbreviations]);

    const enLib = lib ? [lib.name.common, lib.name.official, ...[].concat(isoCountries.getNames('en', { select: 'all' })[code] ?? [])] : [];
    const english = uniq([...enLib.filter((s) => s && !/[(),]/.test(s)), ...(x.english ?? [])], x.dropEnglish ?? []);

    // English demonyms double as adjectives («Kazakhstani officials»); extras add the common short forms («Kazakh»)
    const englishAdjectives = uniq([...(x.englishAdjectives ?? []), ...(lib?.demonyms?.eng ? [lib.demonyms.eng.m, lib.demonyms.eng.f] : [])].filter(Boolean));

    let capital;
    if ('capital' in x) capital = x.capital ?? undefined;
    else if (lib?.capital?.[0]) capital = `loc:${slug(lib.capital[0])}`;

    const e = { id: `state:${code}`, type: 'state', iso2: code, name };
    if (official) e.official = official;
    if (aliases.length) e.aliases = aliases;
    if (abbreviations.length) e.abbreviations = abbreviations;
    if (x.adjectives?.length) e.adjectives = uniq(x.adjectives);
    if (x.demonyms?.length) e.demonyms = uniq(x.demonyms);
    if (english.length) e.english = english;
    if (englishAdjectives.length) e.englishAdjectives = englishAdjectives;
    if (capital) e.capital = capital;
    e.status = status;
    e.country = code;
    if (x.ambiguous) e.ambiguous = true;
    if (x.note) e.note = x.note;
    entries.push(e);
  }

  // Sanity checks: the UN count, and no surface form claimed by two states.
  const members = entries.filter((e) => e.status === 'un-member').length;
  if (members !== UN_MEMBERS) fail(`${members} UN members, expected ${UN_MEMBERS}`);
  const owner = new Map();
  for (const e of entries) {
    const forms = [e.name, ...(e.aliases ?? []), ...(e.abbreviations ?? []), ...(e.adjectives ?? []), ...(e.demonyms ?? []), ...(e.english ?? [])];
    for (const f of new Set(forms.map(fold))) {
      const prev = owner.get(f);
      if (prev && prev !== e.id) fail(`"${f}" belongs to both ${prev} and ${e.id}: drop it from one (dropAliases/dropEnglish) or both`);
      else owner.set(f, e.id);
    }
    for (const a of e.abbreviations ?? []) if (/\s{2}/.test(a)) fail(`${e.id}: bad abbreviation "${a}"`);
    for (const w of [...(e.adjectives ?? []), ...(e.demonyms ?? [])]) if (w !== w.toLowerCase()) fail(`${e.id}: adjective/demonym "${w}" must be lowercase`);
  }
  // an English demonym two states share («Congolese», «Dominican») names neither
  const adjectiveOwners = new Map();
  for (const e of entries) for (const a of e.englishAdjectives ?? []) adjectiveOwners.set(a, (adjectiveOwners.get(a) ?? 0) + 1);
  for (const e of entries) {
    if (!e.englishAdjectives) continue;
    e.englishAdjectives = e.englishAdjectives.filter((a) => adjectiveOwners.get(a) === 1);
    if (!e.englishAdjectives.length) delete e.englishAdjectives;
  }
  entries.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  const pkg = (n) => require(`${n}/package.json`).version;
  return {
    description: 'Sovereign states: the 193 UN member states, the two UN observer states (Palestine, the Holy See / Vatican) and partially recognized states that have an ISO-like alpha-2 code (Kosovo XK, Taiwan TW, Western Sahara / SADR EH). GENERATED by scripts/gen-states.mjs from dictionaries/_generator/state-extras.json: edit that file and re-run the script, do not edit this one by hand.',
    source: `world-countries ${pkg('world-countries')} (codes, UN membership, English names, capitals) and i18n-iso-countries ${pkg('i18n-iso-countries')} (Russian and English name variants), corrected and completed by hand: ${extrasFile.source}`,
    entries,
  };
}

const data = build();
if (errors.length) {
  for (const m of errors) console.error(`gen-states: ${m}`);
  process.exit(1);
}
const json = `${JSON.stringify(data, null, 2)}\n`;
const rel = relative(process.cwd(), OUT) || OUT;
if (process.argv.includes('--check')) {
  let current = null;
  try { current = readFileSync(OUT, 'utf8'); } catch { /* missing */ }
  if (current !== json) {
    console.error(`gen-states: ${rel} is ${current === null ? 'missing' : 'out of date'}; run: node scripts/gen-states.mjs`);
    process.exit(1);
  }
  console.log(`gen-states: ${rel} is up to date (${data.entries.length} states)`);
} else {
  writeFileSync(OUT, json);
  const by = {};
  for (const e of data.entries) by[e.status] = (by[e.status] ?? 0) + 1;
  console.log(`gen-states: wrote ${rel}: ${data.entries.length} states ${JSON.stringify(by)}`);
}
