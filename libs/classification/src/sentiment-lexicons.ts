/**
 * Small hand-built sentiment lexicons for the non-English languages we see most.
 * English uses wink-sentiment (AFINN-165) instead; see sentiment-scoring.ts.
 *
 * Honest scope: 20–35 common everyday customer-service words per language, scored -3..+3
 * like AFINN. They catch the obvious ("отлично", "berbat", "最悪") and miss idiom, sarcasm
 * and anything domain-specific. None of these lists has been validated on labelled data.
 *
 * Keys ending in '*' are stems matched as word prefixes (for inflecting languages); the
 * longest matching key wins, so "memnuniyetsiz*" beats "memnun*". For languages written
 * without spaces (ja, zh, th) entries are matched as substrings, longest first.
 */

/** How many tokens before / after a sentiment word a negator still applies to. */
export interface NegationScope {
  before: number;
  after: number;
}
const PRE_NEGATION: NegationScope = { before: 2, after: 0 };

export interface SentimentLexicon {
  words: Readonly<Record<string, number>>;
  /** Words that flip the valence of a nearby sentiment word (same '*' convention). */
  negators: readonly string[];
  /** Where the negator sits relative to the word it negates (ignored for 'characters'). */
  negation: NegationScope;
  /** 'characters' for scripts written without spaces between words. */
  segmentation: 'words' | 'characters';
}

const ru: SentimentLexicon = {
  segmentation: 'words',
  negation: PRE_NEGATION,
  negators: ['не', 'нет', 'ни', 'никогда', 'без'],
  words: {
    'отличн*': 3, 'хорош*': 2, 'прекрасн*': 3, 'спасибо': 2, 'благодар*': 2, 'нрав*': 2,
    'люблю': 3, 'обожаю': 3, 'супер': 3, 'класс': 2, 'классн*': 2, 'удобн*': 2, 'быстр*': 1,
    'довол*': 2, 'рекоменд*': 2, 'лучш*': 2, 'молодц*': 3, 'шикарн*': 3, 'работает': 1,
    'плох*': -2, 'ужасн*': -3, 'ужас': -3, 'отвратительн*': -3, 'кошмар*': -3, 'худш*': -3,
    'сломан*': -2, 'сломал*': -2, 'разочарова*': -2, 'обман*': -3, 'медленн*': -1,
    'груб*': -2, 'недовол*': -2, 'бесит': -3, 'отстой': -3, 'позор*': -3, 'проблем*': -1,
    'ошибк*': -1, 'глюч*': -2, 'жаль': -1,
  },
};

const fr: SentimentLexicon = {
  segmentation: 'words',
  negation: PRE_NEGATION,
  negators: ['ne', 'n', 'pas', 'jamais', 'aucun', 'aucune', 'sans', 'non'],
  words: {
    'excellent*': 3, 'génial*': 3, 'super': 3, 'parfait*': 3, 'merci': 2, 'bravo': 3,
    'ador*': 3, 'aime': 2, 'aimé': 2, 'top': 2, 'bien': 1, 'bon': 1, 'bonne': 1, 'rapide': 1,
    'impeccable': 3, 'satisfait*': 2, 'recommand*': 2, 'magnifique': 3, 'formidable': 3,
    'fonctionne': 1, 'marche': 1,
    'nul': -3, 'nulle': -3, 'mauvais*': -2, 'horrible*': -3, 'honte*': -3, 'honteux': -3,
    'décevant*': -2, 'déçu*': -2, 'arnaque*': -3, 'pire': -3, 'lent': -1, 'lente': -1,
    'cassé*': -2, 'inadmissible': -3, 'scandal*': -3, 'catastroph*': -3, 'inacceptable': -3,
    'problème*': -1, 'bug*': -1, 'panne': -2, 'mal': -2, 'énervé*': -2,
  },
};

