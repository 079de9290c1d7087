/**
 * Kazakh Cyrillic ⇄ Kazakh Latin transliteration (alphabet of 2021).
 *
 * Pure string functions: no I/O, no Node-only APIs; safe in browser and server.
 *
 * Table implemented (Cyrillic → Latin; lowercase, then capital where it is
 * not simply the uppercase letter):
 *
 *   а → a             и → i (İ) *   п → p               ч → ch (Ch, CH)
 *   ә → ä             й → i (İ) *   р → r               ш → ş
 *   б → b             к → k         с → s               щ → şş (Şş, ŞŞ) *
 *   в → v             қ → q         т → t               ъ → (dropped) *
 *   г → g             л → l         у → u               ы → y
 *   ғ → ğ             м → m         ұ → ū               і → ı (I)
 *   д → d             н → n         ү → ü               ь → (dropped) *
 *   е → e             ң → ñ         ф → f               э → e *
 *   ё → io (İo, İO)   о → o         х → h               ю → iu (İu, İU)
 *   ж → j             ө → ö         һ → h *             я → ia (İa, İA)
 *   з → z                           ц → ts (Ts, TS) *
 *
 * Choices for letters the 2021 alphabet has no letter of its own for:
 * Ё/Ю/Я are й + vowel, hence İo/İu/İa (dotted capital, because Й is İ);
 * Ц → Ts, Ч → Ch, Щ → Şş (long ш, as in ащы); Ъ and Ь are dropped;
 * Э → E; Һ shares H with Х.
 *
 * Letters marked * are lossy: the Latin side cannot tell them apart from
 * another letter, so cyr → lat → cyr does not restore them:
 *   - И and Й both become İ/i (as in the 2021 table) and come back as one
 *     letter (see "dotted i" below).
 *   - Һ and Х both become H/h; H/h comes back as Х (the far more frequent
 *     letter: халық, хат, тарих). Һ (һәм, шаһар) is therefore lossy.
 *   - Э becomes E/e and comes back as Е.
 *   - Ъ and Ь are dropped.
 *   - Ц becomes "ts" and comes back as "тс" (the digraph is NOT read back,
 *     because т+с is frequent in native words: жетсе, айтса).
 *   - Щ becomes "şş" and comes back as "шш".
 * Ё, Ю, Я and Ч round-trip: "io", "iu", "ia" and "ch" are read back as
 * digraphs (greedily, left to right). The Latin letter c is never produced on
 * its own, so "ch" is unambiguous; a word that really contains и/й + о/у/а
 * (радио, жию) is lossy for that reason as well.
 *
 * Letter-case and the two i's (Turkish-style casing, as in the 2021 table):
 *   І і ↔ I ı  (dotless)     И и / Й й ↔ İ i  (dotted)
 * JavaScript's locale-independent toUpperCase/toLowerCase would turn i into I
 * and İ into "i̇", so both functions use explicit tables instead.
 * Digraph letters (Ts, Ch, Şş, İo, İu, İa) are written in Title case when the
 * following letter (or, at the end of a word, the preceding one) is lower
 * case, and in ALL CAPS otherwise: "Чай" → "Chai", "ЧАЙ" → "CHAI".
 *
 * Dotted i when reading Latin: in the official orthography lowercase "i" is
 * И/Й, but most people type Kazakh Latin on keyboards without "ı" and write
 * plain "i" for the (much more frequent) І. latToCyr therefore reads
 * lowercase "i" as "і" by default; pass { dottedI: "и" } for text that
 * follows the official orthography strictly. Dotless "ı" and plain capital
 * "I" are always І; capital "İ" is always И. Only the dotted i (i, İ) starts
 * the digraphs io/iu/ia.
 *
 * Both functions apply Unicode NFC first (so decomposed "ä" = a + U+0308 is
 * recognised) and leave every other character (digits, punctuation, other
 * scripts, Latin c/w/x) unchanged.
 */

/** Latin spelling of one Cyrillic letter: [lower, Title, UPPER]. */
type LatinForms = readonly [lower: string, title: string, upper: string];

const forms = (lower: string, title: string, upper = title): LatinForms => [lower, title, upper];
/** Letters whose Latin counterpart cases normally (not i/ı). */
const plain = (lower: string): LatinForms => forms(lower, lower.toUpperCase());

