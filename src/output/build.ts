// The Doc turned into the output contract: entities sorted by first mention, mentions by start.
import { mapped, type Doc, type Evidence, type Mention } from '../doc.js';
import type { EntityOut, Result } from './schema.js';
import { SCHEMA_VERSION } from './version.js';

export function evidence(text: string, start: number, end: number): Evidence {
  return { start, end, text: text.slice(start, end) };
}

export function mentionSpan(doc: Doc, m: Mention): { start: number; end: number } {
  return { start: m.start ?? doc.tokens[m.first].start, end: m.end ?? doc.tokens[m.last].end };
}

/** Stage output: plain result object (validation happens in the extractor, where it is configured). */
export function toResult(doc: Doc): Result {
  const entities: Array<{ first: number; out: EntityOut }> = [];
  for (const e of doc.entities) {
    const spans = mapped(e.mentions, (i) => ({ m: doc.mentions[i], ...mentionSpan(doc, doc.mentions[i]) }));
    spans.sort((a, b) => a.start - b.start || a.end - b.end);
    // sorted, a span's repeats follow it
    const distinct = spans.filter((s, i) => i === 0 || s.start !== spans[i - 1].start || s.end !== spans[i - 1].end);
    const mentions = mapped(distinct, (s) => ({ start: s.start, end: s.end, text: doc.text.slice(s.start, s.end), kind: s.m.kind }));
    if (!mentions.length) continue;
    // fields in the order of the contract, optional ones only where they apply
    const out = { id: e.id, type: e.type, name: e.name } as EntityOut;
    if (e.type === 'person') {
      out.nameParts = { first: e.nameParts?.first ?? null, middle: e.nameParts?.middle ?? null, last: e.nameParts?.last ?? null };
      out.gender = e.gender ?? null;
    }
    out.country = e.country;
    if (e.iso2) out.iso2 = e.iso2;
    if (e.kind) out.kind = e.kind;
    if (e.abbreviation) out.abbreviation = e.abbreviation;
    if (e.type === 'person') out.roles = e.roles.map((r) => ({ title: r.title, organization: r.organization, state: r.state, evidence: evidence(doc.text, r.start, r.end) }));
    out.dictionaryId = e.dictionaryId;
    out.mentions = mentions;
    entities.push({ first: mentions[0].start, out });
  }
  entities.sort((a, b) => a.first - b.first || a.out.id.localeCompare(b.out.id));
  return {
    schemaVersion: SCHEMA_VERSION,
    document: {
      id: doc.id, language: doc.language, title: doc.meta.title, publisher: doc.meta.publisher, hashtags: doc.meta.hashtags,
      date: doc.meta.date, chars: doc.text.length,
    },
    entities: entities.map((e) => e.out),
    meetings: doc.meetings.map((m, i) => ({
      id: `meeting:${i + 1}`, participants: m.participants, place: m.place, date: m.date, status: m.status, modality: m.modality,
      format: m.format, occasion: m.occasion,
      topics: m.topics.map((t) => ({ text: t.text, category: t.category, entities: t.entities, evidence: evidence(doc.text, t.start, t.end) })),
      evidence: m.evidence.map((e) => evidence(doc.text, e.start, e.end)),
    })),
    quotes: doc.quotes.map((q) => ({ speaker: q.speaker, start: q.start, end: q.end, text: doc.text.slice(q.start, q.end) })),
    warnings: doc.warnings,
  };
}
