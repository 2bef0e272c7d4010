/**
 * Multilingual keyword lists for the intent rules (intent-rules.ts decides how they combine).
 *
 * Each entry is a regular-expression source, matched case-insensitively.
 * - `words`: entries for space-separated scripts, matched only as whole words/phrases
 *   (Unicode-aware boundaries, so "price" does not fire inside "priceless").
 *   `\p{L}*` after a stem accepts inflected endings.
 * - `fragments`: entries for scripts written without spaces (ja, zh, th) and for Korean
 *   endings; matched anywhere.
 * All languages' lists are applied to every text: mis-detected or code-mixed posts still
 * hit the right rule, and the lists avoid short words that mean something else elsewhere.
 */

export interface KeywordSet {
  words: readonly string[];
  fragments: readonly string[];
}

const STEM = String.raw`\p{L}*`;

export const COMPLAINT_KEYWORDS: KeywordSet = {
  words: [
    // en
    String.raw`refund(?:s|ed)?`, 'broken', 'worst', 'terrible', 'awful', 'horrible', 'scam',
    String.raw`rip-?off`, 'disappointed', 'disappointing', 'unacceptable', String.raw`complain(?:t|ts|ing)?`,
    'defective', 'damaged', 'useless', 'waste of (?:money|time)', String.raw`crash(?:es|ed|ing)?`,
    String.raw`(?:doesn't|does not|don't|do not|didn't|did not|isn't|is not|won't|can't|cannot|not|stopped|never) work(?:s|ed|ing)?`,
    String.raw`(?:hasn't|has not|haven't|have not|never|still not|didn't|did not|not yet) (?:arrived|come|came|received|been delivered|shipped|delivered)`,
    String.raw`still (?:waiting|no)`, String.raw`charged (?:me )?twice`, 'late again', "can't log ?in",
    'rude', String.raw`buggy`,
    // ru / uk
    String.raw`не работа${STEM}`, String.raw`сломал${STEM}`, String.raw`сломан${STEM}`,
    'верните деньги', String.raw`возврат${STEM}`, String.raw`ужасн${STEM}`, String.raw`худш${STEM}`,
    String.raw`жалоб${STEM}`, String.raw`обман${STEM}`, String.raw`не приш(?:ёл|ел|ла|ло|ли)`,
    String.raw`не могу`, String.raw`не дозвон${STEM}`, 'кошмар', String.raw`отвратительн${STEM}`,
    String.raw`разочарован${STEM}`, String.raw`бракован${STEM}`,
    String.raw`не працю${STEM}`, String.raw`жахлив${STEM}`, String.raw`досі не`,
    // fr
    String.raw`ne (?:fonctionne|marche) (?:pas|plus)`, String.raw`(?:fonctionne|marche) pas`,
    String.raw`rembours${STEM}`, 'arnaque', String.raw`cassée?s?`, 'en panne', 'inadmissible',
    String.raw`scandal${STEM}`, 'honteux', "c'est honteux", String.raw`déçue?s?`, 'plainte',
    'réclamation', String.raw`toujours pas`, String.raw`jamais reçue?`, 'le pire', 'la pire',
    // es
    'no funciona', 'reembolso', 'devolución', 'devuelvan', String.raw`rot[oa]s?`,
    String.raw`pésim${STEM}`, 'estafa', 'queja', 'reclamo', 'reclamación',
    String.raw`no (?:ha )?llegado`, 'no llegó', 'nunca llegó', String.raw`decepcionad${STEM}`,
    // de
    String.raw`funktionier${STEM}(?: \p{L}+){0,4} nicht`, 'geht nicht', String.raw`kaputt${STEM}`,
    String.raw`defekt${STEM}`, String.raw`rückerstattung${STEM}`, 'geld zurück', 'beschwerde',
    'reklamation', String.raw`schlechteste${STEM}`, 'betrug', String.raw`enttäuscht${STEM}`,
    'nicht angekommen', 'verschwunden', String.raw`unverschämt${STEM}`, 'katastrophe',
    // tr
    String.raw`çalışmıyor${STEM}`, String.raw`bozuk${STEM}`, 'bozuldu', String.raw`iade${STEM}`,
    String.raw`şikayet${STEM}`, String.raw`rezalet${STEM}`, String.raw`berbat${STEM}`,
    String.raw`gelmedi${STEM}`, 'ulaşmadı', 'en kötü', String.raw`dolandırıcı${STEM}`,
    String.raw`mağdur${STEM}`, String.raw`açılmıyor${STEM}`, 'kırık',
    // pt
    'não funciona', 'devolução', 'devolvam', String.raw`quebrad${STEM}`, String.raw`péssim${STEM}`,
    'golpe', 'reclamação', 'não chegou', 'nunca chegou', 'não abre', String.raw`decepcionad${STEM}`,
    'quero (?:o )?meu dinheiro',
    // it
    'non funziona', 'rimborso', String.raw`rott[oaie]`, String.raw`pessim${STEM}`, 'truffa',
    String.raw`peggior${STEM}`, String.raw`non è (?:mai )?arrivato`, 'mai arrivato',
    String.raw`delus${STEM}`, 'vergogna', 'inaccettabile', 'guasto',
    // ar (attached conjunction/article allowed)
    String.raw`(?:لا|ما) (?:يعمل|يشتغل)`, 'مش شغال', 'استرجاع', 'استرداد',
    String.raw`(?:و|ال|وال)?مكسور[ةه]?`, String.raw`(?:و)?(?:سيئ|سيء)[ةه]?`, String.raw`[أا]سوأ`,
    'شكوى', 'نصب', 'احتيال', String.raw`(?:لم|ما) يصل`, 'ما وصل', 'زفت', String.raw`فاشل[ةه]?`,
    // hi
    'काम नहीं कर', 'खराब', String.raw`टूट\p{L}*`, 'रिफंड', 'पैसे वापस', 'शिकायत', 'बेकार', 'घटिया',
    'धोखा', 'नहीं आया', 'नहीं मिला',
    // id, nl, pl, vi
    'tidak bisa', 'rusak', 'pengembalian dana', 'kecewa', 'belum sampai', 'belum datang', 'penipuan',
    'werkt niet', 'kapot', 'terugbetaling', 'klacht', 'slechtste', 'oplichting', 'teleurgesteld',
    'nie działa', String.raw`zepsut${STEM}`, String.raw`reklamacj${STEM}`, String.raw`najgorsz${STEM}`,
    String.raw`oszust${STEM}`, String.raw`uszkodzon${STEM}`, 'zwrot pieniędzy',
    'không hoạt động', 'hỏng', 'hoàn tiền', 'lừa đảo', 'chưa tới', 'chưa nhận được', 'thất vọng',
    // ko (spaced phrases)
    '안 ?돼요', '안 ?와요',
  ],
  fragments: [
    // ja
    '返金', '壊れ', '不良品', '最悪', '届かない', '届きません', '届いていない', '動かない', '使えない',
    'できない', 'できません', '苦情', 'ひどい', '酷い', '詐欺', '故障', '対応が悪い',
    // zh
    '退款', '退货', '坏了', '坏掉', '太差', '垃圾', '投诉', '骗', '打不开', '不能用', '没收到', '还没到',
    '最差', '失望',
    // ko
    '환불', '고장', '최악', '작동하지 않', '불량', '사기', '불만', '오지 않',
    // th ('เสีย' but not 'เสียง', sound)
    'เสีย(?!ง)', 'คืนเงิน', 'แย่', 'ห่วย', 'ใช้งานไม่ได้', 'ใช้ไม่ได้', 'พัง', 'ไม่ได้รับ', 'โกง',
    'ร้องเรียน', 'ผิดหวัง', 'ไม่พอใจ',
  ],
};

