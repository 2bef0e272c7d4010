import type { KeywordSet } from '../intent-keywords';

/**
 * Keyword lists for the intent flags that can hold alongside the primary intent: lead, spam,
 * crisis and toxic (insults). Same conventions as intent-keywords.ts: `words` are regex
 * sources matched as whole words/phrases, case-insensitively; `fragments` are matched
 * anywhere (ja, th and other scripts written without spaces). Languages: en ru fr es de pt
 * tr ar ja th hi (plus a few it/zh/ko entries). All languages are applied to every text
 * except the toxicity lists, which follow the detected language (see toxicity.ts).
 */

const W = String.raw`\p{L}*`;

/** A business buyer, not a consumer: needs business context AND a buying need (see flags.ts). */
export const LEAD_CONTEXT: KeywordSet = {
  words: [
    // en
    String.raw`(?:our|my) (?:company|business|office|offices|team|staff|employees|firm|startup|shop|store|restaurant|hotel|school|clinic|organi[sz]ation|branch(?:es)?)`,
    'for (?:the|our) (?:company|office|team|staff|employees)', 'corporate', 'enterprise', 'b2b',
    String.raw`\d{2,} (?:units|phones|devices|laptops|licen[cs]es|seats|users|employees|lines|sims?|pieces|pcs)`,
    // ru
    String.raw`(?:наш${W}|для) (?:компани${W}|офис${W}|фирм${W}|сотрудник${W}|бизнес${W}|организаци${W})`, String.raw`юр\.? ?лиц${W}`, 'корпоративн' + W, 'оптом', 'опт',
    // fr
    String.raw`(?:notre|nos|pour (?:la|notre|nos)) (?:entreprise|société|bureau|bureaux|équipe|salariés|employés|boutique)`, 'professionnel(?:le)?s?', 'en gros',
    // es
    String.raw`(?:nuestra|nuestro|nuestros|para (?:la|nuestra|nuestro)) (?:empresa|oficina|negocio|equipo|empleados|tienda)`, 'corporativ[oa]s?', 'al por mayor',
    // de
    String.raw`(?:unsere?[mnrs]?|für (?:die|unsere?[mnrs]?)) (?:firma|unternehmen|büro|team|mitarbeiter|filiale[n]?)`, 'geschäftskund' + W, 'firmenkund' + W,
    // pt
    String.raw`(?:nossa|nosso|nossos|para (?:a|nossa|nosso)) (?:empresa|escritório|negócio|equipe|equipa|funcionários|loja)`, 'atacado', 'corporativ[oa]s?',
    // tr
    'şirketimiz' + W, 'ofisimiz' + W, 'firmamız' + W, 'işyerimiz' + W, 'toptan', 'kurumsal',
    // ar
    'لشركتنا', 'شركتنا', 'لمكتبنا', 'مكتبنا', 'لموظفينا', 'مؤسستنا', 'للشركة', 'للمكتب', 'بالجملة', 'شركات',
    // hi
    'हमारी कंपनी', 'हमारे ऑफिस', 'ऑफिस के लिए', 'कंपनी के लिए', 'थोक', 'कर्मचारियों',
  ],
  fragments: ['弊社', '当社', '法人', 'オフィス用', '社員', '業務用', '大量注文', '見積', 'บริษัท', 'สำนักงาน', 'ออฟฟิศ', 'พนักงาน', 'ขายส่ง', '公司用', '批发', '企业'],
};

/** Strong lead signals on their own. */
export const LEAD_STRONG: KeywordSet = {
  words: [
    String.raw`(?:request|need|get|send (?:me|us)) an? (?:quote|quotation|proposal)`, 'bulk (?:order|purchase|pricing|discount)', 'wholesale',
    'volume (?:pricing|discount|license)', 'reseller', 'distributor', String.raw`partnership (?:inquiry|opportunity|proposal)`,
    'business (?:plan|account|pricing|line|fibre|fiber|broadband)', 'corporate (?:plan|account|pricing|rate)',
    'коммерческое предложение', 'оптов' + W, 'demande de devis', 'devis', 'cotización', 'presupuesto para', 'mayorista',
    'angebot für', 'großhandel', 'mengenrabatt', 'orçamento', 'revendedor', 'teklif', 'bayilik', 'عرض سعر', 'موزع', 'कोटेशन',
  ],
  fragments: ['見積もり', '卸売', 'ใบเสนอราคา', '报价'],
};

