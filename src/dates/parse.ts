// Dates in Russian text → ISO 8601, full or partial («2022», «2024-03», «2016-07-28»).
import type { Token } from '../doc.js';

const MONTHS: Array<[RegExp, number]> = [
  [/^январ/, 1], [/^феврал/, 2], [/^март/, 3], [/^апрел/, 4], [/^ма[йяе]$/, 5], [/^июн/, 6],
  [/^июл/, 7], [/^август/, 8], [/^сентябр/, 9], [/^октябр/, 10], [/^ноябр/, 11], [/^декабр/, 12],
];
const WEEKDAYS: Array<[RegExp, number]> = [
  [/^понедельник/, 1], [/^вторник/, 2], [/^сред[ау]$/, 3], [/^четверг/, 4], [/^пятниц/, 5], [/^суббот/, 6], [/^воскресень/, 0],
];
const RELATIVE: Record<string, number> = { сегодня: 0, вчера: -1, позавчера: -2, завтра: 1, послезавтра: 2 };
const YEAR_WORD = /^(год|года|году|годом|г)$/;
const NUMERIC_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;

export interface DateMatch { first: number; last: number; value: string; relative: boolean }

const pad = (n: number) => String(n).padStart(2, '0');
/** Any month or weekday word: one test rules out nearly every word, which the lists would test one by one. */
const CALENDAR_WORD = new RegExp(`^(?:${[...MONTHS, ...WEEKDAYS].map(([re]) => re.source.slice(1)).join('|')})`);

/** The first of `table` whose pattern the word fits (this runs for every word of a document). */
function lookup(table: Array<[RegExp, number]>, norm: string): number | null {
  if (!CALENDAR_WORD.test(norm)) return null;
  for (let i = 0; i < table.length; i++) if (table[i][0].test(norm)) return table[i][1];
  return null;
}
export const monthOf = (norm: string): number | null => lookup(MONTHS, norm);
const validYear = (n: number) => n >= 1900 && n <= 2100;

export function shift(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The most recent given weekday (0 = Sunday) up to the publication date: news tells of days just past. */
export function lastWeekday(published: string, weekday: number): string {
  const pubDay = new Date(`${published}T00:00:00Z`).getUTCDay();
  return shift(published, -((pubDay - weekday + 7) % 7));
}

/** The next given weekday from the publication date on: planned meetings are ahead. */
export function nextWeekday(published: string, weekday: number): string {
  const pubDay = new Date(`${published}T00:00:00Z`).getUTCDay();
  return shift(published, (weekday - pubDay + 7) % 7);
}

/** Every date expression in tokens[from..to]. Relative ones need the publication date; a weekday is the one
 * before it, or after it when the event is `ahead` (planned). */
export function findDates(tokens: readonly Token[], from: number, to: number, published: string | null, ahead = false): DateMatch[] {
  const out: DateMatch[] = [];
  for (let i = from; i <= to; i++) {
    const t = tokens[i];
    const isNumber = t.kind === 'number';
    // -1, not NaN, for a token that is no number (or too long to be a day or a year): the comparisons below
    // then see small integers only
    const num = isNumber && t.text.length <= 9 && /^\d+$/.test(t.text) ? Number(t.text) : -1;
    const nm = isNumber ? NUMERIC_DATE.exec(t.text) : null;
    if (nm) {
      const [d, m, y] = [Number(nm[1]), Number(nm[2]), Number(nm[3])];
      if (m >= 1 && m <= 12 && d >= 1 && d <= 31 && validYear(y)) out.push({ first: i, last: i, value: `${y}-${pad(m)}-${pad(d)}`, relative: false });
      continue;
    }
    // «28 июля 2016 года», «28 июля»
    if (num >= 1 && num <= 31 && i + 1 <= to) {
      const m = monthOf(tokens[i + 1].norm);
      if (m) {
        const y = i + 2 <= to && /^\d{4}$/.test(tokens[i + 2].text) ? Number(tokens[i + 2].text) : null;
        if (y && validYear(y)) {
          const last = i + 3 <= to && YEAR_WORD.test(tokens[i + 3].norm) ? i + 3 : i + 2;
          out.push({ first: i, last, value: `${y}-${pad(m)}-${pad(num)}`, relative: false });
          i = last;
        } else if (published) {
          out.push({ first: i, last: i + 1, value: `${published.slice(0, 4)}-${pad(m)}-${pad(num)}`, relative: true });
          i++;
        }
        continue;
      }
    }
    // «в июле 2016 года»
    const mo = t.kind === 'word' ? monthOf(t.norm) : null;
    if (mo && i + 1 <= to && /^\d{4}$/.test(tokens[i + 1].text) && validYear(Number(tokens[i + 1].text))) {
      const last = i + 2 <= to && YEAR_WORD.test(tokens[i + 2].norm) ? i + 2 : i + 1;
      out.push({ first: i, last, value: `${tokens[i + 1].text}-${pad(mo)}`, relative: false });
      i = last;
      continue;
    }
    // «в 2022 году», «2022 года», «2022 г.»
    if (isNumber && /^\d{4}$/.test(t.text) && validYear(num) && i + 1 <= to && YEAR_WORD.test(tokens[i + 1].norm)) {
      out.push({ first: i, last: i + 1, value: t.text, relative: false });
      i++;
      continue;
    }
    if (!published || t.kind !== 'word') continue;
    if (t.norm in RELATIVE) { out.push({ first: i, last: i, value: shift(published, RELATIVE[t.norm]), relative: true }); continue; }
    // «в понедельник»
    const wd = lookup(WEEKDAYS, t.norm);
    if (wd !== null && i > from && /^(в|во)$/.test(tokens[i - 1].norm)) {
      out.push({ first: i - 1, last: i, value: (ahead ? nextWeekday : lastWeekday)(published, wd), relative: true });
    }
  }
  return out;
}
