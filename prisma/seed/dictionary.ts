/**
 * The dictionary's own starter vocabulary: about 190 common words on the themes of the Learn Kazakh
 * pages, written for this portal with Russian and English translations and a few examples. It makes the
 * dictionary useful without any import; `npm run dictionary:import` adds the large Apertium vocabulary.
 */
import type { Prisma, PrismaClient } from "../../lib/generated/prisma/client";
import { normalizeText } from "../../lib/text";
import { latinHeadword, slugify, uniqueSlug } from "../../lib/dictionary/slug";

/** [part of speech, Russian (";"-separated), English (";"-separated)] */
type Sense = [pos: string, ru: string, en: string];
/** [Kazakh, Russian, English] */
type Example = [kk: string, ru: string, en: string];
type Row = [lemma: string, themes: string, senses: Sense[], examples?: Example[]];

export const WORDS: Row[] = [
  // School
  [
    "мектеп",
    "school",
    [["n", "школа", "school"]],
    [
      ["Мен мектепке барамын.", "Я иду в школу.", "I am going to school."],
      [
        "Біздің мектептерде үш тілде оқытады.",
        "В наших школах обучают на трёх языках.",
        "Our schools teach in three languages.",
      ],
    ],
  ],
  [
    "мұғалім",
    "school",
    [["n", "учитель; учительница", "teacher"]],
    [["Мұғалім сабақты түсіндірді.", "Учитель объяснил урок.", "The teacher explained the lesson."]],
  ],
  [
    "оқушы",
    "school",
    [["n", "ученик; ученица; школьник", "pupil; schoolchild"]],
    [
      [
        "Сыныпта жиырма бес оқушы бар.",
        "В классе двадцать пять учеников.",
        "There are twenty-five pupils in the class.",
      ],
    ],
  ],
  ["сынып", "school", [["n", "класс", "class; form; grade"]]],
  [
    "сабақ",
    "school",
    [["n", "урок; занятие", "lesson; class"]],
    [["Сабақ сағат сегізде басталады.", "Урок начинается в восемь часов.", "The lesson starts at eight o'clock."]],
  ],
  [
    "кітап",
    "school",
    [["n", "книга", "book"]],
    [["Бұл кітап өте қызық.", "Эта книга очень интересная.", "This book is very interesting."]],
  ],
  ["дәптер", "school", [["n", "тетрадь", "exercise book; notebook"]]],
  ["қалам", "school", [["n", "ручка", "pen"]]],
  ["қарындаш", "school", [["n", "карандаш", "pencil"]]],
  ["парта", "school", [["n", "парта", "school desk"]]],
  ["тақта", "school", [["n", "доска", "board; blackboard"]]],
  ["сызғыш", "school", [["n", "линейка", "ruler"]]],
  ["өшіргіш", "school", [["n", "ластик; стёрка", "eraser; rubber"]]],
  ["сөмке", "school", [["n", "сумка; портфель", "bag; schoolbag"]]],
  ["оқулық", "school", [["n", "учебник", "textbook"]]],
  [
    "оқы",
    "school",
    [["v", "читать; учиться", "read; study"]],
    [["Ол кітап оқып отыр.", "Он читает книгу.", "He is reading a book."]],
  ],
  ["оқу", "school", [["n", "учёба; обучение; чтение", "study; education; reading"]]],
  [
    "жаз",
    "school time",
    [
      ["v", "писать", "write"],
      ["n", "лето", "summer"],
    ],
    [["Мен досыма хат жаздым.", "Я написал письмо другу.", "I wrote a letter to my friend."]],
  ],
  ["сана", "school numbers", [["v", "считать", "count"]]],
  ["үй тапсырмасы", "school", [["phr", "домашнее задание", "homework"]]],
  ["емтихан", "school", [["n", "экзамен", "exam; examination"]]],
  ["баға", "school", [["n", "оценка; цена", "mark; grade; price"]]],
  ["білім", "school", [["n", "знание; образование", "knowledge; education"]]],
  ["ғылым", "school", [["n", "наука", "science"]]],
  ["сұрақ", "school", [["n", "вопрос", "question"]]],
  ["жауап", "school", [["n", "ответ", "answer"]]],
  ["үзіліс", "school", [["n", "перемена; перерыв", "break; recess"]]],
  ["кітапхана", "school city", [["n", "библиотека", "library"]]],
  ["университет", "school", [["n", "университет", "university"]]],
  ["директор", "school", [["n", "директор", "head teacher; director"]]],
  [
    "тіл",
    "school greetings",
    [["n", "язык", "language; tongue"]],
    [["Қазақ тілі — мемлекеттік тіл.", "Казахский язык — государственный язык.", "Kazakh is the state language."]],
  ],
  ["сөз", "school greetings", [["n", "слово", "word"]]],
  ["сөздік", "school", [["n", "словарь", "dictionary"]]],
  ["аудар", "school", [["v", "переводить; перевести", "translate"]]],
  [
    "үйрен",
    "school",
    [["v", "учить; изучать; учиться", "learn"]],
    [["Мен қазақ тілін үйреніп жүрмін.", "Я изучаю казахский язык.", "I am learning Kazakh."]],
  ],

  // Family
  [
    "отбасы",
    "family",
    [["n", "семья", "family"]],
    [["Біздің отбасы үлкен.", "Наша семья большая.", "Our family is big."]],
  ],
  ["ана", "family", [["n", "мать; мама", "mother"]]],
  ["әке", "family", [["n", "отец; папа", "father"]]],
  [
    "бала",
    "family",
    [["n", "ребёнок; дитя", "child"]],
    [["Балалар аулада ойнап жүр.", "Дети играют во дворе.", "The children are playing in the yard."]],
  ],
  ["ұл", "family", [["n", "сын; мальчик", "son; boy"]]],
  ["қыз", "family", [["n", "дочь; девочка; девушка", "daughter; girl"]]],
  ["аға", "family", [["n", "старший брат; дядя", "elder brother; uncle"]]],
  ["іні", "family", [["n", "младший брат (у мужчины)", "younger brother (of a man)"]]],
  ["әпке", "family", [["n", "старшая сестра", "elder sister"]]],
  ["сіңлі", "family", [["n", "младшая сестра (у женщины)", "younger sister (of a woman)"]]],
  ["қарындас", "family", [["n", "младшая сестра (у мужчины)", "younger sister (of a man)"]]],
  ["бауыр", "family", [["n", "брат; родной человек", "brother; sibling"]]],
  ["ата", "family", [["n", "дедушка", "grandfather"]]],
  [
    "әже",
    "family",
    [["n", "бабушка", "grandmother"]],
    [["Әжем бізге ертегі айтып берді.", "Бабушка рассказала нам сказку.", "Grandmother told us a fairy tale."]],
  ],
  ["немере", "family", [["n", "внук; внучка", "grandchild"]]],
  ["күйеу", "family", [["n", "муж; зять", "husband; son-in-law"]]],
  ["әйел", "family", [["n", "жена; женщина", "wife; woman"]]],
  ["ер", "family", [["n", "мужчина; муж", "man; husband"]]],
  ["туыс", "family", [["n", "родственник", "relative"]]],
  ["жиен", "family", [["n", "племянник (сын сестры или дочери)", "nephew; niece (sister's or daughter's child)"]]],
  ["нәресте", "family", [["n", "младенец", "baby; infant"]]],
  ["үйлен", "family", [["v", "жениться; выйти замуж", "marry; get married"]]],
  ["ата-ана", "family", [["n", "родители", "parents"]]],

  // Numbers
  ["нөл", "numbers", [["num", "ноль", "zero"]]],
  [
    "бір",
    "numbers",
    [["num", "один", "one"]],
    [["Менің бір ағам бар.", "У меня есть один старший брат.", "I have one elder brother."]],
  ],
  ["екі", "numbers", [["num", "два", "two"]]],
  ["үш", "numbers", [["num", "три", "three"]]],
  ["төрт", "numbers", [["num", "четыре", "four"]]],
  ["бес", "numbers", [["num", "пять", "five"]]],
  ["алты", "numbers", [["num", "шесть", "six"]]],
  ["жеті", "numbers", [["num", "семь", "seven"]]],
  ["сегіз", "numbers", [["num", "восемь", "eight"]]],
  ["тоғыз", "numbers", [["num", "девять", "nine"]]],
  ["он", "numbers", [["num", "десять", "ten"]]],
  ["жиырма", "numbers", [["num", "двадцать", "twenty"]]],
  ["отыз", "numbers", [["num", "тридцать", "thirty"]]],
  ["қырық", "numbers", [["num", "сорок", "forty"]]],
  ["елу", "numbers", [["num", "пятьдесят", "fifty"]]],
  ["алпыс", "numbers", [["num", "шестьдесят", "sixty"]]],
  ["жетпіс", "numbers", [["num", "семьдесят", "seventy"]]],
  ["сексен", "numbers", [["num", "восемьдесят", "eighty"]]],
  ["тоқсан", "numbers", [["num", "девяносто", "ninety"]]],
  ["жүз", "numbers", [["num", "сто", "hundred"]]],
  ["мың", "numbers", [["num", "тысяча", "thousand"]]],
  ["миллион", "numbers", [["num", "миллион", "million"]]],
  ["бірінші", "numbers", [["num", "первый", "first"]]],
  ["екінші", "numbers", [["num", "второй", "second"]]],
  ["жарты", "numbers time", [["n", "половина", "half"]]],
  ["сан", "numbers", [["n", "число; количество", "number; quantity"]]],

  // Time
  [
    "уақыт",
    "time",
    [["n", "время", "time"]],
    [["Уақыт өте тез өтеді.", "Время проходит очень быстро.", "Time passes very quickly."]],
  ],
  [
    "күн",
    "time",
    [["n", "день; солнце", "day; sun"]],
    [["Бүгін күн жылы.", "Сегодня тёплый день.", "It is a warm day today."]],
  ],
  ["түн", "time", [["n", "ночь", "night"]]],
  ["таң", "time", [["n", "рассвет; утро", "dawn; daybreak"]]],
  ["таңертең", "time", [["adv", "утром", "in the morning"]]],
  [
    "кеш",
    "time",
    [
      ["n", "вечер", "evening"],
      ["adj", "поздний", "late"],
    ],
  ],
  ["бүгін", "time", [["adv", "сегодня", "today"]]],
  [
    "ертең",
    "time",
    [["adv", "завтра", "tomorrow"]],
    [["Ертең мектепке бармаймыз.", "Завтра мы не идём в школу.", "We are not going to school tomorrow."]],
  ],
  ["кеше", "time", [["adv", "вчера", "yesterday"]]],
  ["апта", "time", [["n", "неделя", "week"]]],
  ["ай", "time", [["n", "месяц; луна", "month; moon"]]],
  ["жыл", "time", [["n", "год", "year"]], [["Жаңа жыл құтты болсын!", "С Новым годом!", "Happy New Year!"]]],
  ["сағат", "time", [["n", "час; часы", "hour; clock; watch"]]],
  ["минут", "time", [["n", "минута", "minute"]]],
  ["секунд", "time", [["n", "секунда", "second (of time)"]]],
  ["қыс", "time", [["n", "зима", "winter"]]],
  ["көктем", "time", [["n", "весна", "spring"]]],
  ["күз", "time", [["n", "осень", "autumn; fall"]]],
  ["дүйсенбі", "time", [["n", "понедельник", "Monday"]]],
  ["сейсенбі", "time", [["n", "вторник", "Tuesday"]]],
  ["сәрсенбі", "time", [["n", "среда", "Wednesday"]]],
  ["бейсенбі", "time", [["n", "четверг", "Thursday"]]],
  ["жұма", "time", [["n", "пятница", "Friday"]]],
  ["сенбі", "time", [["n", "суббота", "Saturday"]]],
  ["жексенбі", "time", [["n", "воскресенье", "Sunday"]]],
  ["қазір", "time", [["adv", "сейчас; теперь", "now"]]],
  ["әрқашан", "time", [["adv", "всегда", "always"]]],
  ["ерте", "time", [["adv", "рано", "early"]]],
  ["кейін", "time", [["adv", "потом; после", "later; after"]]],
  ["бұрын", "time", [["adv", "раньше; прежде", "before; earlier"]]],

  // City
  [
    "қала",
    "city",
    [["n", "город", "city; town"]],
    [
      [
        "Астана — Қазақстанның астанасы, үлкен қала.",
        "Астана — столица Казахстана, большой город.",
        "Astana is the capital of Kazakhstan, a big city.",
      ],
    ],
  ],
  ["көше", "city", [["n", "улица", "street"]]],
  [
    "үй",
    "city family",
    [["n", "дом", "house; home"]],
    [["Біздің үй мектептің қасында.", "Наш дом рядом со школой.", "Our house is next to the school."]],
  ],
  ["дүкен", "city", [["n", "магазин", "shop; store"]]],
  ["аурухана", "city", [["n", "больница", "hospital"]]],
  ["дәріхана", "city", [["n", "аптека", "pharmacy; chemist's"]]],
  ["базар", "city", [["n", "базар; рынок", "market; bazaar"]]],
  ["саябақ", "city", [["n", "парк", "park"]]],
  ["көпір", "city", [["n", "мост", "bridge"]]],
  ["алаң", "city", [["n", "площадь", "square"]]],
  ["аялдама", "city", [["n", "остановка", "stop (bus, tram)"]]],
  ["автобус", "city", [["n", "автобус", "bus"]]],
  ["пойыз", "city", [["n", "поезд", "train"]]],
  ["көлік", "city", [["n", "транспорт; машина", "vehicle; transport; car"]]],
  ["жол", "city", [["n", "дорога; путь", "road; way"]]],
  ["әуежай", "city", [["n", "аэропорт", "airport"]]],
  ["вокзал", "city", [["n", "вокзал", "railway station"]]],
  ["мейрамхана", "city food", [["n", "ресторан", "restaurant"]]],
  ["қонақ", "city", [["n", "гость", "guest"]]],
  ["қонақ үй", "city", [["phr", "гостиница", "hotel"]]],
  ["мұражай", "city", [["n", "музей", "museum"]]],
  ["театр", "city", [["n", "театр", "theatre"]]],
  ["банк", "city", [["n", "банк", "bank"]]],
  ["пошта", "city", [["n", "почта", "post office; mail"]]],
  ["ғимарат", "city", [["n", "здание", "building"]]],
  ["пәтер", "city", [["n", "квартира", "flat; apartment"]]],
  ["ауыл", "city", [["n", "село; аул", "village"]]],
  ["орталық", "city", [["n", "центр", "centre"]]],

  // Food
  [
    "нан",
    "food",
    [["n", "хлеб", "bread"]],
    [["Дүкеннен нан сатып алдым.", "Я купил хлеб в магазине.", "I bought bread at the shop."]],
  ],
  ["су", "food", [["n", "вода", "water"]]],
  ["сүт", "food", [["n", "молоко", "milk"]]],
  ["шай", "food", [["n", "чай", "tea"]]],
  ["ет", "food", [["n", "мясо", "meat"]]],
  ["балық", "food", [["n", "рыба", "fish"]]],
  ["алма", "food", [["n", "яблоко", "apple"]]],
  ["жұмыртқа", "food", [["n", "яйцо", "egg"]]],
  ["ірімшік", "food", [["n", "сыр; творог", "cheese; cottage cheese"]]],
  ["тұз", "food", [["n", "соль", "salt"]]],
  ["қант", "food", [["n", "сахар", "sugar"]]],
  ["күріш", "food", [["n", "рис", "rice"]]],
  ["көкөніс", "food", [["n", "овощ; овощи", "vegetable"]]],
  ["жеміс", "food", [["n", "фрукт; плод", "fruit"]]],
  ["тамақ", "food", [["n", "еда; пища", "food; meal"]]],
  ["бал", "food", [["n", "мёд", "honey"]]],
  ["қымыз", "food", [["n", "кумыс", "kumis (fermented mare's milk)"]]],
  ["іш", "food", [["v", "пить", "drink"]]],
  [
    "же",
    "food",
    [["v", "есть; кушать", "eat"]],
    [["Біз түсте палау жедік.", "В обед мы ели плов.", "We ate pilaf at lunch."]],
  ],

  // Colours
  [
    "түс",
    "colours time",
    [
      ["n", "цвет", "colour"],
      ["n", "полдень", "noon; midday"],
    ],
  ],
  ["ақ", "colours", [["adj", "белый", "white"]]],
  [
    "қара",
    "colours",
    [
      ["adj", "чёрный", "black"],
      ["v", "смотреть", "look"],
    ],
  ],
  ["қызыл", "colours", [["adj", "красный", "red"]]],
  ["көк", "colours", [["adj", "синий; голубой", "blue"]], [["Аспан көк.", "Небо голубое.", "The sky is blue."]]],
  ["жасыл", "colours", [["adj", "зелёный", "green"]]],
  ["сары", "colours", [["adj", "жёлтый", "yellow"]]],
  ["қоңыр", "colours", [["adj", "коричневый", "brown"]]],
  ["сұр", "colours", [["adj", "серый", "grey; gray"]]],
  ["күлгін", "colours", [["adj", "фиолетовый", "purple; violet"]]],

  // Greetings and everyday words
  [
    "сәлем",
    "greetings",
    [["ij", "привет", "hello; hi"]],
    [["Сәлем, қалың қалай?", "Привет, как дела?", "Hi, how are you?"]],
  ],
  ["сәлеметсіз бе", "greetings", [["phr", "здравствуйте", "hello (polite)"]]],
  [
    "рақмет",
    "greetings",
    [["ij", "спасибо", "thank you; thanks"]],
    [["Көмегіңізге рақмет!", "Спасибо за вашу помощь!", "Thank you for your help!"]],
  ],
  ["иә", "greetings", [["part", "да", "yes"]]],
  [
    "жоқ",
    "greetings",
    [
      ["part", "нет", "no"],
      ["adj", "отсутствующий", "absent; missing"],
    ],
  ],
  ["кешіріңіз", "greetings", [["ij", "извините; простите", "excuse me; sorry"]]],
  ["сау болыңыз", "greetings", [["phr", "до свидания", "goodbye"]]],
  ["қош келдіңіз", "greetings", [["phr", "добро пожаловать", "welcome"]]],
  [
    "жақсы",
    "greetings",
    [
      ["adj", "хороший", "good"],
      ["adv", "хорошо", "well"],
    ],
  ],
  ["жаман", "greetings", [["adj", "плохой", "bad"]]],
  ["үлкен", "greetings", [["adj", "большой", "big; large"]]],
  ["кішкентай", "greetings", [["adj", "маленький", "small; little"]]],
  ["жаңа", "greetings", [["adj", "новый", "new"]]],
  ["ескі", "greetings", [["adj", "старый", "old"]]],
  [
    "дос",
    "greetings",
    [["n", "друг", "friend"]],
    [["Ол менің ең жақын досым.", "Он мой самый близкий друг.", "He is my closest friend."]],
  ],
  ["адам", "greetings", [["n", "человек", "person; human"]]],
  ["ел", "greetings", [["n", "страна; народ", "country; people"]]],
  ["қазақ", "greetings", [["n", "казах", "Kazakh"]]],
  [
    "сөйле",
    "greetings",
    [["v", "говорить", "speak; talk"]],
    [["Сіз қазақша сөйлейсіз бе?", "Вы говорите по-казахски?", "Do you speak Kazakh?"]],
  ],
  ["біл", "greetings", [["v", "знать", "know"]]],
  ["түсін", "greetings", [["v", "понимать", "understand"]]],
  ["кел", "greetings", [["v", "приходить; приезжать", "come"]]],
  [
    "бар",
    "greetings",
    [
      ["v", "идти; ехать", "go"],
      ["adj", "имеющийся; есть", "existing; there is"],
    ],
  ],
  ["бер", "greetings", [["v", "давать", "give"]]],
  ["ал", "greetings", [["v", "брать; получать", "take; get"]]],
  ["көр", "greetings", [["v", "видеть", "see"]]],
  ["тыңда", "greetings", [["v", "слушать", "listen"]]],
  ["айт", "greetings", [["v", "сказать; говорить", "say; tell"]]],
];