/** The buying need that, with business context, makes a lead. */
export const LEAD_NEED: KeywordSet = {
  words: [
    'need', 'needs', 'looking for', 'interested in', 'want to (?:buy|order|purchase|get)', 'quote', 'plan', 'plans', 'pricing', 'offer', 'contract',
    'нужн' + W, 'ищем', 'интересует', 'купить', 'закупить', 'тариф' + W, 'besoin', 'cherchons', 'cherche', 'offre', 'forfait', 'acheter',
    'necesitamos', 'necesito', 'buscamos', 'busco', 'plan', 'comprar', 'brauchen', 'suchen', 'benötigen', 'tarif', 'kaufen',
    'precisamos', 'procuramos', 'plano', 'ihtiyac' + W, 'arıyoruz', 'lazım', 'almak', 'نحتاج', 'نبحث', 'باقة', 'चाहिए', 'प्लान',
    String.raw`\d{2,}`,
  ],
  fragments: ['欲しい', '必要', '導入', '検討', 'ต้องการ', 'อยากได้', 'แพ็กเกจ', '需要'],
};

export const SPAM_KEYWORDS: KeywordSet = {
  words: [
    // en
    String.raw`dm (?:me|us) (?:to|for)`, 'earn \\$?\\d+', String.raw`make \$?\d+[k]? (?:a|per) (?:day|week|hour)`, 'work from home', 'passive income',
    'crypto', 'bitcoin', 'btc', 'ethereum', 'forex', 'airdrop', 'nft', 'giveaway', 'free followers', 'follow (?:me|back|for follow)', 'f4f',
    'link in (?:my )?bio', 'click (?:the )?link', 'onlyfans', 'hot (?:girls|singles)', 'sexy', 'xxx', 'porn', 'casino', 'betting', 'promo code',
    String.raw`\d+% off`, 'limited offer', 'investment opportunity', 'whatsapp me', 'telegram me', 'cheap followers', 'buy followers',
    // ru
    'заработ' + W, 'пассивн' + W + ' доход', 'криптовалют' + W, 'пиши в (?:лс|директ|личку)', 'ставки', 'казино', 'ссылка в профиле', 'инвестиц' + W,
    // fr / es / pt / de / tr
    'gagner de l.argent', 'argent facile', 'ganar dinero', 'dinero fácil', 'ganhar dinheiro', 'dinheiro fácil', 'geld verdienen',
    'para kazan' + W, 'bahis', 'kumar', 'takipçi',
    // ar / hi
    'اربح', 'ربح سريع', 'تداول', 'عملات رقمية', 'पैसे कमाएं', 'घर बैठे',
  ],
  fragments: ['稼げる', '副業', '仮想通貨', '出会い', 'プロフのリンク', 'รายได้เสริม', 'สมัครเลย', 'ทักแชท', 'คาสิโน', 'บาคาร่า', '赚钱', '加微信'],
};