const CYR_TO_LAT: Readonly<Record<string, LatinForms>> = {
  а: plain("a"),
  ә: plain("ä"),
  б: plain("b"),
  в: plain("v"),
  г: plain("g"),
  ғ: plain("ğ"),
  д: plain("d"),
  е: plain("e"),
  ё: forms("io", "İo", "İO"),
  ж: plain("j"),
  з: plain("z"),
  и: forms("i", "İ"),
  й: forms("i", "İ"),
  к: plain("k"),
  қ: plain("q"),
  л: plain("l"),
  м: plain("m"),
  н: plain("n"),
  ң: plain("ñ"),
  о: plain("o"),
  ө: plain("ö"),
  п: plain("p"),
  р: plain("r"),
  с: plain("s"),
  т: plain("t"),
  у: plain("u"),
  ұ: plain("ū"),
  ү: plain("ü"),
  ф: plain("f"),
  х: plain("h"),
  һ: plain("h"),
  ц: forms("ts", "Ts", "TS"),
  ч: forms("ch", "Ch", "CH"),
  ш: plain("ş"),
  щ: forms("şş", "Şş", "ŞŞ"),
  ъ: forms("", ""),
  ы: plain("y"),
  і: forms("ı", "I"),
  ь: forms("", ""),
  э: plain("e"),
  ю: forms("iu", "İu", "İU"),
  я: forms("ia", "İa", "İA"),
};

/** Latin single letters (lowercase, Turkish-style) → Cyrillic lowercase. "i" is handled separately. */
const LAT_TO_CYR: Readonly<Record<string, string>> = {
  a: "а",
  ä: "ә",
  b: "б",
  v: "в",
  g: "г",
  ğ: "ғ",
  d: "д",
  e: "е",
  j: "ж",
  z: "з",
  ı: "і",
  k: "к",
  q: "қ",
  l: "л",
  m: "м",
  n: "н",
  ñ: "ң",
  o: "о",
  ö: "ө",
  p: "п",
  r: "р",
  s: "с",
  t: "т",
  u: "у",
  ū: "ұ",
  ü: "ү",
  f: "ф",
  h: "х",
  ş: "ш",
  y: "ы",
};

/** Digraphs read back greedily: dotted i + vowel, and c + h. */
const DIGRAPHS: Readonly<Record<string, string>> = {
  io: "ё",
  iu: "ю",
  ia: "я",
  ch: "ч",
};

const LETTER = /\p{L}/u;

const isUpper = (ch: string): boolean => ch !== ch.toLowerCase() && ch === ch.toUpperCase();

/** Turkish-style lowercase of one Latin character: I → ı, İ → i. */
function latinLower(ch: string): string {
  if (ch === "I") return "ı";
  if (ch === "İ") return "i";
  return ch.toLowerCase();
}

/**
 * Whether an uppercase multi-letter rendering at `index` should be ALL CAPS:
 * decided by the next letter, or by the previous letter at the end of a word.
 */
function capsContext(chars: readonly string[], index: number): boolean {
  const next = chars[index + 1];
  if (next !== undefined && LETTER.test(next)) return isUpper(next);
  const prev = chars[index - 1];
  if (prev !== undefined && LETTER.test(prev)) return isUpper(prev);
  return false;
}

/** Kazakh Cyrillic → Kazakh Latin (2021). Non-Kazakh characters are kept as they are. */
export function cyrToLat(text: string): string {
  const chars = Array.from(text.normalize("NFC"));
  let out = "";
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const lower = ch.toLowerCase();
    const latin = CYR_TO_LAT[lower];
    if (latin === undefined) {
      out += ch;
    } else if (ch === lower) {
      out += latin[0];
    } else {
      out += capsContext(chars, i) ? latin[2] : latin[1];
    }
  }
  return out;
}

export interface LatToCyrOptions {
  /**
   * Cyrillic letter for a lowercase dotted "i" that does not start a
   * digraph. Default "і" (keyboard-friendly reading); "и" follows the
   * official orthography strictly.
   */
  dottedI?: "і" | "и";
}

/**
 * Kazakh Latin (2021) → Kazakh Cyrillic. Digraphs io/iu/ia/ch are read
 * greedily; characters outside the alphabet are kept as they are.
 */
export function latToCyr(text: string, options: LatToCyrOptions = {}): string {
  const dottedI = options.dottedI ?? "і";
  const chars = Array.from(text.normalize("NFC"));
  let out = "";
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const lower = latinLower(ch);
    const upper = ch !== lower;

    const next = chars[i + 1];
    if (next !== undefined && (lower === "i" || lower === "c")) {
      const digraph = DIGRAPHS[lower + latinLower(next)];
      if (digraph !== undefined) {
        out += upper ? digraph.toUpperCase() : digraph;
        i++;
        continue;
      }
    }

    let cyr: string | undefined;
    if (ch === "İ") cyr = "и";
    else if (lower === "i") cyr = dottedI;
    else cyr = LAT_TO_CYR[lower];

    if (cyr === undefined) out += ch;
    else out += upper ? cyr.toUpperCase() : cyr;
  }
  return out;
}
