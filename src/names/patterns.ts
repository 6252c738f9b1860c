// Regular expressions of name discovery, each anchored and linear-time.

/** Russian-style surname endings with an optional case ending: Иванов(а|ым|ой), Зеленск(ий|ого), Шевченко, Саакашвили, Пашинян(а), Токаев(ым). */
export const SURNAME_SUFFIX = /(?:[оеё]в|[иы]н|ск|цк)(?:а|у|ым|ом|е|ой|ою|ых|ыми|ы|ий|ого|ому|им|ая|ую|ей)?$|(?:енко|швили|дзе|ян|янц|[уюя]к|ович|евич|ич|ев|ов)(?:а|у|ом|ем|е|ым)?$/;
/** Patronymics with case endings: Кемелевич(а|ем), Владимировна(ы|ой). */
export const PATRONYMIC = /^\p{Lu}\p{Ll}+(?:ович|евич|ьич|ич)(?:а|у|ем|е)?$|^\p{Lu}\p{Ll}+(?:овн|евн|ичн|иничн)(?:а|ы|е|у|ой|ою)$/u;
/** A capitalized word: Махмуд, Аль-Хаббаш, О'Нил, Касым-Жомарт. */
export const CAP_WORD = /^\p{Lu}[\p{Ll}\p{M}]+(?:['’-]\p{L}[\p{Ll}\p{M}]*)*$/u;
/** Arabic, Dutch, German and other name particles written before a surname. */
export const NAME_PARTICLE = /^(?:аль|ал|ас|ад|ар|ан|аш|эль|бен|бин|ибн|абу|фон|ван|дер|де|ди|да|дель|ла|ле)$/;
/** Roman numerals written in capitals: «VI», «XXI» (not abbreviations). */
export const ROMAN_NUMERAL = /^[IVXLCDM]+$/;
/** A Latin-script word: «Associated», «Bank», «Red». */
export const LATIN_NAME = /^[A-Za-z][A-Za-z&'.-]*$/;
