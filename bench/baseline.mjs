// A naive baseline: every run of capitalized Cyrillic/Latin words is an "entity".
// No dictionaries, no morphology, no validation: one regular expression over the text.
// It returns the same outer shape as the real extractor (schemaVersion, document,
// entities with mention offsets, meetings), so the bench can time both the same way.

// A capitalized word: an upper-case letter, then letters, with inner hyphens or apostrophes
// («Касым-Жомарт», «Аль-Хаббаш», «O'Neil»). A sequence: such words separated by spaces/tabs.
const WORD = "[A-ZА-ЯЁ][A-Za-zА-Яа-яЁё]*(?:['’-][A-Za-zА-Яа-яЁё]+)*";
const SEQUENCE = new RegExp(`(?<![A-Za-zА-Яа-яЁё0-9])${WORD}(?:[ \\t]+${WORD})*`, 'g');

/** Extracts capitalized word sequences; offsets are UTF-16 indices, like the real extractor. */
export function extractCapitalized(text, options = {}) {
  const byName = new Map();
  for (const m of text.matchAll(SEQUENCE)) {
    const name = m[0];
    let entity = byName.get(name);
    if (!entity) {
      entity = { id: `cap:${name.toLowerCase().replace(/\s+/g, '-')}`, type: 'unknown', name, mentions: [] };
      byName.set(name, entity);
    }
    entity.mentions.push({ start: m.index, end: m.index + name.length, text: name });
  }
  return {
    schemaVersion: 1,
    document: { id: options.id ?? 'document', lang: 'ru' },
    entities: [...byName.values()],
    meetings: [],
  };
}

/** Same interface as the library's createExtractor(): { extract(text, {id}) }. */
export function createBaseline() {
  return {
    extract(text, options = {}) {
      if (!text.trim()) throw Object.assign(new Error('empty text'), { name: 'ExtractionError', code: 'empty' });
      return extractCapitalized(text, options);
    },
  };
}