const es: SentimentLexicon = {
  segmentation: 'words',
  negation: PRE_NEGATION,
  negators: ['no', 'nunca', 'ni', 'sin', 'jamás', 'tampoco'],
  words: {
    'excelente*': 3, 'genial*': 3, 'bueno': 2, 'buena': 2, 'buenísim*': 3, 'perfect*': 3,
    'gracias': 2, 'encanta': 3, 'encantó': 3, 'gusta': 2, 'gustó': 2, 'amo': 3, 'maravill*': 3,
    'recomiendo': 2, 'rápid*': 1, 'increíble*': 3, 'feliz': 2, 'funciona': 1, 'content*': 2,
    'amables': 2, 'amable': 2,
    'mal': -2, 'malo': -2, 'mala': -2, 'pésim*': -3, 'horrible*': -3, 'terrible*': -3,
    'peor': -3, 'roto': -2, 'rota': -2, 'rotos': -2, 'estafa*': -3, 'decepci*': -2,
    'lento': -1, 'lenta': -1, 'vergüenza': -3, 'asco': -3, 'basura': -3, 'problema*': -1,
    'fatal': -3, 'error*': -1,
  },
};

const de: SentimentLexicon = {
  segmentation: 'words',
  // German negates before adjectives ("nicht gut") and at the end of the clause after a
  // finite verb ("funktioniert seit dem Update nicht mehr").
  negation: { before: 2, after: 6 },
  negators: ['nicht', 'kein*', 'nie', 'niemals', 'ohne'],
  words: {
    'super': 3, 'toll*': 3, 'klasse': 3, 'perfekt*': 3, 'danke': 2, 'dank': 2, 'gut': 2,
    'gute*': 2, 'prima': 3, 'wunderbar*': 3, 'hervorragend*': 3, 'liebe': 2, 'empfehle*': 2,
    'zufrieden*': 2, 'schnell*': 1, 'genial*': 3, 'spitze': 3, 'funktioniert': 1, 'großartig*': 3,
    'schlecht*': -2, 'schrecklich*': -3, 'furchtbar*': -3, 'katastroph*': -3, 'enttäusch*': -2,
    'kaputt*': -2, 'defekt*': -2, 'betrug*': -3, 'mies*': -2, 'langsam*': -1,
    'ärgerlich*': -2, 'unverschämt*': -3, 'schlimm*': -2, 'mangelhaft*': -2, 'nervig*': -2,
    'problem*': -1, 'fehler*': -1, 'verschwunden': -2,
  },
};

const tr: SentimentLexicon = {
  segmentation: 'words',
  // Turkish negates with a following "değil" / "yok"; verb negation is a suffix (-me/-ma),
  // which the stems below list explicitly ("çalışmıyor").
  negation: { before: 0, after: 2 },
  negators: ['değil*', 'yok'],
  words: {
    'harika*': 3, 'mükemmel*': 3, 'güzel*': 2, 'iyi*': 2, 'teşekkür*': 2, 'sağol*': 2,
    'süper': 3, 'bayıldım': 3, 'seviyorum': 3, 'memnun*': 2, 'tavsiye*': 2, 'başarılı*': 2,
    'hızlı*': 1, 'çalışıyor': 1,
    'memnuniyetsiz*': -2, 'kötü*': -2, 'berbat*': -3, 'rezalet*': -3, 'rezil*': -3,
    'bozuk*': -2, 'bozuldu': -2, 'çalışmıyor': -2, 'şikayet*': -2, 'yavaş*': -1, 'sorun*': -1,
    'hata*': -1, 'dolandırıcı*': -3, 'pişman*': -2, 'saçma*': -2, 'felaket*': -3,
  },
};

