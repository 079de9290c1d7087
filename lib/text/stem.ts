/**
 * Kazakh lemmatisation candidates by suffix stripping.
 *
 * Kazakh is agglutinative: a noun is stem + plural + possessive + case
 * (кітап-тар-ымыз-да), a verb form is stem + tense/aspect + person
 * (жаз-а-мын, жаз-ды-қ). lemmaCandidates() peels these layers off from the
 * end, in their grammatical order, and returns every intermediate stem. It
 * does not know the vocabulary: callers look the candidates up in a lemma
 * list, so some over-generation is expected. Two rules keep it bounded:
 *
 *   - vowel harmony: a suffix with back vowels (а о ұ ы) is only stripped
 *     from a stem whose last vowel is back, one with front vowels
 *     (ә е ө ү і) from a front stem. и, у, ю are ambiguous and skipped when
 *     looking for the stem's last vowel. The instrumental -мен/-бен/-пен
 *     does not harmonise;
 *   - the sound the stem ends with: e.g. -тар/-ты/-қа only follow a
 *     voiceless consonant, -дар/-ға/-да never do, -ы/-ым/-ып only follow a
 *     consonant, -сы/-м/-ны only follow a vowel.
 *
 * A stem must keep at least two letters, one of them a vowel. After a
 * vowel-initial suffix the consonant alternation п/б, қ/ғ, к/г is undone as
 * an extra candidate (кітабы → кітаб, кітап; құлағы → құлақ).
 */

type Harmony = "back" | "front" | "any";

/** What the stem must end with for the suffix to attach. */
type After =
  | "any"
  | "vowel" // а ә е ё о ө ұ ү ы і э ю я
  | "consonant" // anything but those vowels (incl. й, у, и)
  | "voiceless" // к қ п с т ф х ц ч ш щ, or б в г д (loanword finals)
  | "notVoiceless" // vowel or voiced consonant
  | "voiced" // voiced consonant (not a vowel, not voiceless)
  | "vowelOrNasal" // vowel, м, н, ң
  | "vowelOrSonorant" // vowel, и, й, р, у
  | "vowelOrY" // vowel or й
  | "narrowVowel"; // ы, і (after past tense -ды/-ді)

interface Suffix {
  readonly form: string;
  readonly after: After;
  readonly harmony: Harmony;
  /** Only strippable when an outer suffix of the same chain was stripped. */
  readonly inner: boolean;
}

const BACK_VOWELS = "аоұыяё";
const FRONT_VOWELS = "әеөүіэ";
const PURE_VOWELS = "аәеёоөұүыіэюя";
const ALL_VOWELS = PURE_VOWELS + "иу";
const VOICELESS = "кқпстфхцчшщ";
const LOAN_FINALS = "бвгд";
const NASALS = "мнң";
const SONORANTS = "ийру";
/** Voiced stem-final consonant restored before a vowel-initial suffix. */
const DEVOICE: Readonly<Record<string, string>> = { б: "п", ғ: "қ", г: "к" };

const MAX_CANDIDATES = 30;
const INVARIANT = new Set(["мен", "бен", "пен", "менен"]);

function harmonyOf(form: string): Harmony {
  if (INVARIANT.has(form)) return "any";
  for (const ch of form) {
    if (BACK_VOWELS.includes(ch)) return "back";
    if (FRONT_VOWELS.includes(ch)) return "front";
  }
  return "any";
}

/** Build suffixes from space-separated forms sharing one attachment rule. */
function group(forms: string, after: After, inner = false): Suffix[] {
  return forms.split(" ").map((form) => ({ form, after, harmony: harmonyOf(form), inner }));
}

/** One slot of a suffix chain: alternative suffixes, all of which are tried. */
type Layer = readonly Suffix[];

/** A layer from rows of `[space-separated forms, attachment rule, inner?]`. */
function layer(rows: readonly (readonly [forms: string, after: After, inner?: boolean])[]): Layer {
  return rows.flatMap(([forms, after, inner]) => group(forms, after, inner));
}

const NOUN_CASE: Layer = layer([
  // genitive
  ["ның нің", "vowelOrNasal"],
  ["дың дің", "voiced"],
  ["тың тің", "voiceless"],
  // dative
  ["ға ге", "notVoiceless"],
  ["қа ке", "voiceless"],
  ["на не", "vowel"],
  ["а е", "consonant"],
  // accusative
  ["ны ні н", "vowel"],
  ["ды ді", "voiced"],
  ["ты ті", "voiceless"],
  // locative, and the attributive locative -дағы (мектептегі)
  ["да де дағы дегі", "notVoiceless"],
  ["та те тағы тегі", "voiceless"],
  ["нда нде ндағы ндегі", "vowel"],
  // ablative
  ["дан ден", "notVoiceless"],
  ["тан тен", "voiceless"],
  ["нан нен", "vowelOrNasal"],
  // instrumental (does not harmonise)
  ["мен менен", "notVoiceless"],
  ["бен", "voiced"],
  ["пен", "voiceless"],
]);

