// Dates in English text: «12 March 2024», «March 12, 2024», «in March 2024», «in 2022»; with the publication
// date also «Nov 26», «on Tuesday», «yesterday».
import type { Token } from '../doc.js';
import { lastWeekday, nextWeekday, shift } from '../dates/parse.js';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const SHORT_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const RELATIVE: Record<string, number> = { today: 0, yesterday: -1, tomorrow: 1 };
const month = (t: Token | undefined) => (t && t.cap ? (MONTHS.indexOf(t.norm) + 1 || SHORT_MONTHS.indexOf(t.norm.replace(/^sept$/, 'sep')) + 1) : 0);
const YEAR = /^(1[89]|20)\d\d$/;
const DAY = /^([1-9]|[12]\d|3[01])(st|nd|rd|th)?$/;
const pad = (n: number) => String(n).padStart(2, '0');

export interface FoundDate { value: string; first: number; last: number }

/** Dates in tokens[first..last], most precise reading at each position; relative ones need `published`, and a
 * weekday is the one before it, or after it when the event is `ahead`. */
export function findEnglishDates(tokens: readonly Token[], first: number, last: number, published: string | null = null, ahead = false): FoundDate[] {
  const out: FoundDate[] = [];
  for (let i = first; i <= last; i++) {
    const t = tokens[i];
    const m = month(t);
    if (m) {
      // «March 12, 2024» / «March 2024»
      const day = tokens[i + 1] && DAY.exec(tokens[i + 1].text);
      const yearAt = day ? (tokens[i + 2]?.text === ',' ? i + 3 : i + 2) : i + 1;
      const year = yearAt <= last && YEAR.test(tokens[yearAt]?.text ?? '') ? tokens[yearAt].text : null;
      if (day && year) { out.push({ value: `${year}-${pad(m)}-${pad(+day[1])}`, first: i, last: yearAt }); i = yearAt; continue; }
      if (year && !day) { out.push({ value: `${year}-${pad(m)}`, first: i, last: yearAt }); i = yearAt; continue; }
      // «Nov 26», «March 3»: the year of publication
      if (day && published) { out.push({ value: `${published.slice(0, 4)}-${pad(m)}-${pad(+day[1])}`, first: i, last: i + 1 }); i++; continue; }
    }
    if (published && t.kind === 'word') {
      if (t.norm in RELATIVE) { out.push({ value: shift(published, RELATIVE[t.norm]), first: i, last: i }); continue; }
      const wd = WEEKDAYS.indexOf(t.norm);
      if (wd >= 0 && tokens[i - 1]?.norm === 'on') { out.push({ value: (ahead ? nextWeekday : lastWeekday)(published, wd), first: i - 1, last: i }); continue; }
    }
    const day = DAY.exec(t.text);
    if (day && month(tokens[i + 1]) && i + 2 <= last && YEAR.test(tokens[i + 2].text)) {
      out.push({ value: `${tokens[i + 2].text}-${pad(month(tokens[i + 1]))}-${pad(+day[1])}`, first: i, last: i + 2 });
      i += 2;
      continue;
    }
    // a bare year only after «in»: «held in Astana in 2022», not «2022 people»
    if (YEAR.test(t.text) && t.kind === 'number' && tokens[i - 1]?.norm === 'in') out.push({ value: t.text, first: i, last: i });
  }
  return out;
}
