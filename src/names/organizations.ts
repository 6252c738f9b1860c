// Discovery of organizations and places no dictionary holds: quoted names after a type word,
// institution phrases around a head noun, capital-letter abbreviations, «Липецкая область».
import { itemAt, mapped, mention, type Doc, type Mention, type Token } from '../doc.js';
import type { Context } from '../context.js';
import { nominativePhrase } from '../morph/inflect.js';
import { LATIN_NAME, ROMAN_NUMERAL } from './patterns.js';
import { abbreviationBase } from '../segment/patterns.js';
import { foldCase } from '../segment/tokenize.js';
import { scratchBytes, scratchInts } from '../scratch.js';

const QUOTE_OPEN = new Set(['«', '„', '“', '"']);
const QUOTE_CLOSE = new Set(['»', '“', '”', '"']);

interface Found { first: number; last: number; type: 'organization' | 'location'; name: string; kind?: string; country?: string | null; reason: string }

/** Stage: organizations and places by pattern, outside the spans already claimed. */
export function discoverOrganizations(doc: Doc, ctx: Context): Doc {
  const { tokens, text } = doc;
  const k = ctx.knowledge;
  const heads = k.organizationHeads;
  const claimed = scratchBytes(tokens.length);
  const mentionAt = new Map<number, Mention>();
  for (const m of doc.mentions) { for (let i = m.first; i <= m.last; i++) claimed[i] = 1; mentionAt.set(m.first, m); }
  const titleWord = scratchBytes(tokens.length);
  for (const t of doc.titles) for (let i = t.first; i <= t.last; i++) titleWord[i] = 1;
  const found: Found[] = [];
  const absorbed = new Set<Mention>();
  const free = (i: number, s: number) => i >= 0 && i < tokens.length && !claimed[i] && tokens[i].sentence === s;
  const lemmaOf = (t: Token) => ctx.morph.parseToken(t)[0]?.lemma ?? t.norm;
  const isHead = (t: Token) => t.kind === 'word' && heads.has(lemmaOf(t));
  const FUNCTION = new Set(['PREP', 'CONJ', 'PRCL', 'NPRO', 'ADVB']);
  const isGent = (t: Token) => !FUNCTION.has(ctx.morph.parseToken(t)[0]?.pos ?? '') && ctx.morph.parseToken(t).some((p) => (p.pos === 'NOUN' || p.pos === 'ADJF' || p.pos === 'PRTF') && p.case === 'gent');
  // an adjective that can start a name: not a demonstrative or pronoun («Эта группа»)
  const isAdj = (t: Token) => { const p = ctx.morph.parseToken(t)[0]; return !!p && (p.pos === 'ADJF' || p.pos === 'PRTF') && !k.cues.demonstratives.has(t.norm) && !p.tags.includes('Apro'); };
  const claim = (f: Found) => { for (let i = f.first; i <= f.last; i++) claimed[i] = 1; found.push(f); };

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const s = t.sentence;
    if (claimed[i]) continue;
    // 1. type word + quoted name: «компания «Газпром»», «партии «Единая Россия»», «Группа «Телевизор»» opening a sentence
    if (t.kind === 'punct' && QUOTE_OPEN.has(t.text) && i > 0 && isHead(tokens[i - 1]) && (!tokens[i - 1].cap || i - 1 === doc.sentences[s].firstToken)) {
      let j = i + 1;
      while (j < tokens.length && tokens[j].sentence === s && !QUOTE_CLOSE.has(tokens[j].text) && j - i <= 8) j++;
      if (j < tokens.length && QUOTE_CLOSE.has(tokens[j].text) && j > i + 1 && tokens[i + 1].cap && !claimed.slice(i + 1, j).some(Boolean)) {
        claim({ first: i + 1, last: j - 1, type: 'organization', name: text.slice(tokens[i + 1].start, tokens[j - 1].end), kind: heads.get(lemmaOf(tokens[i - 1])), reason: 'names:quoted-org' });
        i = j;
        continue;
      }
    }
    // 1b. a website named as a source: «сообщает baltinfo.ru», «на сайте Roem.ru», «как пишет «Gzt.Ru»»
    if (t.kind === 'domain') {
      const before = tokens[QUOTE_OPEN.has(tokens[i - 1]?.text ?? '') ? i - 2 : i - 1];
      if (before && before.sentence === s && before.kind === 'word' && (k.cues.publisherVerbs.has(lemmaOf(before)) || k.cues.publisherVerbs.has(before.norm) || heads.get(lemmaOf(before)) === 'media')) {
        claim({ first: i, last: i, type: 'organization', name: t.text, kind: 'media', reason: 'names:website' });
      }
      continue;
    }
    if (t.kind !== 'word') continue;
    // 2. institution phrase: capitalized adjectives + head + genitive tail («Министерство иностранных дел», «Верховный суд»)
    if (t.cap && !titleWord[i]) {
      let h = i;
      while (h < tokens.length && h - i < 3 && free(h, s) && tokens[h].cap && isAdj(tokens[h]) && !isHead(tokens[h])) h++;
      if (free(h, s) && isHead(tokens[h]) && (tokens[h].cap || h > i) && !titleWord[h]) {
        let end = h;
        // genitive complements in lowercase: «иностранных дел», «этнологии и антропологии»; a court or a
        // legislature takes none («Конституционного суда | комплекса зданий»)
        const takesComplement = !['court', 'parliament'].includes(heads.get(lemmaOf(tokens[h])) ?? '');
        while (takesComplement && end - h < 5) {
          const next = tokens[end + 1];
          if (next && free(end + 1, s) && next.kind === 'word' && !next.cap && isGent(next)) { end++; continue; }
          if (next?.norm === 'и' && end > h && free(end + 2, s) && tokens[end + 2]?.kind === 'word' && !tokens[end + 2].cap && isGent(tokens[end + 2])) { end += 2; continue; }
          break;
        }
        if (end > h && isAdj(tokens[end]) && !isGent(tokens[end])) end--;
        // a city in the genitive belongs to the name («Движение общежитий Москвы»); a state does not («МИД Грузии»)
        const city = mentionAt.get(end + 1);
        if (takesComplement && city && city.type === 'location' && city.kind !== 'adjective' && end > h && isGent(tokens[city.first])) {
          absorbed.add(city);
          end = city.last;
        }
        // a bare head («Союз ТМА-12») is kept only if the text names that body in full elsewhere,
        // except a legislature or court named inside a sentence («в Сенате», «Дума приняла»)
        const headKind = heads.get(lemmaOf(tokens[h]));
        const weak = end === h && h === i && !((headKind === 'parliament' || headKind === 'court') && i > doc.sentences[s].firstToken);
        const next = mentionAt.get(end + 1);
        const country = next && next.type === 'state' ? k.byId.get(next.ref)?.country ?? null : null;
        const base = nominativePhrase(text, tokens, i, end, h, ctx.morph);
        const stateName = next && next.type === 'state' ? ` ${text.slice(tokens[next.first].start, tokens[next.last].end)}` : '';
        claim({ first: i, last: end, type: 'organization', name: base + stateName, kind: heads.get(lemmaOf(tokens[h])), country, reason: weak ? 'names:institution-weak' : 'names:institution' });
        i = end;
        continue;
      }
    }
    // 3. capital-letter abbreviations: «ФТС», «КПРФ» (not roman numerals, not shouting)
    const abbreviation = t.upper ? t.text : abbreviationBase(t.text);
    if (abbreviation && abbreviation.length <= 8 && !/\d/.test(abbreviation) && !ROMAN_NUMERAL.test(abbreviation) && !k.cues.notOrganizations.has(foldCase(abbreviation)) && !shouting(tokens, s, doc)) {
      claim({ first: i, last: i, type: 'organization', name: abbreviation, reason: 'names:abbreviation' });
      continue;
    }
    // 4. Latin-script names in Russian text are mostly companies and media: «Associated Press» (a lone letter is a label: «турниры A, B, C»)
    if (t.cap && LATIN_NAME.test(t.text) && t.text.length > 1 && !ROMAN_NUMERAL.test(t.text)) {
      let j = i;
      while (free(j + 1, s) && LATIN_NAME.test(tokens[j + 1].text) && (tokens[j + 1].cap || /^(of|and|the|de|for|to|und)$/.test(tokens[j + 1].text)) && j - i < 6) j++;
      while (j > i && !tokens[j].cap) j--;
      // Latin names in Russian news are mostly companies («Philips», «Bank of East Asia»); known products stay out.
      // A person's name in Latin letters comes bracketed after the Russian one, and that stage takes it back.
      const product = tokens.slice(i, j + 1).some((x) => k.cues.notOrganizations.has(x.norm)) || /^\d/.test(itemAt(tokens, j + 1)?.text ?? '');
      if (!product) claim({ first: i, last: j, type: 'organization', name: text.slice(t.start, tokens[j].end), reason: 'names:latin' });
      i = j;
      continue;
    }
    // 5. places: «Липецкая область», «Краснодарский край»
    if (t.cap && isAdj(t) && free(i + 1, s) && k.cues.placeHeads.has(lemmaOf(tokens[i + 1]))) {
      claim({ first: i, last: i + 1, type: 'location', name: nominativePhrase(text, tokens, i, i + 1, i + 1, ctx.morph), reason: 'names:region' });
      i++;
      continue;
    }
    // 6. single capitalized words the morphology knows as organizations («Минсельхоза», «Минобороны»),
    // or as place names inside a sentence
    if (t.cap && !titleWord[i]) {
      const ps = ctx.morph.parseToken(t);
      const org = ps.find((p) => p.known && p.tags.includes('Orgn') && p.pos === 'NOUN');
      const geo = ps.find((p) => p.known && p.tags.includes('Geox') && p.pos === 'NOUN');
      if (org && ps[0].tags.includes('Orgn')) claim({ first: i, last: i, type: 'organization', name: capitalized(org.lemma), reason: 'names:orgn' });
      else if (geo && ps[0].tags.includes('Geox') && i > doc.sentences[s].firstToken) claim({ first: i, last: i, type: 'location', name: capitalized(geo.lemma), reason: 'names:geox' });
    }
  }
  const mentions: Mention[] = mapped(found, (f) => mention({
    first: f.first, last: f.last, type: f.type, kind: 'name', ref: '', name: f.name, kindHint: f.kind, country: f.country ?? null, reason: f.reason,
  }));
  const all = [...doc.mentions.filter((m) => !absorbed.has(m)), ...mentions];
  return { ...doc, mentions: withRelationalAdjectives(all, tokens, ctx).sort((a, b) => a.first - b.first || (a.start ?? 0) - (b.start ?? 0)) };
}

