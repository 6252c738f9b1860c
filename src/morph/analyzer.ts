// Morphology through `az` (OpenCorpora dictionaries shipped in its npm package).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { AzParse } from 'az';
import { Az } from './az.js';
import { mapped, type Case, type Parse, type Token } from '../doc.js';
import { dictionaryTagIndex, dictionaryWord, installFastPaths, keepSuffixes, keepWordsDawg, morph, normalLemma } from './az-fast-paths.js';
import { detached } from '../detached.js';
import { interned } from '../interned.js';

const KEPT_TAGS = new Set(['Name', 'Surn', 'Patr', 'Geox', 'Orgn', 'Abbr', 'Fixd', 'anim', 'inan', 'Sgtm', 'Pltm', 'Init', 'Ms-f']);
let ready = false;

// az builds all of its ~10,000 tags at start-up, each twice: in OpenCorpora's Latin notation
// (NOUN,anim…), which all analysis uses, and in its Russian notation (СУЩ,од…) as tag.ext, which only
// az's debugging printouts read. A tag is an object with a property per grammeme, and building them
// took ~100 ms of start-up, though a document needs a few hundred of them. So az is given empty tag
// tables, and a tag is built from az's table the first time az reads it (see lazyTags); its ext is
// az's «НЕИЗВ» (unknown), and meaningless here.
const INTERNAL_TAGS = 'gramtab-opencorpora-int.json';
const EXTERNAL_TAGS = 'gramtab-opencorpora-ext.json';

type TagClass = new (s: string) => { ext?: object };
interface Frozen { tags: object[] | null; unknown: InstanceType<TagClass> | null }

/** Runs az's loaders (synchronously, with no other code in between) and returns what az freezes: its tag
 * array and its one ready-made tag, «unknown». az freezes them recursively (its deepFreeze walks
 * Object.getOwnPropertyNames of each tag and of its grammeme lists, ~50 ms); the walk is given no property
 * names, and the tag array is left unfrozen, as nothing depends on its being frozen. */
function withoutDeepFreeze(run: () => void): Frozen {
  const names = Object.getOwnPropertyNames;
  const freeze = Object.freeze;
  const frozen: Frozen = { tags: null, unknown: null };
  Object.getOwnPropertyNames = () => [];
  Object.freeze = <T>(o: T): T => {
    if (Array.isArray(o)) {
      frozen.tags = o;
      return o;
    }
    if (o && typeof o === 'object' && 'stat' in o && 'ext' in o) frozen.unknown = o as InstanceType<TagClass>;
    return freeze(o);
  };
  try {
    run();
  } finally {
    Object.getOwnPropertyNames = names;
    Object.freeze = freeze;
  }
  return frozen;
}

/** Gives az's (empty) tag array a prototype that builds a tag when az first reads its index (az reads
 * tags only by index: tags[paradigm[…]]); the tag is then stored in the array, so later reads find it
 * there, and a tag is the same object on every read. */
function lazyTags(tags: object[], sources: string[], unknown: InstanceType<TagClass>): void {
  const Tag = unknown.constructor as TagClass;
  tags.length = sources.length;
  Object.setPrototypeOf(tags, new Proxy(Array.prototype, {
    get(target, key, receiver) {
      if (typeof key === 'string') {
        const i = Number(key);
        if (Number.isInteger(i) && i >= 0 && i < sources.length) {
          const tag = new Tag(sources[i]);
          tag.ext = unknown.ext;
          tags[i] = tag;
          return tag;
        }
      }
      return Reflect.get(target, key, receiver);
    },
  }));
}