export const PURCHASE_KEYWORDS: KeywordSet = {
  words: [
    // en
    'how much', String.raw`prices?`, 'pricing', String.raw`costs?`, 'in stock', 'discount',
    String.raw`coupons?`, 'promo code', String.raw`pre-?order`, 'do you ship', 'ship to', 'deliver to',
    String.raw`(?:want|wanna|planning|going|looking|like|love) to (?:buy|order|purchase|get one)`,
    'gonna buy', 'would buy', String.raw`where (?:can|do|could|should) (?:i|we|you) (?:buy|get|order|find)`,
    String.raw`where to (?:buy|get)`, String.raw`can i (?:buy|order|purchase)`, 'for sale',
    // ru / uk
    String.raw`сколько сто${STEM}`, String.raw`цен[аыу]`, String.raw`стоимост${STEM}`, 'купить',
    'заказать', 'в наличии', String.raw`скидк${STEM}`, String.raw`скільки кошту${STEM}`,
    String.raw`ціна`, 'купити', 'замовити',
    // fr
    'combien', 'prix', String.raw`tarifs?`, 'acheter', 'commander', 'en stock', 'promo', 'réduction',
    String.raw`coût${STEM}`, 'coûte', 'livrez-vous',
    // es
    String.raw`cu[aá]nto (?:cuesta|vale|cuestan|valen)`, String.raw`precios?`, 'comprar', 'descuento',
    'envían a', 'hacen envíos',
    // de
    String.raw`wie ?viel kostet`, 'was kostet', String.raw`preis${STEM}`, 'kaufen', 'bestellen',
    'kostet', 'lieferbar', 'rabatt', 'gutschein', 'vorrätig',
    // tr
    String.raw`fiyat${STEM}`, 'ne kadar', 'kaç para', 'kaç tl', String.raw`satın al${STEM}`,
    'almak istiyorum', String.raw`nereden al${STEM}`, String.raw`indirim${STEM}`,
    // pt
    String.raw`quanto (?:custa|custam|é)`, String.raw`preços?`, 'quero comprar', 'em estoque',
    'desconto', 'cupom',
    // it
    String.raw`quanto cost(?:a|ano)`, String.raw`prezz[oi]`, 'comprare', 'acquistare', 'ordinare', 'sconto',
    // ar
    String.raw`كم (?:سعر|السعر|ثمن)`, String.raw`(?:ال)?سعر${STEM}`, 'بكم', String.raw`[أا]ريد شراء`,
    'ابي اشتري', 'شراء', String.raw`[أا]شتري`, 'متوفر', 'خصم',
    // hi
    'कीमत', 'दाम', 'कितने का', 'कितने की', String.raw`खरीद\p{L}*`, 'ऑर्डर करना',
    // id, nl, pl, vi
    'berapa harga', String.raw`harga${STEM}`, 'mau beli', 'ongkir', 'diskon',
    'hoeveel kost', 'prijs', 'kopen', 'korting', 'op voorraad',
    'ile kosztuje', 'kupić', 'zamówić', 'rabat',
    'giá', 'bao nhiêu', 'mua', 'đặt hàng', 'giảm giá', 'còn hàng',
  ],
  fragments: [
    '値段', '価格', 'いくら', '購入', '買いたい', 'どこで買', '注文したい', '在庫', '割引', '送料',
    '多少钱', '多少錢', '价格', '价钱', '售价', '想买', '购买', '哪里买', '有货', '有现货', '优惠', '折扣', '下单',
    '가격', '얼마', '구매', '사고 싶', '살 수 있', '주문하고 싶', '어디서 사', '재고', '할인',
    'ราคา', 'เท่าไหร่', 'เท่าไร', 'ซื้อ', 'อยากได้', 'มีขาย', 'ส่วนลด', 'โปรโมชั่น',
  ],
};