const pt: SentimentLexicon = {
  segmentation: 'words',
  negation: PRE_NEGATION,
  negators: ['não', 'nunca', 'nem', 'sem', 'jamais'],
  words: {
    'ótim*': 3, 'excelente*': 3, 'adorei': 3, 'amei': 3, 'amo': 3, 'obrigad*': 2, 'perfeit*': 3,
    'maravilh*': 3, 'bom': 2, 'boa': 2, 'recomendo': 2, 'rápid*': 1, 'gostei': 2, 'top': 2,
    'incrível': 3, 'funciona': 1, 'parabéns': 3, 'abre': 1,
    'péssim*': -3, 'horrível': -3, 'ruim': -2, 'terrível': -3, 'quebrad*': -2, 'decepcion*': -2,
    'lixo': -3, 'golpe': -2, 'lento': -1, 'lenta': -1, 'demora*': -1, 'pior': -3,
    'problema*': -1, 'absurdo': -2, 'vergonha': -3, 'raiva': -2,
  },
};

const it: SentimentLexicon = {
  segmentation: 'words',
  negation: PRE_NEGATION,
  negators: ['non', 'mai', 'né', 'senza'],
  words: {
    'ottim*': 3, 'eccellent*': 3, 'fantastic*': 3, 'perfett*': 3, 'grazie': 2, 'adoro': 3,
    'amo': 3, 'bello': 2, 'bella': 2, 'bravi': 3, 'bravo': 3, 'buono': 2, 'buona': 2,
    'gentil*': 2, 'veloce': 1, 'funziona': 1, 'top': 2, 'super': 3, 'stupend*': 3, 'puntual*': 2,
    'pessim*': -3, 'orribile': -3, 'terribile': -3, 'schifo': -3, 'rotto': -2, 'rotta': -2,
    'delus*': -2, 'truffa': -3, 'lento': -1, 'lenta': -1, 'peggio*': -3, 'vergogna': -3,
    'problema*': -1, 'disastro*': -3, 'inaccettabile': -3, 'scandal*': -3,
  },
};

// Arabic tokens are normalised before lookup (see sentiment-scoring.ts): diacritics removed,
// alef variants unified, and the clitics و/ف/ب/ال stripped, so keys are written that way.
const ar: SentimentLexicon = {
  segmentation: 'words',
  negation: PRE_NEGATION,
  negators: ['لا', 'ليس', 'لم', 'لن', 'ما', 'مش', 'مو', 'غير'],
  words: {
    'ممتاز*': 3, 'رائع*': 3, 'جميل*': 2, 'شكرا': 2, 'احب': 3, 'جيد*': 2, 'سريع*': 1,
    'ممتع*': 2, 'افضل': 2, 'يعمل': 1, 'مبدع*': 3, 'حلو*': 2,
    'سيء*': -2, 'سيئ*': -2, 'زفت': -3, 'فاشل*': -3, 'مكسور*': -2, 'بطيء*': -1, 'اسوا': -3,
    'نصب': -3, 'احتيال': -3, 'مشكل*': -1, 'خربان*': -2, 'غاضب*': -2, 'للاسف': -1, 'سيئه': -2,
  },
};

const ja: SentimentLexicon = {
  segmentation: 'characters',
  // Japanese negation is a suffix, so negated forms are listed as their own (longer) entries.
  negation: PRE_NEGATION,
  negators: [],
  words: {
    '最高': 3, '素晴らしい': 3, 'すばらしい': 3, 'ありがとう': 2, '感謝': 2, '好き': 2,
    '大好き': 3, '良い': 2, '良かった': 2, 'よかった': 2, '便利': 2, '使いやすい': 2,
    '嬉しい': 2, 'うれしい': 2, '助かりました': 2, '満足': 2, '美味しい': 2, 'おいしい': 2,
    '快適': 2,
    '最悪': -3, '悪い': -2, 'ひどい': -3, '酷い': -3, '壊れ': -2, '不良': -2, '遅い': -1,
    '残念': -2, 'がっかり': -2, '不満': -2, '使いにくい': -2, '困': -1, 'ムカつく': -3,
    '詐欺': -3, '不便': -2,
    '良くない': -2, 'よくない': -2, '悪くない': 1, '好きじゃない': -2, '好きではない': -2,
    '満足できない': -2, '使えない': -2, '動かない': -2,
  },
};