/** Loads the OpenCorpora data synchronously (az only offers callbacks; its loader is swapped for readFileSync). */
export function initMorphology(): void {
  if (ready) return;
  const dicts = join(dirname(createRequire(import.meta.url).resolve('az/package.json')), 'dicts');
  // az counts pending loads and finishes when the count drops to zero, so the reads are
  // done synchronously but the callbacks are run only after init has registered them all.
  const pending: Array<() => void> = [];
  let tagSources: string[] = [];
  Az.load = (url, type, cb) => {
    let data: unknown;
    try {
      if (url.endsWith(EXTERNAL_TAGS) || url.endsWith(INTERNAL_TAGS)) {
        if (url.endsWith(INTERNAL_TAGS)) tagSources = JSON.parse(readFileSync(url, 'utf8')) as string[];
        pending.push(() => cb(null, []));
        return;
      }
      const buf = readFileSync(url);
      data = type === 'json' ? JSON.parse(buf.toString('utf8')) : ownBuffer(buf);
      if (url.endsWith(SUFFIXES)) keepSuffixes(data as string[]);
    } catch (e) {
      pending.push(() => cb(e));
      return;
    }
    pending.push(() => cb(null, data));
  };
  let error: unknown = null;
  let done = false;
  keepWordsDawg();
  Az.Morph.init(dicts, (err) => { error = err ?? null; done = true; });
  const { tags, unknown } = withoutDeepFreeze(() => { while (pending.length) pending.shift()!(); });
  if (error || !done || !tags || !unknown || !tagSources.length) throw new Error(`cannot load morphology dictionaries from ${dicts}`);
  lazyTags(tags, tagSources, unknown);
  installFastPaths();
  ready = true;
}

const SUFFIXES = '/suffixes.json';

/** The ArrayBuffer of a file's bytes; a large file's Buffer has one of its own, which az can use as is
 * (copying the 9 MB of DAWGs took ~9 ms of start-up), while a small one's shares node's pool. */
function ownBuffer(buf: Buffer): ArrayBuffer {
  const whole = buf.byteOffset === 0 && buf.buffer.byteLength === buf.byteLength;
  return (whole ? buf.buffer : buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength)) as ArrayBuffer;
}

/** Parses' tag lists are few and never changed: one shared array per distinct list keeps the cache small. */
const TAG_LISTS = new Map<string, string[]>();
type TagFields = Pick<Parse, 'pos' | 'case' | 'number' | 'gender' | 'tags'>;
/** What a parse takes from its tag, read once per tag (az shares its 4,880 tags among all parses): by the tag's
 * index for dictionary parses (see dictionaryTagIndex), by the tag itself for the others. */
const TAG_FIELDS = new WeakMap<object, TagFields>();
const FIELDS_BY_INDEX: Array<TagFields | undefined> = new Array(1 << 16);

/** A grammeme as an internalized string (about 3% of parses had one of az's that was not: see interned.ts). */
function grammeme<T extends string | null | undefined>(g: T): T {
  return (typeof g === 'string' ? interned(g) : g) as T;
}

function tagFields(t: AzParse['tag']): TagFields {
  let f = TAG_FIELDS.get(t);
  if (!f) {
    const kept: string[] = [];
    for (const g of t.stat) if (KEPT_TAGS.has(g)) kept.push(grammeme(g));
    for (const g of t.flex) if (KEPT_TAGS.has(g)) kept.push(grammeme(g));
    const key = kept.join(',');
    let tags = TAG_LISTS.get(key);
    if (!tags) TAG_LISTS.set(key, (tags = kept));
    f = {
      pos: grammeme(t.POST ?? ''),
      case: grammeme((t.CAse as Case) ?? null),
      number: grammeme((t.NMbr as 'sing' | 'plur') ?? null),
      gender: grammeme((t.GNdr as 'masc' | 'femn' | 'neut') ?? null),
      tags,
    };
    TAG_FIELDS.set(t, f);
  }
  return f;
}

export function toParse(p: AzParse): Parse {
  const lemma = normalLemma(p);
  const i = dictionaryTagIndex(p);
  const f = i < 0 ? tagFields(p.tag) : (FIELDS_BY_INDEX[i] ??= tagFields(p.tag));
  return {
    lemma: lemma.includes('ё') ? lemma.replace(/ё/g, 'е') : lemma,
    pos: f.pos,
    case: f.case,
    number: f.number,
    gender: f.gender,
    tags: f.tags,
    score: p.score,
    known: p.parser === 'Dictionary',
  };
}