export const CRISIS_KEYWORDS: KeywordSet = {
  words: [
    // en: legal
    String.raw`(?:i'?ll|i will|i'm going to|gonna|going to|we will|we'll) (?:sue|take (?:you|this) to court|report you|call my lawyer)`,
    'sue you', 'lawsuit', 'lawyer', 'attorney', 'legal action', 'class action', 'small claims', 'consumer protection', 'trading standards',
    'ombudsman', String.raw`(?:report(?:ing)?|complain(?:ing)?) to the (?:ftc|fcc|bbb|regulator|authorities|police)`,
    // en: safety
    String.raw`(?:exploded|explode|exploding|explosion|caught fire|burst into flames|catch fire|overheat(?:ed|ing|s)?|(?:battery|phone|charger|laptop|device) (?:is |was |started )?(?:smoking|on fire|swelling|swollen))`,
    String.raw`burn(?:ed|t|s)? (?:me|my|his|her|our|the kid)`, String.raw`(?:electric )?shock(?:ed)? me`, 'food poisoning', 'injur(?:ed|y|ies)', 'hospital',
    // en: outage
    String.raw`(?:network|service|internet|app|site|website|server|servers|system|signal)s? (?:is |are )?(?:down|out)(?: everywhere| again)?`,
    'outage', 'no signal', 'blackout', 'down everywhere', 'data (?:breach|leak)', 'hacked', 'leaked',
    // ru
    String.raw`суд(?:а|ом|е|у|ебн${W})?`, 'засуж' + W, 'подам в суд', 'адвокат' + W, 'юрист' + W, 'роспотребнадзор' + W, 'прокуратур' + W, 'защит' + W + ' прав потребител' + W,
    'взорвал' + W, 'загорел' + W, 'сгорел' + W, 'воспламен' + W, 'ожог' + W, 'обжёг' + W, 'дым' + W, 'нет (?:сети|связи|интернета)', 'сбой' + W, 'упал' + W + ' сервер' + W, 'утечк' + W,
    // fr
    'avocat', 'procès', 'porter plainte', 'tribunal', 'poursuivre en justice', 'mise en demeure', 'protection des consommateurs', 'ufc que choisir',
    'a explosé', 'explos' + W, 'pris feu', 'incendie', 'brûlé' + W, 'brûlure' + W, 'panne générale', 'plus de réseau', 'réseau en panne',
    // es
    'abogad' + W, 'demandar(?:é|los|les)?', 'los voy a demandar', 'denuncia' + W, 'tribunales', 'profeco', 'defensa del consumidor',
    'explot' + W, 'se incendió', 'incendio', 'quemadura' + W, 'me quemó', 'sin servicio', 'sin señal', 'caída del servicio', 'no hay red',
    // de
    'anwalt', 'rechtsanwalt', 'verklagen', 'klage', 'vor gericht', 'verbraucherzentrale', 'abmahnung',
    'explodiert', 'in brand', 'feuer gefangen', 'verbrannt', 'verbrennung' + W, 'störung', 'netz (?:ist )?(?:weg|down|ausgefallen)', 'ausfall',
    // pt
    'advogad' + W, 'processar', 'vou processar', 'procon', 'justiça', 'reclame aqui', 'explodiu', 'pegou fogo', 'incêndio', 'queimou', 'queimadura' + W, 'sem sinal', 'sem rede', 'fora do ar',
    // tr
    'avukat' + W, 'dava' + W, 'mahkeme' + W, 'tüketici hakem' + W, 'savcılı' + W, 'patladı', 'alev aldı', 'yandı', 'yanık', 'duman', 'şebeke yok', 'çekmiyor', 'kesinti' + W, 'arıza' + W,
    // ar
    'محامي', 'محام', 'القضاء', 'المحكمة', 'مقاضاة', 'دعوى', 'حماية المستهلك', 'سأشتكي', 'انفجر' + W, 'انفجار', 'احترق' + W, 'حريق', 'حروق', 'لا توجد شبكة', 'الشبكة (?:واقعة|مقطوعة)', 'انقطاع',
    // hi
    'वकील', 'कोर्ट', 'अदालत', 'केस करूंगा', 'उपभोक्ता', 'फट गया', 'फट गई', 'आग लग', 'जल गया', 'नेटवर्क नहीं', 'नेटवर्क डाउन',
  ],
  fragments: [
    '弁護士', '訴え', '訴訟', '裁判', '消費者センター', '消費者庁', '爆発', '発火', '火事', '燃え', 'やけど', '火傷', '発煙', '通信障害', '圏外', 'つながらない', '繋がらない', '障害',
    'ทนาย', 'ฟ้อง', 'สคบ', 'ระเบิด', 'ไฟไหม้', 'ลุกไหม้', 'ไหม้', 'ช็อต', 'เน็ตล่ม', 'ระบบล่ม', 'สัญญาณหาย', 'ไม่มีสัญญาณ', 'ล่ม',
    '律师', '起诉', '爆炸', '着火', '断网', '没信号',
  ],
};