/** [lemma, lemma, kind] */
export const RELATIONS: [string, string, "SYNONYM" | "ANTONYM" | "RELATED" | "PHRASE"][] = [
  ["ақ", "қара", "ANTONYM"],
  ["жақсы", "жаман", "ANTONYM"],
  ["үлкен", "кішкентай", "ANTONYM"],
  ["жаңа", "ескі", "ANTONYM"],
  ["күн", "түн", "ANTONYM"],
  ["иә", "жоқ", "ANTONYM"],
  ["ерте", "кеш", "ANTONYM"],
  ["сұрақ", "жауап", "ANTONYM"],
  ["бүгін", "ертең", "RELATED"],
  ["бүгін", "кеше", "RELATED"],
  ["мектеп", "оқушы", "RELATED"],
  ["мектеп", "мұғалім", "RELATED"],
  ["мектеп", "сынып", "RELATED"],
  ["кітап", "кітапхана", "RELATED"],
  ["кітап", "оқулық", "RELATED"],
  ["оқы", "оқушы", "RELATED"],
  ["оқы", "оқу", "RELATED"],
  ["сөз", "сөздік", "RELATED"],
  ["ана", "әке", "RELATED"],
  ["ата", "әже", "RELATED"],
  ["ата-ана", "ана", "RELATED"],
  ["ата-ана", "әке", "RELATED"],
  ["бауыр", "аға", "RELATED"],
  ["ер", "күйеу", "RELATED"],
  ["үй", "үй тапсырмасы", "PHRASE"],
  ["үй", "қонақ үй", "PHRASE"],
  ["қонақ", "қонақ үй", "PHRASE"],
  ["сәлем", "сәлеметсіз бе", "RELATED"],
  ["сәлем", "сау болыңыз", "RELATED"],
  ["түс", "қызыл", "RELATED"],
];