const NOUN_POSSESSIVE: Layer = layer([
  ["ымыз іміз ыңыз іңіз ым ім ың ің ы і", "consonant"],
  ["мыз міз ңыз ңіз м ң сы сі", "vowel"],
]);

const NOUN_PLURAL: Layer = layer([
  ["лар лер", "vowelOrSonorant"],
  ["дар дер", "voiced"],
  ["тар тер", "voiceless"],
]);

const VERB_PERSON: Layer = layer([
  ["мын мін сың сің сыз сіз мыз міз", "vowelOrY"],
  ["м ң ңыз ңіз", "vowel"],
  ["қ к", "narrowVowel"],
]);

const VERB_TENSE: Layer = layer([
  // past
  ["ды ді", "notVoiceless"],
  ["ты ті", "voiceless"],
  // participle
  ["ған ген", "notVoiceless"],
  ["қан кен", "voiceless"],
  // converb
  ["ып іп", "consonant"],
  ["п", "vowel"],
  // present / future
  ["ады еді", "consonant"],
  ["йды йді", "vowel"],
  ["а е", "consonant", true],
  ["й", "vowel", true],
  // infinitive
  ["у", "any"],
]);

/** Suffix chains, outermost layer first. */
const CHAINS: readonly (readonly Layer[])[] = [
  [NOUN_CASE, NOUN_POSSESSIVE, NOUN_PLURAL],
  [VERB_PERSON, VERB_TENSE],
];

function endsWellFor(stem: string, after: After): boolean {
  const last = stem.at(-1) ?? "";
  const vowel = PURE_VOWELS.includes(last);
  const voiceless = VOICELESS.includes(last);
  switch (after) {
    case "any":
      return true;
    case "vowel":
      return vowel;
    case "consonant":
      return !vowel;
    case "voiceless":
      return voiceless || LOAN_FINALS.includes(last);
    case "notVoiceless":
      return !voiceless;
    case "voiced":
      return !vowel && !voiceless;
    case "vowelOrNasal":
      return vowel || NASALS.includes(last);
    case "vowelOrSonorant":
      return vowel || SONORANTS.includes(last);
    case "vowelOrY":
      return vowel || last === "й";
    case "narrowVowel":
      return last === "ы" || last === "і";
  }
}

/** Harmony class of the stem's last unambiguous vowel ("any" if none). */
function stemHarmony(stem: string): Harmony {
  for (let i = stem.length - 1; i >= 0; i--) {
    const ch = stem[i]!;
    if (BACK_VOWELS.includes(ch)) return "back";
    if (FRONT_VOWELS.includes(ch)) return "front";
  }
  return "any";
}

function isPlausibleStem(stem: string): boolean {
  return stem.length >= 2 && [...stem].some((ch) => ALL_VOWELS.includes(ch));
}

/** Stems left after stripping `suffix` from `word`, or none if it does not attach. */
function strip(word: string, suffix: Suffix): string[] {
  if (!word.endsWith(suffix.form)) return [];
  const stem = word.slice(0, -suffix.form.length);
  if (!isPlausibleStem(stem) || !endsWellFor(stem, suffix.after)) return [];
  if (suffix.harmony !== "any") {
    const h = stemHarmony(stem);
    if (h !== "any" && h !== suffix.harmony) return [];
  }
  const stems = [stem];
  const devoiced = DEVOICE[stem.at(-1) ?? ""];
  if (devoiced !== undefined && PURE_VOWELS.includes(suffix.form[0] ?? "")) {
    stems.push(stem.slice(0, -1) + devoiced);
  }
  return stems;
}

function walk(word: string, layers: readonly Layer[], index: number, strippedOuter: boolean, out: Set<string>): void {
  const layer = layers[index];
  if (layer === undefined) return;
  walk(word, layers, index + 1, strippedOuter, out);
  for (const suffix of layer) {
    if (suffix.inner && !strippedOuter) continue;
    for (const stem of strip(word, suffix)) {
      out.add(stem);
      walk(stem, layers, index + 1, true, out);
    }
  }
}

/**
 * Candidate lemmas for a Kazakh (Cyrillic) word form, ordered from least to
 * most stripped (longest first); the word itself (NFC, lowercased, trimmed)
 * always comes first. At most 30 candidates. Latin input should be passed
 * through latToCyr first; it is otherwise returned unchanged as the only
 * candidate.
 *
 *   lemmaCandidates("мектептерде")  // [..., "мектептер", ..., "мектеп"]
 *   lemmaCandidates("кітабымда")    // [..., "кітабым", ..., "кітаб", "кітап"]
 */
export function lemmaCandidates(word: string): string[] {
  const w = word.normalize("NFC").trim().toLowerCase();
  if (w.length === 0) return [];
  const found = new Set<string>();
  for (const chain of CHAINS) walk(w, chain, 0, false, found);
  found.delete(w);
  // Array.prototype.sort is stable: equal lengths keep discovery order.
  const stems = [...found].sort((a, b) => b.length - a.length);
  return [w, ...stems].slice(0, MAX_CANDIDATES);
}