/** Insults and slurs aimed at people, per language (own lists; naughty-words adds more). */
export const INSULTS: Readonly<Record<string, readonly string[]>> = {
  en: ['idiot' + W, 'moron' + W, 'stupid', 'dumb', 'imbecile' + W, 'retard' + W, 'loser' + W, 'clown' + W, 'scumbag' + W, 'incompetent', 'pathetic', 'jerk' + W, 'dumbass', 'morons'],
  ru: ['идиот' + W, 'дебил' + W, 'дурак' + W, 'дура', 'тупы' + W, 'тупая', 'кретин' + W, 'придур' + W, 'урод' + W, 'козл' + W, 'козёл', 'сволоч' + W, 'мудак' + W, 'сука', 'бляд' + W, 'хуй' + W, 'хуе' + W, 'пизд' + W, 'ебан' + W, 'ёбан' + W, 'говн' + W, 'мраз' + W, 'твар' + W, 'лох' + W],
  fr: ['idiot' + W, 'imbécile' + W, 'connard' + W, 'connasse' + W, 'con', 'cons', 'crétin' + W, 'débile' + W, 'abruti' + W, 'salaud' + W, 'enculé' + W, 'putain', 'merde', 'nul(?:le)?s? à chier', 'bande de (?:nuls|cons|voleurs|incapables)', 'incompétent' + W],
  es: ['idiota' + W, 'imbécil' + W, 'estúpid' + W, 'pendej' + W, 'gilipollas', 'cabr[oó]n' + W, 'mierda', 'put[ao]s?', 'inútil' + W, 'incompetentes?', 'tarad' + W, 'subnormal' + W, 'hijos? de puta', 'ladrones'],
  de: ['idiot' + W, 'arschloch' + W, 'trottel', 'vollidiot' + W, 'depp' + W, 'dumm' + W, 'blöd' + W, 'scheiße?', 'wichser', 'hurensohn', 'versager', 'inkompetent' + W, 'penner'],
  pt: ['idiota' + W, 'imbecil' + W, 'burr[oa]s?', 'otári' + W, 'babaca' + W, 'merda', 'porra', 'caralho', 'filhos? da puta', 'incompetentes?', 'lixo', 'ladrões', 'vagabund' + W],
  tr: ['salak' + W, 'aptal' + W, 'gerizekalı' + W, 'mal', 'şerefsiz' + W, 'rezil' + W, 'dolandırıcı' + W, 'hırsız' + W, 'orospu' + W, 'piç' + W, 'siktir' + W, 'amk', 'aq', 'beceriksiz' + W],
  ar: ['غبي', 'اغبياء', 'أغبياء', 'حمار', 'حمير', 'حرامية', 'لصوص', 'نصابين', 'حقير' + W, 'كلب', 'كلاب', 'تافه' + W, 'زبالة', 'قذر' + W],
  hi: ['बेवकूफ', 'मूर्ख', 'गधे', 'गधा', 'कमीने', 'कमीना', 'चोर', 'बकवास', 'हरामी', 'साले', 'चूतिया', 'bewakoof', 'chutiya', 'kamine', 'saale'],
  ja: ['バカ', '馬鹿', 'アホ', 'クズ', 'ゴミ', 'ふざけるな', 'ふざけんな', '死ね', 'カス', '無能', '詐欺師'],
  th: ['ควาย', 'โง่', 'เหี้ย', 'สัส', 'ห่า', 'ชิบหาย', 'ไอ้บ้า', 'อีบ้า', 'ระยำ', 'ขี้โกง'],
};

/** Words that make an insult or profanity "aimed at someone" (you/your company). */
export const TARGET_MARKERS: KeywordSet = {
  words: ['you', 'your', "you're", 'youre', 'u', 'ur', 'guys', 'ты', 'вы', 'тебя', 'вас', 'ваш' + W, 'tu', 'vous', 'toi', 'vos', 'votre', 'tú', 'usted' + W, 'ustedes', 'vosotros',
    'du', 'ihr', 'euch', 'dich', 'sie', 'você' + W, 'vocês', 'seu', 'sua', 'sen', 'siz', 'senin', 'sizin', 'انت', 'أنت', 'انتم', 'أنتم', 'तुम', 'आप', 'तुम्हारी', 'तू'],
  fragments: ['お前', 'てめえ', 'あなた', 'มึง', 'แก'],
};
