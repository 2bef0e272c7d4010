import type { DemoLang } from './demo-templates';

/**
 * The people (and a few news outlets) who post the demo mentions. Channel-specific ids
 * (numeric X ids, e-mail addresses, WhatsApp numbers…) are derived from the handle, so an
 * author keeps the same id on a channel whatever the seed.
 */
export interface DemoAuthorProfile {
  readonly lang: DemoLang;
  /** ASCII handle, unique across the pool. */
  readonly handle: string;
  readonly displayName: string;
  /** How a support agent would address them (first name, or family name for Japanese). */
  readonly callName: string;
  /** Typical audience on social channels. */
  readonly followers: number;
  readonly kind: 'person' | 'influencer' | 'media';
  /** News outlets only: the site their RSS items link to. */
  readonly domain?: string;
}

type AuthorRow = readonly [handle: string, displayName: string, callName: string, followers: number];

const PEOPLE: Record<DemoLang, readonly AuthorRow[]> = {
  en: [
    ['jesscarterr', 'Jess Carter', 'Jess', 820],
    ['mikeoneill_', "Mike O'Neill", 'Mike', 312],
    ['tomreed88', 'Tom Reed', 'Tom', 95],
    ['kaylab', 'Kayla ✨', 'Kayla', 1530],
    ['dkim_dev', 'Daniel Kim', 'Daniel', 2760],
    ['sarahmitch', 'Sarah Mitchell', 'Sarah', 410],
    ['big_dave_ldn', 'Dave', 'Dave', 57],
    ['priyashah_tech', 'Priya Shah', 'Priya', 48200],
  ],
  ru: [
    ['alex_smirnov', 'Алексей Смирнов', 'Алексей', 230],
    ['masha_iv', 'Маша Иванова', 'Маша', 1240],
    ['dimak', 'Дима К.', 'Дмитрий', 88],
    ['katya_popova', 'Екатерина Попова', 'Екатерина', 5400],
    ['igor_volkov77', 'Игорь Волков', 'Игорь', 150],
    ['anna_sokol', 'Анна Соколова', 'Анна', 690],
    ['oleg_nsk', 'Олег', 'Олег', 42],
  ],
  th: [
    ['nattapon_s', 'ณัฐพล ศรีสุข', 'ณัฐพล', 340],
    ['pimchanok_w', 'พิมพ์ชนก วงศ์ใหญ่', 'พิมพ์ชนก', 2100],
    ['kittisak_td', 'กิตติศักดิ์ ทองดี', 'กิตติศักดิ์', 76],
    ['sudarat_kaew', 'สุดารัตน์ แก้วมณี', 'สุดารัตน์', 980],
    ['thanawat_j', 'ธนวัฒน์ จันทร์เพ็ญ', 'ธนวัฒน์', 410],
    ['mook_mook99', 'มุก 🌸', 'มุก', 3300],
  ],
  tr: [
    ['emreyilmaz', 'Emre Yılmaz', 'Emre', 640],
    ['zeynepkaya_', 'Zeynep Kaya', 'Zeynep', 2200],
    ['burakdmr', 'Burak Demir', 'Burak', 130],
    ['elifsahin', 'Elif Şahin', 'Elif', 870],
    ['mehmet_celik34', 'Mehmet Çelik', 'Mehmet', 55],
    ['aysee_aydin', 'Ayşe Aydın', 'Ayşe', 1490],
    ['canberk_06', 'Canberk', 'Canberk', 310],
  ],
  fr: [
    ['camille_mrt', 'Camille Martin', 'Camille', 760],
    ['lucasbernard', 'Lucas Bernard', 'Lucas', 215],
    ['chloe_dbs', 'Chloé Dubois', 'Chloé', 3900],
    ['hugo_lfv', 'Hugo Lefèvre', 'Hugo', 98],
    ['manon_moreau', 'Manon Moreau', 'Manon', 1120],
    ['juju_roux', 'Julien Roux', 'Julien', 47],
    ['nadia_bk', 'Nadia B.', 'Nadia', 530],
  ],
  es: [
    ['luciagarcia_', 'Lucía García', 'Lucía', 1180],
    ['javi_fdez', 'Javi Fernández', 'Javi', 390],
    ['carmenlopez', 'Carmen López', 'Carmen', 240],
    ['pablo_mtz', 'Pablo Martínez', 'Pablo', 86],
    ['sofi_romero', 'Sofía Romero', 'Sofía', 4600],
    ['diego_nav', 'Diego Navarro', 'Diego', 720],
    ['marta_bcn', 'Marta 🌻', 'Marta', 1350],
  ],
  ar: [
    ['m_alotaibi', 'محمد العتيبي', 'محمد', 2300],
    ['noura_q', 'نورة القحطاني', 'نورة', 5100],
    ['abdullah_sh', 'عبدالله الشمري', 'عبدالله', 410],
    ['sara_alharbi', 'سارة الحربي', 'سارة', 980],
    ['fahad_d', 'فهد الدوسري', 'فهد', 150],
    ['reem_z', 'ريم الزهراني', 'ريم', 3600],
    ['khaled_dxb', 'خالد', 'خالد', 64],
  ],
  ja: [
    ['kenta_sato', '佐藤 健太', '佐藤', 480],
    ['misaki_suzu', '鈴木 美咲', '鈴木', 1900],
    ['sho_taka', '高橋 翔', '高橋', 120],
    ['yui_tanaka', '田中 由衣', '田中', 860],
    ['daisuke_ito', '伊藤 大輔', '伊藤', 300],
    ['neko_tarou', 'ねこたろう🐈', 'ねこたろう', 7400],
  ],
  de: [
    ['lukas_mueller', 'Lukas Müller', 'Lukas', 350],
    ['anna_schmidt', 'Anna Schmidt', 'Anna', 1240],
    ['jonasweber', 'Jonas Weber', 'Jonas', 90],
    ['laura_fi', 'Laura Fischer', 'Laura', 2750],
    ['felix_wgnr', 'Felix Wagner', 'Felix', 430],
    ['sophie_bckr', 'Sophie Becker', 'Sophie', 610],
    ['kalle_hh', 'Kalle', 'Kalle', 38],
  ],
  pt: [
    ['anasouza', 'Ana Souza', 'Ana', 1560],
    ['lucas_oliv', 'Lucas Oliveira', 'Lucas', 420],
    ['mari_santos', 'Mariana Santos', 'Mariana', 6200],
    ['gabriel_p', 'Gabriel Pereira', 'Gabriel', 180],
    ['ju_costa', 'Ju Costa 💜', 'Juliana', 2300],
    ['rafa_lima', 'Rafael Lima', 'Rafael', 95],
    ['thiago_poa', 'Thiago', 'Thiago', 510],
  ],
  hi: [
    ['rahul_sharma', 'राहुल शर्मा', 'राहुल', 890],
    ['priya_verma', 'प्रिया वर्मा', 'प्रिया', 2400],
    ['amitk_99', 'अमित कुमार', 'अमित', 140],
    ['neha_singh', 'नेहा सिंह', 'नेहा', 3100],
    ['vikrampatel', 'Vikram Patel', 'Vikram', 670],
    ['sneha_iyer', 'Sneha Iyer', 'Sneha', 1200],
    ['arjun_blr', 'Arjun', 'Arjun', 73],
  ],
};