export const DICTIONARY_SEED_SIZE = WORDS.length;

/** Inserts the starter vocabulary (five bulk inserts). Entries count as checked. */
export async function seedDictionary(prisma: PrismaClient): Promise<number> {
  const entries: Prisma.DictionaryEntryCreateManyInput[] = [];
  const senses: Prisma.DictionarySenseCreateManyInput[] = [];
  const translations: Prisma.DictionaryTranslationCreateManyInput[] = [];
  const examples: Prisma.DictionaryExampleCreateManyInput[] = [];
  const slugs = new Set<string>();
  const idOf = new Map<string, string>();
  const now = new Date();
  WORDS.forEach(([lemma, themes, senseRows, exampleRows], index) => {
    const slug = uniqueSlug(slugify(lemma), (s) => slugs.has(s));
    slugs.add(slug);
    const id = `ds_${slug}`;
    idOf.set(lemma, id);
    entries.push({
      id,
      slug,
      lemma,
      lemmaLatin: latinHeadword(lemma),
      normalized: normalizeText(lemma),
      themes: themes.split(" "),
      // Earlier words in each theme are the more basic ones.
      weight: 1000 - index,
      source: "seed",
      checked: true,
      checkedAt: now,
    });
    senseRows.forEach(([pos, ru, en], position) => {
      const senseId = `${id}_${position}`;
      senses.push({ id: senseId, entryId: id, position, partOfSpeech: pos, source: "seed" });
      for (const [lang, list] of [
        ["ru", ru],
        ["en", en],
      ] as const) {
        list
          .split(";")
          .map((t) => t.trim())
          .filter(Boolean)
          .forEach((text, i) => {
            translations.push({
              id: `${senseId}_${lang}${i}`,
              senseId,
              lang,
              text,
              normalized: normalizeText(text),
              position: i,
              source: "seed",
            });
          });
      }
      if (position === 0) {
        (exampleRows ?? []).forEach(([kk, exRu, exEn], i) =>
          examples.push({ id: `${senseId}_ex${i}`, senseId, position: i, kk, ru: exRu, en: exEn }),
        );
      }
    });
  });
  await prisma.dictionaryEntry.createMany({ data: entries });
  await prisma.dictionarySense.createMany({ data: senses });
  await prisma.dictionaryTranslation.createMany({ data: translations });
  await prisma.dictionaryExample.createMany({ data: examples });
  await prisma.dictionaryRelation.createMany({
    data: RELATIONS.map(([from, to, kind]) => ({ fromId: idOf.get(from)!, toId: idOf.get(to)!, kind })),
  });
  return entries.length;
}