export const PRAISE_KEYWORDS: KeywordSet = {
  words: [
    String.raw`thanks?`, 'thank you', 'thx', String.raw`lov(?:e|ed|ing)`, 'amazing', 'awesome',
    'great job', 'well done', 'kudos', String.raw`shout ?out`, String.raw`recommend${STEM}`,
    'excellent', 'fantastic', 'perfect', 'impressed', 'you rock', 'you guys rock', 'best',
    'спасибо', String.raw`благодар${STEM}`, 'люблю', 'обожаю', String.raw`молодц${STEM}`,
    String.raw`отличн${STEM}`, String.raw`рекоменд${STEM}`, 'дякую', String.raw`чудов${STEM}`,
    'merci', 'bravo', "j'adore", 'adore', String.raw`génial${STEM}`, String.raw`excellent${STEM}`,
    String.raw`impeccable`, String.raw`recommande`,
    'gracias', 'me encanta', 'encanta', 'genial', 'excelente', 'increíble', 'recomiendo', 'felicidades',
    'danke', 'vielen dank', 'toll', 'klasse', 'perfekt', 'empfehle', 'großartig', 'hervorragend',
    String.raw`teşekkür${STEM}`, String.raw`sağol${STEM}`, 'sağ olun', String.raw`harika${STEM}`,
    String.raw`mükemmel${STEM}`, 'bayıldım', 'seviyorum', 'tavsiye ederim', String.raw`tebrik${STEM}`,
    String.raw`obrigad[oa]s?`, 'valeu', 'adorei', 'amei', 'parabéns', 'recomendo', String.raw`ótim${STEM}`,
    'grazie', 'adoro', 'bravi', String.raw`ottim${STEM}`, 'eccellente', 'complimenti',
    String.raw`gentilissim${STEM}`,
    String.raw`شكرا[ً]?`, String.raw`[أا]حب`, String.raw`ممتاز${STEM}`, String.raw`رائع${STEM}`,
    'جزاكم الله', 'بارك الله',
    'धन्यवाद', 'शुक्रिया', 'बढ़िया', 'शानदार', 'पसंद', 'बेहतरीन',
    'terima kasih', 'makasih', 'mantap', 'keren', 'bedankt', 'geweldig', String.raw`dziękuj${STEM}`,
    'dzięki', 'polecam', 'cảm ơn', 'tuyệt vời',
  ],
  fragments: [
    'ありがとう', '感謝', '最高', '大好き', '素晴らしい', '助かりました',
    '谢谢', '謝謝', '感谢', '太棒', '很棒', '点赞', '好用', '爱了',
    '감사', '고맙', '최고', '사랑', '추천', '친절',
    'ขอบคุณ', 'ประทับใจ', 'สุดยอด', 'เยี่ยม',
  ],
};