/** az's inflection of a parse, by the grammemes asked for (joined): names and titles are put into the nominative
 * again in every document that has them, and az's inflect scans the parse's paradigm (~20 tag comparisons). Kept
 * for as long as the parse is (Analyzer keeps a word's az parses in its cache). */
const INFLECTED = new WeakMap<AzParse, Map<string, string | null>>();

function inflected(p: AzParse, key: string, grammemes: string[]): string | null {
  let forms = INFLECTED.get(p);
  if (!forms) INFLECTED.set(p, (forms = new Map()));
  let w = forms.get(key);
  if (w === undefined) {
    const f = p.inflect(grammemes);
    forms.set(key, (w = f ? f.word : null));
  }
  return w;
}

/** Parses by surface form: news repeats its words, and az's lookups dominate otherwise. A token's parses are
 * kept on its word form (the segmenter's cache); other words' in a cache by word. An entry is ~600 bytes
 * (~16 MB for the 25,700 words of the bench corpus that are analysed), so the limit of either cache bounds it
 * to ~30 MB; past it the cache starts again. az's own parse objects (another ~70% of that memory when they
 * were kept for every word) are kept only for the few words that are inflected or whose tag is read whole. */
export class Analyzer {
  private cache = new Map<string, Parse[]>();
  private raw = new Map<string, AzParse[]>();
  constructor(private readonly limit = 50_000) {
    initMorphology();
  }

  private static analyze(word: string): AzParse[] {
    return morph(word).slice(0, 8);
  }

  azParses(word: string): AzParse[] {
    let r = this.raw.get(word);
    if (!r) {
      const own = detached(word); // az's parses keep substrings of the word
      r = Analyzer.analyze(own);
      if (this.raw.size > this.limit) this.raw.clear();
      this.raw.set(own, r);
    }
    return r;
  }

  /** A word's parses, computed: kept by the caller. */
  private static parsesOf(word: string): Parse[] {
    const own = detached(word); // az's parses (and so lemmas) keep substrings of the word
    const r = mapped(Analyzer.analyze(own), toParse);
    // the parses of a word mostly share their lemma: one string for all keeps the cache smaller
    for (let i = 1; i < r.length; i++) for (let j = 0; j < i; j++) if (r[j].lemma === r[i].lemma) { r[i].lemma = r[j].lemma; break; }
    return r.slice(); // kept at its length (mapped's array has room for 17 parses)
  }

  parse(word: string): Parse[] {
    let r = this.cache.get(word);
    if (!r) {
      r = Analyzer.parsesOf(word);
      if (this.cache.size > this.limit) this.cache.clear();
      this.cache.set(detached(word), r);
    }
    return r;
  }

  /** The token's parses, kept on its word form where the segmenter gave it one (and then not in the cache by
   * word as well: the forms are kept as long, and a lookup there missed for every new form). */
  parseToken(t: Pick<Token, 'text' | 'form'>): Parse[] {
    const f = t.form;
    if (f === undefined) return this.parse(t.text);
    return (f.parses ??= Analyzer.parsesOf(t.text));
  }

  /** Whether az knows the word from its dictionary (its lemmas are then dictionary forms, not guesses). */
  known(word: string): boolean {
    return dictionaryWord(word.toLowerCase()); // as the Dictionary parser folds it (see az-fast-paths.ts, 7)
  }

  /** The token's word put into the nominative (keeping gender and number where az can), or null. */
  inflect(t: Pick<Token, 'text' | 'form'>, filter: (p: Parse) => boolean, grammemes: string[]): string | null {
    const parses = this.parseToken(t);
    const raw = this.azParses(t.text);
    const key = grammemes.join(',');
    for (let i = 0; i < raw.length; i++) {
      if (!filter(parses[i])) continue;
      const f = inflected(raw[i], key, grammemes);
      if (f !== null) return f;
    }
    return null;
  }
}