const zh: SentimentLexicon = {
  segmentation: 'characters',
  negation: PRE_NEGATION,
  negators: ['不', '没', '沒', '别', '別'],
  words: {
    '很好': 2, '太好了': 3, '好用': 2, '不错': 2, '不錯': 2, '满意': 2, '谢谢': 2, '謝謝': 2,
    '感谢': 2, '喜欢': 2, '喜歡': 2, '棒': 2, '完美': 3, '优秀': 2, '推荐': 2, '赞': 2,
    '方便': 2, '爱了': 3,
    '差': -2, '差不多': 0, '太差': -3, '垃圾': -3, '坏了': -2, '坏': -2, '壞': -2, '失望': -2,
    '慢': -1, '骗': -3, '糟糕': -3, '烂': -2, '生气': -2, '投诉': -2, '问题': -1, '不好': -2,
    '不满意': -2, '不行': -2, '打不开': -2, '没用': -2,
  },
};

const th: SentimentLexicon = {
  segmentation: 'characters',
  negation: PRE_NEGATION,
  negators: ['ไม่'],
  words: {
    'ดี': 2, 'ดีมาก': 3, 'ขอบคุณ': 2, 'ชอบ': 2, 'ประทับใจ': 3, 'เยี่ยม': 3, 'สุดยอด': 3,
    'รัก': 2, 'เร็ว': 1, 'สะดวก': 2, 'คุ้ม': 2, 'พอใจ': 2,
    // 'เสียง' (sound) contains 'เสีย' (broken): the longer neutral entry shadows it.
    'แย่': -3, 'เสีย': -2, 'เสียง': 0, 'เสียใจ': -2, 'ช้า': -1, 'ห่วย': -3, 'ผิดหวัง': -2,
    'โกง': -3, 'พัง': -2, 'โมโห': -2, 'แพง': -1, 'เซ็ง': -2,
  },
};

const ko: SentimentLexicon = {
  segmentation: 'words',
  // "안 좋아요" negates before, "좋지 않아요" / "작동하지 않아요" after.
  negation: { before: 1, after: 2 },
  negators: ['안', '못', '않*', '없*'],
  words: {
    '좋*': 2, '감사*': 2, '고맙*': 2, '최고*': 3, '훌륭*': 3, '만족*': 2, '추천*': 2,
    '친절*': 2, '사랑*': 3, '편리*': 2, '대박': 2, '작동하지': 1,
    '나쁘*': -2, '나빠*': -2, '최악*': -3, '별로*': -2, '실망*': -2, '고장*': -2, '느리*': -1,
    '느려*': -1, '불편*': -2, '짜증*': -3, '사기*': -3, '문제*': -1, '오류*': -1, '늦어*': -1,
  },
};

const hi: SentimentLexicon = {
  segmentation: 'words',
  // Hindi usually puts नहीं after what it negates ("अच्छा नहीं है").
  negation: { before: 1, after: 2 },
  negators: ['नहीं', 'न', 'मत', 'ना'],
  words: {
    'अच्छा': 2, 'अच्छी': 2, 'अच्छे': 2, 'बढ़िया': 3, 'धन्यवाद': 2, 'शुक्रिया': 2, 'पसंद': 2,
    'शानदार': 3, 'बेहतरीन': 3, 'खुश': 2, 'प्यार': 2, 'मस्त': 2,
    'बुरा': -2, 'बुरी': -2, 'खराब': -2, 'बेकार': -3, 'घटिया': -3, 'टूटा': -2, 'टूटी': -2,
    'धोखा': -3, 'निराश': -2, 'परेशान': -2, 'गुस्सा': -2, 'समस्या': -1, 'दिक्कत': -1,
  },
};

export const SENTIMENT_LEXICONS: Readonly<Record<string, SentimentLexicon>> = {
  ru, fr, es, de, tr, pt, it, ar, ja, zh, th, ko, hi,
};
