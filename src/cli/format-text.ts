// A digest for people who read rather than pipe: one block per meeting.
import type { Result } from '../index.js';

export function formatText(r: Result, _text: string): string {
  const byId = new Map(r.entities.map((e) => [e.id, e]));
  const who = (id: string) => {
    const e = byId.get(id);
    if (!e) return id;
    const roles = (e.roles ?? []).map((r) => r.title).join('; ');
    const country = e.country ? ` (${e.country})` : '';
    return roles ? `${e.name}, ${roles}${country}` : `${e.name}${country}`;
  };
  const lines: string[] = [];
  lines.push(`# ${r.document.title ?? r.document.id}`);
  const facts = [r.document.publisher && `publisher: ${r.document.publisher}`, r.document.date && `date: ${r.document.date}`].filter(Boolean);
  if (facts.length) lines.push(facts.join(' · '));
  if (!r.meetings.length) lines.push('No meetings found.');
  for (const m of r.meetings) {
    lines.push('');
    lines.push(`Meeting ${m.id.replace('meeting:', '')} (${m.status}${m.modality ? `, ${m.modality}` : ''}${m.format ? `, ${m.format}` : ''})`);
    for (const p of m.participants) lines.push(`  - ${who(p)}`);
    lines.push(`  place: ${m.place ? byId.get(m.place)?.name ?? m.place : '—'}`);
    lines.push(`  date: ${m.date ?? '—'}`);
    if (m.occasion) lines.push(`  occasion: ${m.occasion}`);
    if (m.topics.length) {
      lines.push('  topics:');
      for (const t of m.topics) lines.push(`    * ${t.text} [${t.category}]`);
    }
    if (m.evidence[0]) lines.push(`  evidence: «${m.evidence[0].text}»`);
  }
  const people = r.entities.filter((e) => e.type === 'person');
  if (people.length) {
    lines.push('');
    lines.push('People:');
    for (const p of people) lines.push(`  - ${who(p.id)}`);
  }
  return lines.join('\n') + '\n';
}