/** One tech influencer per language (large audience). */
const INFLUENCERS: Record<DemoLang, AuthorRow> = {
  en: ['gadgetgrind', 'Gadget Grind', 'Gadget Grind team', 312000],
  ru: ['max_gadgets', 'Макс | Гаджеты', 'Макс', 184000],
  th: ['boss_review_th', 'รีวิวมือถือ by บอส', 'บอส', 256000],
  tr: ['teknolojikurdu', 'Teknoloji Kurdu', 'Teknoloji Kurdu', 143000],
  fr: ['techminute_fr', 'Tech Minute', 'Tech Minute', 97000],
  es: ['tecnoadicto', 'Tecnoadicto', 'Tecnoadicto', 121000],
  ar: ['tech_plus_ar', 'تقني بلس', 'تقني بلس', 520000],
  ja: ['gadgeko', 'ガジェ子', 'ガジェ子', 210000],
  de: ['techtalk_tobi', 'TechTalk Tobi', 'Tobi', 98000],
  pt: ['canaltecnobr', 'Canal TecnoBR', 'Canal TecnoBR', 410000],
  hi: ['techguru_ankit', 'Tech Guru Ankit', 'Ankit', 1200000],
};

/** One fictional news outlet per language (RSS items). */
const MEDIA: Record<DemoLang, readonly [handle: string, displayName: string, domain: string]> = {
  en: ['techwire_daily', 'TechWire Daily', 'techwire-daily.example'],
  ru: ['hitech_news_ru', 'Хайтек Ньюс', 'hitech-news.example'],
  th: ['thaitechnews', 'ไทยเทคนิวส์', 'thaitechnews.example'],
  tr: ['teknoloji_gundemi', 'Teknoloji Gündemi', 'teknoloji-gundemi.example'],
  fr: ['numerique_hebdo', 'Numérique Hebdo', 'numerique-hebdo.example'],
  es: ['diario_tecnologico', 'Diario Tecnológico', 'diario-tecnologico.example'],
  ar: ['tech_portal_ar', 'البوابة التقنية', 'tech-portal-ar.example'],
  ja: ['mobile_news24', 'モバイルニュース24', 'mobile-news24.example'],
  de: ['netzwelt_heute', 'Netzwelt Heute', 'netzwelt-heute.example'],
  pt: ['tecnoblog_diario', 'Tecnoblog Diário', 'tecnoblog-diario.example'],
  hi: ['tech_samachar', 'टेक समाचार', 'tech-samachar.example'],
};

export const DEMO_AUTHORS: readonly DemoAuthorProfile[] = (Object.keys(PEOPLE) as DemoLang[]).flatMap(
  (lang) => {
    const [ih, idn, icn, ifl] = INFLUENCERS[lang];
    const [mh, mdn, domain] = MEDIA[lang];
    return [
      ...PEOPLE[lang].map(
        ([handle, displayName, callName, followers]): DemoAuthorProfile => ({
          lang,
          handle,
          displayName,
          callName,
          followers,
          kind: 'person',
        }),
      ),
      { lang, handle: ih, displayName: idn, callName: icn, followers: ifl, kind: 'influencer' },
      { lang, handle: mh, displayName: mdn, callName: mdn, followers: 0, kind: 'media', domain },
    ];
  },
);