/** Interrogatives trusted only at the start of a clause (elsewhere they are often relative
 * pronouns or "because": fr "quand", pt "porque", it "perché", de "was"). */
export const CLAUSE_START_INTERROGATIVES: readonly string[] = [
  'how', 'what', 'why', 'when', 'where', 'who', 'which', 'can (?:i|you|we)', 'could you',
  'is (?:it|there|this)', 'are (?:you|there)', 'do you', 'does (?:it|anyone)', 'will (?:it|you)',
  'почему', 'как', 'когда', 'где', 'зачем', 'сколько', 'можно ли', 'чому', 'коли',
  'pourquoi', 'comment', 'quand', 'où', 'est-ce que', String.raw`quel(?:le)?s?`,
  'por qué', 'cómo', 'cuándo', 'dónde', 'qué', 'cuál',
  'warum', 'wie', 'wann', 'wo', 'wer', String.raw`welche${STEM}`, 'gibt es', 'kann (?:ich|man)',
  'por que', 'como', 'quando', 'onde', 'qual',
  'perché', 'come', 'dove', 'quale',
  'waarom', 'hoe', 'wanneer', 'dlaczego', 'jak', 'kiedy', 'gdzie', 'kenapa', 'bagaimana', 'kapan',
];

/** Question markers reliable anywhere in the text. */
export const QUESTION_MARKERS: KeywordSet = {
  words: [
    'ne zaman', 'neden', 'nasıl', 'nerede', 'niye',
    'هل', 'متى', 'لماذا', 'كيف', String.raw`[أا]ين`, 'ماذا',
    'क्या', 'क्यों', 'कब', 'कैसे', 'कहाँ', 'कहां', 'कौन',
    'ли',
  ],
  fragments: [
    'ですか', 'ますか', 'でしょうか', 'のですか', 'どうすれば', 'なぜ', 'いつ(?!も)', 'どこ',
    '吗', '嗎', '为什么', '為什麼', '怎么', '怎麼', '哪里', '什么时候',
    '나요', '까요', '언제', '어디', '어떻게', '왜',
    'ไหม(?!้)', 'มั้ย', 'หรือเปล่า', 'ทำไม', 'ยังไง', 'อย่างไร', 'เมื่อไหร่', 'กี่โมง',
  ],
};

/** Turkish question particles (mi/mı/mu/mü + person endings) collide with Spanish and
 * Italian "mi", so they count only when the text was detected as Turkish. */
export const TURKISH_QUESTION_PARTICLE = String.raw`m[iıuü](?:s[iıuü]n(?:[iıuü]z)?|y[iıuü]m|y[iıuü]z)?`;