/** A relational adjective before a body is part of its name: «японского МИДа», «Лондонская полиция»,
 * «мюнхенской Баварии». The state it names becomes the body's country instead of a mention of its own. */
function withRelationalAdjectives(mentions: Mention[], tokens: readonly Token[], ctx: Context): Mention[] {
  // the mentions covering a token, as they were before this loop moves some starts (asked for few tokens: a
  // map of every token's mentions was most of this stage's allocation)
  const firsts = scratchInts(mentions.length);
  const lasts = scratchInts(mentions.length);
  mentions.forEach((m, k) => { firsts[k] = m.first; lasts[k] = m.last; });
  const covering = (i: number) => mentions.filter((_, k) => firsts[k] <= i && i <= lasts[k]);
  const dropped = new Set<Mention>();
  for (const m of mentions) {
    if (m.type !== 'organization' || m.start !== undefined) continue;
    const p = m.first - 1;
    const t = tokens[p];
    if (!t || t.kind !== 'word' || t.cap || t.sentence !== tokens[m.first].sentence) continue;
    const adjectives = ctx.morph.parseToken(t).filter((x) => x.pos === 'ADJF' && /(ск|цк)ий$/.test(x.lemma));
    if (!adjectives.length) continue;
    // it agrees with the head where the morphology knows the head («МИДа» it may not)
    const head = ctx.morph.parseToken(tokens[m.first]).filter((x) => x.known && x.case);
    if (head.length && !head.some((x) => adjectives.some((a) => a.case === x.case))) continue;
    const here = covering(p);
    if (here.some((x) => x.kind !== 'adjective' || x.start !== undefined || x.first !== p || x.last !== p)) continue;
    for (const x of here) {
      dropped.add(x);
      const state = ctx.knowledge.byId.get(x.ref);
      if (state?.type === 'state' && !m.ref && !m.country) m.country = state.iso2;
    }
    m.first = p;
  }
  return mentions.filter((m) => !dropped.has(m));
}

/** A lemma written as a name: «минсельхоз» → «Минсельхоз», «санкт-петербург» → «Санкт-Петербург». */
const capitalized = (lemma: string) => lemma.split('-').map((w) => w[0].toUpperCase() + w.slice(1)).join('-');

const shoutingCache = new WeakMap<Doc, Map<number, boolean>>();

/** A sentence written in capitals (a headline) makes every word look like an abbreviation. */
function shouting(tokens: readonly Token[], s: number, doc: Doc): boolean {
  let cache = shoutingCache.get(doc);
  if (!cache) { cache = new Map(); shoutingCache.set(doc, cache); }
  let v = cache.get(s);
  if (v === undefined) { v = shoutingNow(tokens, s, doc); cache.set(s, v); }
  return v;
}

function shoutingNow(tokens: readonly Token[], s: number, doc: Doc): boolean {
  const sent = doc.sentences[s];
  let words = 0;
  let upper = 0;
  for (let i = sent.firstToken; i <= sent.lastToken; i++) {
    if (tokens[i].kind !== 'word') continue;
    words++;
    if (tokens[i].upper) upper++;
  }
  return words >= 4 && upper / words > 0.6;
}
