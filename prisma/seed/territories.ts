/**
 * The 20 top-level units of Kazakhstan (17 regions and the cities of republican significance Astana,
 * Almaty, Shymkent) with KATO-style codes, and a few real districts or cities of each.
 */
export interface TerritorySeed {
  code: string;
  kk: string;
  ru: string;
  en: string;
  districts: [kk: string, ru: string, en: string][];
}

export const REPUBLIC = {
  code: "000000000",
  kk: "Қазақстан Республикасы",
  ru: "Республика Казахстан",
  en: "Republic of Kazakhstan",
};

export const REGIONS: TerritorySeed[] = [
  {
    code: "100000000",
    kk: "Абай облысы",
    ru: "Абайская область",
    en: "Abai Region",
    districts: [
      ["Семей қаласы", "город Семей", "Semey City"],
      ["Аягөз ауданы", "Аягозский район", "Ayagoz District"],
      ["Үржар ауданы", "Урджарский район", "Urzhar District"],
    ],
  },
  {
    code: "110000000",
    kk: "Ақмола облысы",
    ru: "Акмолинская область",
    en: "Akmola Region",
    districts: [
      ["Көкшетау қаласы", "город Кокшетау", "Kokshetau City"],
      ["Бурабай ауданы", "Бурабайский район", "Burabay District"],
      ["Целиноград ауданы", "Целиноградский район", "Tselinograd District"],
    ],
  },
  {
    code: "150000000",
    kk: "Ақтөбе облысы",
    ru: "Актюбинская область",
    en: "Aktobe Region",
    districts: [
      ["Ақтөбе қаласы", "город Актобе", "Aktobe City"],
      ["Қарғалы ауданы", "Каргалинский район", "Kargaly District"],
      ["Мұғалжар ауданы", "Мугалжарский район", "Mugalzhar District"],
    ],
  },
  {
    code: "190000000",
    kk: "Алматы облысы",
    ru: "Алматинская область",
    en: "Almaty Region",
    districts: [
      ["Қонаев қаласы", "город Конаев", "Konaev City"],
      ["Еңбекшіқазақ ауданы", "Енбекшиказахский район", "Enbekshikazakh District"],
      ["Талғар ауданы", "Талгарский район", "Talgar District"],
    ],
  },
  {
    code: "230000000",
    kk: "Атырау облысы",
    ru: "Атырауская область",
    en: "Atyrau Region",
    districts: [
      ["Атырау қаласы", "город Атырау", "Atyrau City"],
      ["Жылыой ауданы", "Жылыойский район", "Zhylyoi District"],
      ["Мақат ауданы", "Макатский район", "Makat District"],
    ],
  },
  {
    code: "270000000",
    kk: "Батыс Қазақстан облысы",
    ru: "Западно-Казахстанская область",
    en: "West Kazakhstan Region",
    districts: [
      ["Орал қаласы", "город Уральск", "Oral City"],
      ["Бөрлі ауданы", "Бурлинский район", "Burli District"],
      ["Теректі ауданы", "Теректинский район", "Terekti District"],
    ],
  },
  {
    code: "310000000",
    kk: "Жамбыл облысы",
    ru: "Жамбылская область",
    en: "Jambyl Region",
    districts: [
      ["Тараз қаласы", "город Тараз", "Taraz City"],
      ["Жуалы ауданы", "Жуалынский район", "Zhualy District"],
      ["Шу ауданы", "Шуский район", "Shu District"],
    ],
  },
  {
    code: "330000000",
    kk: "Жетісу облысы",
    ru: "Жетысуская область",
    en: "Jetisu Region",
    districts: [
      ["Талдықорған қаласы", "город Талдыкорган", "Taldykorgan City"],
      ["Қаратал ауданы", "Каратальский район", "Karatal District"],
      ["Панфилов ауданы", "Панфиловский район", "Panfilov District"],
    ],
  },
  {
    code: "350000000",
    kk: "Қарағанды облысы",
    ru: "Карагандинская область",
    en: "Karaganda Region",
    districts: [
      ["Қарағанды қаласы", "город Караганда", "Karaganda City"],
      ["Теміртау қаласы", "город Темиртау", "Temirtau City"],
      ["Бұқар жырау ауданы", "Бухар-Жырауский район", "Bukhar-Zhyrau District"],
    ],
  },
  {
    code: "390000000",
    kk: "Қостанай облысы",
    ru: "Костанайская область",
    en: "Kostanay Region",
    districts: [
      ["Қостанай қаласы", "город Костанай", "Kostanay City"],
      ["Рудный қаласы", "город Рудный", "Rudny City"],
      ["Қарасу ауданы", "Карасуский район", "Karasu District"],
    ],
  },
  {
    code: "430000000",
    kk: "Қызылорда облысы",
    ru: "Кызылординская область",
    en: "Kyzylorda Region",
    districts: [
      ["Қызылорда қаласы", "город Кызылорда", "Kyzylorda City"],
      ["Арал ауданы", "Аральский район", "Aral District"],
      ["Қазалы ауданы", "Казалинский район", "Kazaly District"],
    ],
  },
  {
    code: "470000000",
    kk: "Маңғыстау облысы",
    ru: "Мангистауская область",
    en: "Mangystau Region",
    districts: [
      ["Ақтау қаласы", "город Актау", "Aktau City"],
      ["Жаңаөзен қаласы", "город Жанаозен", "Zhanaozen City"],
      ["Бейнеу ауданы", "Бейнеуский район", "Beineu District"],
    ],
  },
  {
    code: "550000000",
    kk: "Павлодар облысы",
    ru: "Павлодарская область",
    en: "Pavlodar Region",
    districts: [
      ["Павлодар қаласы", "город Павлодар", "Pavlodar City"],
      ["Екібастұз қаласы", "город Экибастуз", "Ekibastuz City"],
      ["Ертіс ауданы", "Иртышский район", "Irtysh District"],
    ],
  },
  {
    code: "590000000",
    kk: "Солтүстік Қазақстан облысы",
    ru: "Северо-Казахстанская область",
    en: "North Kazakhstan Region",
    districts: [
      ["Петропавл қаласы", "город Петропавловск", "Petropavl City"],
      ["Аққайың ауданы", "Аккайынский район", "Akkayin District"],
      ["Есіл ауданы", "Есильский район", "Esil District"],
    ],
  },
  {
    code: "610000000",
    kk: "Түркістан облысы",
    ru: "Туркестанская область",
    en: "Turkistan Region",
    districts: [
      ["Түркістан қаласы", "город Туркестан", "Turkistan City"],
      ["Сайрам ауданы", "Сайрамский район", "Sairam District"],
      ["Созақ ауданы", "Созакский район", "Sozak District"],
    ],
  },
  {
    code: "620000000",
    kk: "Ұлытау облысы",
    ru: "Улытауская область",
    en: "Ulytau Region",
    districts: [
      ["Жезқазған қаласы", "город Жезказган", "Zhezkazgan City"],
      ["Сәтбаев қаласы", "город Сатпаев", "Satbayev City"],
      ["Ұлытау ауданы", "Улытауский район", "Ulytau District"],
    ],
  },
  {
    code: "630000000",
    kk: "Шығыс Қазақстан облысы",
    ru: "Восточно-Казахстанская область",
    en: "East Kazakhstan Region",
    districts: [
      ["Өскемен қаласы", "город Усть-Каменогорск", "Oskemen City"],
      ["Риддер қаласы", "город Риддер", "Ridder City"],
      ["Зайсан ауданы", "Зайсанский район", "Zaisan District"],
    ],
  },
  {
    code: "710000000",
    kk: "Астана қаласы",
    ru: "город Астана",
    en: "Astana City",
    districts: [
      ["Алматы ауданы", "район Алматы", "Almaty District"],
      ["Есіл ауданы", "район Есиль", "Esil District"],
      ["Сарыарқа ауданы", "район Сарыарка", "Saryarka District"],
    ],
  },
  {
    code: "750000000",
    kk: "Алматы қаласы",
    ru: "город Алматы",
    en: "Almaty City",
    districts: [
      ["Алмалы ауданы", "Алмалинский район", "Almaly District"],
      ["Бостандық ауданы", "Бостандыкский район", "Bostandyk District"],
      ["Медеу ауданы", "Медеуский район", "Medeu District"],
    ],
  },
  {
    code: "790000000",
    kk: "Шымкент қаласы",
    ru: "город Шымкент",
    en: "Shymkent City",
    districts: [
      ["Абай ауданы", "Абайский район", "Abai District"],
      ["Әл-Фараби ауданы", "район Аль-Фараби", "Al-Farabi District"],
      ["Қаратау ауданы", "Каратауский район", "Karatau District"],
    ],
  },
];

/** District code: the region's first two digits, a two-digit district number, zeros. */
export function districtCode(regionCode: string, index: number): string {
  return `${regionCode.slice(0, 2)}${String((index + 1) * 2).padStart(2, "0")}00000`;
}
