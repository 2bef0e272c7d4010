import type { Channel, IntentLabel as ContractIntentLabel, SentimentLabel } from '@cxm/contracts';

/** The primary intents the demo writes mentions for (the contract also has flag intents such as spam). */
export type DemoIntent = Extract<ContractIntentLabel, 'complaint' | 'question' | 'praise' | 'purchase_intent' | 'other'>;
type IntentLabel = DemoIntent;

/**
 * Hand-written demo sentences about the fictional brand "Aurora Mobile" (Aurora X5 phone,
 * Aurora Buds, the Aurora app, fibre internet), per language. Every template carries the
 * intent / sentiment a human would give it, so the set doubles as a rough dev set for the
 * classifier.
 *
 * Slots (filled by the generator, see `DEMO_SLOTS`):
 *   {brand}  brand account or name ('@aurora_mobile' on X/Instagram…)
 *   {phone}  Aurora X5 / X5 Pro / X5 Lite          {buds}  Aurora Buds / Buds Pro
 *   {feature} a phone feature, in the language's grammatical form used by its templates
 *   {city}   a city, in the grammatical form used by the language's templates
 *   {price}  a phone price in local currency       {bill}  an overcharge in local currency
 *   {n}      5–9   {h} hours 5–19   {d} days 5–19   {pct} 10–40
 *   {order}  an order number      {ticket} a support ticket number   {pos} {neg} {meh}  emoji
 *   {name}   (replies) the first / call name of the person answered
 *   {handle} (replies) the handle of the person answered
 * Numbers are kept in 5–19 on purpose: Russian/Arabic plural agreement stays correct there.
 */

export const DEMO_LANGS = ['en', 'ru', 'th', 'tr', 'fr', 'es', 'ar', 'ja', 'de', 'pt', 'hi'] as const;
export type DemoLang = (typeof DEMO_LANGS)[number];

export type DemoTopic =
  | 'battery'
  | 'outage'
  | 'billing'
  | 'refund'
  | 'delivery'
  | 'app'
  | 'setup'
  | 'update'
  | 'compatibility'
  | 'roaming'
  | 'product'
  | 'support'
  | 'price'
  | 'availability'
  | 'switching'
  | 'news'
  | 'review'
  | 'chatter';

export interface DemoTemplate {
  /** Stable id, e.g. `en-03`. */
  readonly id: string;
  readonly lang: DemoLang;
  readonly expectedIntent: IntentLabel;
  readonly expectedSentiment: SentimentLabel;
  readonly topic: DemoTopic;
  readonly text: string;
  /** Channels this sentence fits; absent = any conversational channel. */
  readonly channels?: readonly Channel[];
}

export type DemoReplyKind =
  | 'brand_apology'
  | 'brand_apology_private'
  | 'brand_outage'
  | 'brand_answer'
  | 'brand_answer_private'
  | 'brand_thanks'
  | 'follow_up_unresolved'
  | 'follow_up_resolved'
  | 'bystander_same';

export interface DemoReplyTemplate {
  readonly id: string;
  readonly lang: DemoLang;
  readonly kind: DemoReplyKind;
  readonly expectedIntent: IntentLabel;
  readonly expectedSentiment: SentimentLabel;
  readonly text: string;
}

/** Per-language vocabulary for the slots, plus a few conventions (e-mail greeting…). */
export interface DemoLanguageProfile {
  readonly lang: DemoLang;
  readonly name: string;
  /** Relative share of the generated mentions. */
  readonly weight: number;
  /** How the brand is named in running text when no @handle applies. */
  readonly brandName: string;
  /** App Store storefront. */
  readonly country: string;
  /** Telephone country code, for WhatsApp author ids. */
  readonly phoneCode: string;
  readonly cities: readonly string[];
  readonly features: readonly string[];
  readonly prices: readonly string[];
  readonly bills: readonly string[];
  readonly hashtags: readonly string[];
  readonly subreddits: readonly string[];
  readonly email: { readonly greeting: string; readonly signoff: string };
}

type Row = readonly [IntentLabel, SentimentLabel, DemoTopic, string, (readonly Channel[])?];

const C: IntentLabel = 'complaint';
const Q: IntentLabel = 'question';
const P: IntentLabel = 'praise';
const B: IntentLabel = 'purchase_intent';
const O: IntentLabel = 'other';
const NEG: SentimentLabel = 'negative';
const POS: SentimentLabel = 'positive';
const NEU: SentimentLabel = 'neutral';

const APP: readonly Channel[] = ['appstore', 'reviews'];
const NEWS: readonly Channel[] = ['rss'];
const REVIEW: readonly Channel[] = ['youtube', 'reddit', 'rss'];
const SOCIAL: readonly Channel[] = ['x', 'instagram', 'facebook', 'reddit', 'youtube'];

const ROWS: Record<DemoLang, readonly Row[]> = {
  en: [
    [C, NEG, 'battery', '{brand} since the last update my {phone} battery drops like {pct}% an hour?? this is not ok {neg}'],
    [C, NEG, 'outage', 'is anyone else\'s internet down in {city}?? fibre\'s been dead for {h} hours and support just keeps saying "we\'re looking into it" {neg} #outage'],
    [C, NEG, 'billing', 'Got charged {bill} extra this month for "roaming". I haven\'t left {city} in a year. {brand} explain pls'],
    [C, NEG, 'refund', 'Returned my {buds} {d} days ago and still no refund. Order {order}. Third time asking {neg}'],
    [C, NEG, 'delivery', 'ordered the {phone} on launch day, tracking says delivered, nothing at my door. great start {brand} 🙃'],
    [C, NEG, 'app', 'App logs me out every single time I open it. Can\'t even check my data usage. 1 star until it\'s fixed.', APP],
    [Q, NEU, 'setup', 'how do I turn on eSIM on the {phone}? settings dont show it anywhere {meh}'],
    [Q, NEU, 'update', '{brand} when is the next software update coming to the {phone}? been waiting for ages'],
    [Q, NEU, 'compatibility', 'quick q: can the {buds} connect to two devices at once? laptop + phone'],
    [Q, NEU, 'roaming', 'Does the Aurora Unlimited plan include roaming in Europe or do I need an add-on? Travelling next week'],
    [P, POS, 'product', 'ok the {feature} on the {phone} is actually insane {pos} #AuroraX5'],
    [P, POS, 'support', 'shoutout to the {brand} chat agent who sorted my fibre in 10 minutes. that\'s how you do support {pos}'],
    [P, POS, 'app', 'Love the new app update, finally I can see my data usage and my bill in one place. 5 stars {pos}', APP],
    [B, POS, 'price', 'thinking about upgrading to the {phone}, is it worth it at {price}? coming from a 4 yr old phone lol'],
    [B, NEU, 'availability', 'where can I buy {buds} in {city}? every store I\'ve checked is sold out'],
    [B, POS, 'switching', 'Seriously considering switching the whole family to Aurora fibre. Anyone got it in {city}? How\'s the speed?'],
    [O, NEU, 'news', 'Aurora Mobile expands its fibre network to {n} more cities, promises speeds up to 2 Gbps', NEWS],
    [O, NEU, 'review', '{phone} review after {d} days: great screen, solid camera, battery just OK', REVIEW],
    [O, NEU, 'chatter', 'watching the Aurora keynote rn, anyone else? 👀', SOCIAL],
  ],
  ru: [
    [C, NEG, 'battery', '{brand} после обновления {phone} садится за полдня, раньше спокойно держал до вечера. Что за дела? {neg}'],
    [C, NEG, 'outage', 'Опять нет интернета в {city}, уже {h} часов! Поддержка трубку не берёт {neg}'],
    [C, NEG, 'billing', 'Списали {bill} за услугу, которую я не подключал. Верните деньги!!! {brand}'],
    [C, NEG, 'refund', 'Вернул {buds} {d} дней назад, деньги так и не пришли. Заказ {order}. Сколько можно ждать?'],
    [C, NEG, 'delivery', 'Заказ {order} должен был приехать в пятницу, а статус до сих пор «в обработке» 🤦‍♂️'],
    [C, NEG, 'app', 'Приложение вылетает при входе, переустанавливал уже {n} раз. Одна звезда.', APP],
    [Q, NEU, 'setup', 'Подскажите, как перенести контакты со старого телефона на {phone}?'],
    [Q, NEU, 'update', '{brand} когда будет обновление для {phone}? Обещали ещё в прошлом месяце'],
    [Q, NEU, 'compatibility', 'А {buds} можно подключить к ноутбуку? Кто пробовал?'],
    [Q, NEU, 'roaming', 'В тариф Aurora входит роуминг по Европе или надо подключать отдельно? Улетаю на следующей неделе'],
    [P, POS, 'product', '{feature} у {phone} — просто огонь {pos}'],
    [P, POS, 'support', 'Оптику починили за день, скорость честные 500 Мбит. Спасибо, Аврора {pos}'],
    [P, POS, 'app', 'Новое обновление приложения — огонь: баланс, трафик и счета на одном экране. Пять звёзд {pos}', APP],
    [B, NEU, 'price', 'Стоит ли брать {phone} за {price}? Или подождать скидок?'],
    [B, NEU, 'availability', 'Где в {city} можно купить {buds}? Везде нет в наличии'],
    [B, NEU, 'switching', 'Думаем всей семьёй перейти на оптику от Aurora. Кто подключён в {city}, как скорость?'],
    [O, NEU, 'news', 'Aurora Mobile запустила оптический интернет ещё в {n} городах', NEWS],
    [O, NEU, 'review', 'Обзор {phone} спустя {d} дней: экран отличный, камера хорошая, батарея так себе', REVIEW],
    [O, NEU, 'chatter', 'Смотрю презентацию Aurora, кто ещё тут? 👀', SOCIAL],
  ],
  th: [
    [C, NEG, 'battery', 'แบต {phone} หมดไวมากกก หลังอัปเดต ชาร์จเต็มอยู่ได้ไม่ถึงครึ่งวัน {neg}'],
    [C, NEG, 'outage', 'เน็ตไฟเบอร์ที่{city}ล่มอีกแล้ว ใช้ไม่ได้มา {h} ชั่วโมงแล้วค่ะ {brand} ช่วยด้วย {neg}'],
    [C, NEG, 'billing', 'บิลเดือนนี้โดนเก็บเกินมา {bill} ไม่ได้สมัครอะไรเพิ่มเลยนะครับ'],
    [C, NEG, 'refund', 'คืน {buds} ไปตั้งแต่ {d} วันก่อน ยังไม่ได้เงินคืนเลย ออเดอร์ {order} ค่ะ'],
    [C, NEG, 'delivery', 'สั่ง {phone} ไปอาทิตย์นึงแล้ว ของยังไม่มาส่งเลย 😤'],
    [C, NEG, 'app', 'แอปเด้งออกทุกครั้งที่เปิด ใช้งานไม่ได้เลย รบกวนแก้ไขด่วนค่ะ', APP],
    [Q, NEU, 'setup', 'ใครรู้บ้างคะ เปิด eSIM ใน {phone} ยังไง {meh}'],
    [Q, NEU, 'update', 'อัปเดตใหม่ของ {phone} จะมาเมื่อไหร่ครับ'],
    [Q, NEU, 'compatibility', '{buds} ใช้กับไอแพดได้ไหมครับ'],
    [Q, NEU, 'roaming', 'แพ็กเกจ Aurora ใช้โรมมิ่งที่ญี่ปุ่นได้เลยไหมคะ หรือต้องสมัครเพิ่ม อาทิตย์หน้าจะไปเที่ยว'],
    [P, POS, 'product', '{feature}ของ {phone} คือดีมากกก ไม่ผิดหวังเลย {pos}'],
    [P, POS, 'support', 'พนักงานแชทของ Aurora ช่วยแก้เน็ตให้ภายใน 10 นาที ประทับใจมากค่ะ {pos}'],
    [P, POS, 'app', 'แอปเวอร์ชันใหม่ดีขึ้นเยอะ ดูยอดบิลกับเน็ตที่เหลือได้ในหน้าเดียว ให้ 5 ดาวเลย {pos}', APP],
    [B, NEU, 'price', '{phone} ราคา {price} คุ้มไหมคะ กำลังคิดจะเปลี่ยนเครื่อง'],
    [B, NEU, 'availability', 'แถว{city}มีร้านไหนขาย {buds} บ้างครับ'],
    [B, NEU, 'switching', 'ที่บ้านกำลังจะเปลี่ยนมาใช้เน็ตไฟเบอร์ของ Aurora ใครใช้อยู่แถว{city}บ้าง เน็ตแรงไหม'],
    [O, NEU, 'news', 'Aurora Mobile ขยายเน็ตไฟเบอร์เพิ่มอีก {n} จังหวัด', NEWS],
    [O, NEU, 'review', 'รีวิว {phone} หลังใช้มา {d} วัน จอสวย กล้องดี แบตพอใช้', REVIEW],
    [O, NEU, 'chatter', '555 ตอนนี้ทุกคนในออฟฟิศใช้ {phone} กันหมดแล้ว', SOCIAL],
  ],
  tr: [
    [C, NEG, 'battery', '{brand} güncellemeden sonra {phone} şarjı yarım günde bitiyor, bu ne ya {neg}'],
    [C, NEG, 'outage', '{city} internet yine yok! {h} saattir fiber çalışmıyor, müşteri hizmetleri de açmıyor {neg}'],
    [C, NEG, 'billing', 'Faturama {bill} fazladan yansımış, hiçbir ek paket almadım. Açıklama bekliyorum {brand}'],
    [C, NEG, 'refund', '{buds} iade ettim, {d} gündür paramı bekliyorum. Sipariş no: {order}'],
    [C, NEG, 'delivery', '{order} numaralı siparişim hâlâ kargoya verilmedi, 1 haftadır bekliyorum 😡'],
    [C, NEG, 'app', 'Uygulama sürekli çöküyor, giriş bile yapamıyorum. Lütfen düzeltin.', APP],
    [Q, NEU, 'setup', '{phone} için eSIM nasıl aktif ediliyor? Bilen var mı {meh}'],
    [Q, NEU, 'update', '{phone} için yeni güncelleme ne zaman gelecek? {brand}'],
    [Q, NEU, 'compatibility', '{buds} iki cihaza aynı anda bağlanabiliyor mu?'],
    [Q, NEU, 'roaming', 'Aurora faturalı hatta yurt dışı roaming dahil mi? Haftaya Almanya\'ya gidiyorum'],
    [P, POS, 'product', '{phone} {feature} efsane olmuş {pos}'],
    [P, POS, 'support', 'Aurora canlı destek ekibine teşekkürler, sorunumu 10 dakikada çözdüler {pos}'],
    [P, POS, 'app', 'Yeni uygulama güncellemesi çok iyi olmuş, fatura ve kalan internet tek ekranda. 5 yıldız {pos}', APP],
    [B, NEU, 'price', '{phone} için {price} vermeye değer mi sizce? Eski telefonum artık can çekişiyor'],
    [B, NEU, 'availability', '{city} {buds} nereden alabilirim? Her yerde tükenmiş'],
    [B, NEU, 'switching', 'Ailecek Aurora fibere geçmeyi düşünüyoruz. {city} kullanan var mı, hız nasıl?'],
    [O, NEU, 'news', 'Aurora Mobile, fiber internet hizmetini {n} yeni şehre taşıdı', NEWS],
    [O, NEU, 'review', '{d} gün {phone} kullandım: ekran harika, kamera iyi, pil idare eder', REVIEW],
    [O, NEU, 'chatter', 'Aurora lansmanını izleyen var mı? 👀', SOCIAL],
  ],
  fr: [
    [C, NEG, 'battery', '{brand} depuis la mise à jour mon {phone} tient même plus la journée, sérieux ?? {neg}'],
    [C, NEG, 'outage', 'Encore une panne de fibre à {city}, ça fait {h} heures que j\'ai plus internet {neg} #panne'],
    [C, NEG, 'billing', 'On m\'a facturé {bill} de trop ce mois-ci pour des options que j\'ai jamais demandées. Remboursez svp'],
    [C, NEG, 'refund', 'J\'ai renvoyé mes {buds} il y a {d} jours et toujours pas de remboursement. Commande {order}.'],
    [C, NEG, 'delivery', 'Commande {order} censée arriver mardi, toujours rien… merci {brand} 🙄'],
    [C, NEG, 'app', 'L\'appli plante à chaque ouverture depuis la dernière version. Inutilisable.', APP],
    [Q, NEU, 'setup', 'Comment on active l\'eSIM sur le {phone} ? Je trouve pas dans les réglages {meh}'],
    [Q, NEU, 'update', 'Quelqu\'un sait quand arrive la prochaine mise à jour pour le {phone} ?'],
    [Q, NEU, 'compatibility', 'Les {buds} sont compatibles avec un PC Windows ?'],
    [Q, NEU, 'roaming', 'Le forfait Aurora inclut le roaming en Europe ou il faut prendre une option ? Je pars la semaine pro'],
    [P, POS, 'product', '{feature} du {phone}, franchement une dinguerie {pos}'],
    [P, POS, 'support', 'Big up au service client Aurora, fibre réparée en 20 min {pos}'],
    [P, POS, 'app', 'La nouvelle version de l\'appli est top, enfin la facture et la data restante sur un seul écran. 5 étoiles {pos}', APP],
    [B, NEU, 'price', 'Le {phone} à {price}, ça vaut le coup ou j\'attends les soldes ?'],
    [B, NEU, 'availability', 'Où acheter des {buds} à {city} ? Rupture partout'],
    [B, NEU, 'switching', 'On hésite à passer toute la famille à la fibre Aurora. Quelqu\'un l\'a à {city} ? Ça donne quoi en débit ?'],
    [O, NEU, 'news', 'Aurora Mobile déploie la fibre dans {n} nouvelles villes', NEWS],
    [O, NEU, 'review', 'Le {phone} après {d} jours : super écran, bon appareil photo, autonomie moyenne', REVIEW],
    [O, NEU, 'chatter', 'Qui regarde la keynote Aurora ce soir ? 👀', SOCIAL],
  ],
  es: [
    [C, NEG, 'battery', '{brand} desde la actualización mi {phone} no aguanta ni medio día de batería {neg}'],
    [C, NEG, 'outage', 'Otra vez sin fibra en {city}, llevamos {h} horas sin internet y nadie da respuesta {neg}'],
    [C, NEG, 'billing', 'Me cobraron {bill} de más en la factura por servicios que nunca contraté. ¿Alguien de {brand} me lo explica?'],
    [C, NEG, 'refund', 'Devolví los {buds} hace {d} días y sigo sin ver el reembolso. Pedido {order}'],
    [C, NEG, 'delivery', 'Mi pedido {order} tenía que llegar el lunes y nada, ni rastro 😤'],
    [C, NEG, 'app', 'La app se cierra sola cada vez que la abro. Ya la reinstalé y nada.', APP],
    [Q, NEU, 'setup', '¿Cómo activo la eSIM en el {phone}? No me aparece la opción {meh}'],
    [Q, NEU, 'update', '¿Cuándo llega la actualización para el {phone}? {brand}'],
    [Q, NEU, 'compatibility', '¿Los {buds} se pueden conectar a dos dispositivos a la vez?'],
    [Q, NEU, 'roaming', '¿La tarifa de Aurora incluye roaming fuera de la UE o hay que contratar un bono? Me voy a México la semana que viene'],
    [P, POS, 'product', '{feature} del {phone} es una locura, en serio {pos}'],
    [P, POS, 'support', 'Gracias al equipo de {brand} por arreglarme lo de la fibra en 10 minutos. Así sí {pos}'],
    [P, POS, 'app', 'La nueva versión de la app está genial, por fin veo la factura y los datos que me quedan en una sola pantalla. 5 estrellas {pos}', APP],
    [B, NEU, 'price', '¿Vale la pena el {phone} por {price}? Mi móvil ya está muerto jajaja'],
    [B, NEU, 'availability', '¿Dónde consigo los {buds} en {city}? Agotados en todos lados'],
    [B, NEU, 'switching', 'Estamos pensando en pasarnos toda la familia a la fibra de Aurora. ¿Alguien la tiene en {city}? ¿Qué tal va?'],
    [O, NEU, 'news', 'Aurora Mobile lleva la fibra a {n} nuevas ciudades', NEWS],
    [O, NEU, 'review', '{phone} tras {d} días de uso: pantallón, buena cámara, batería normalita', REVIEW],
    [O, NEU, 'chatter', '¿Alguien más viendo la presentación de Aurora? 👀', SOCIAL],
  ],
  ar: [
    [C, NEG, 'battery', '{brand} بعد التحديث صارت بطارية {phone} تخلص بنص يوم! وش السالفة {neg}'],
    [C, NEG, 'outage', 'النت مقطوع في {city} من الصبح والفايبر ما يشتغل، وخدمة العملاء ما ترد {neg}'],
    [C, NEG, 'billing', 'انخصم مني {bill} زيادة في الفاتورة على خدمة ما اشتركت فيها. أبي فلوسي ترجع'],
    [C, NEG, 'refund', 'رجعت {buds} من أسبوعين وللحين ما وصلني المبلغ. رقم الطلب {order}'],
    [C, NEG, 'delivery', 'طلبي {order} متأخر وحالته ما تغيرت من أيام 😤'],
    [C, NEG, 'app', 'التطبيق يقفل لحاله كل ما أفتحه، حتى بعد ما حذفته ونزلته من جديد', APP],
    [Q, NEU, 'setup', 'كيف أفعّل الشريحة الإلكترونية eSIM في {phone}؟ {meh}'],
    [Q, NEU, 'update', 'متى ينزل التحديث الجديد لـ {phone}؟ {brand}'],
    [Q, NEU, 'compatibility', 'هل سماعات {buds} تشتغل مع الآيفون؟'],
    [Q, NEU, 'roaming', 'باقة أورورا فيها تجوال في أوروبا ولا لازم أشترك بإضافة؟ مسافر الأسبوع الجاي'],
    [P, POS, 'product', '{feature} في {phone} شي خرافي {pos}'],
    [P, POS, 'support', 'شكراً لفريق {brand} على سرعة الرد، انحلت مشكلة النت في ربع ساعة {pos}'],
    [P, POS, 'app', 'التحديث الجديد للتطبيق ممتاز، صرت أشوف الفاتورة والباقة المتبقية في صفحة وحدة. خمس نجوم {pos}', APP],
    [B, NEU, 'price', '{phone} بسعر {price} يستاهل؟ ناوي أغير جوالي'],
    [B, NEU, 'availability', 'وين ألقى {buds} في {city}؟ خالصة من كل المحلات'],
    [B, NEU, 'switching', 'ناوين ننقل البيت كله على فايبر أورورا، أحد مشترك عندهم في {city}؟ كيف السرعة؟'],
    [O, NEU, 'news', 'أورورا موبايل توسّع شبكة الألياف الضوئية إلى {n} مدن جديدة', NEWS],
    [O, NEU, 'review', 'مراجعة {phone} بعد أسبوعين من الاستخدام: الشاشة رهيبة، الكاميرا ممتازة، البطارية عادية', REVIEW],
    [O, NEU, 'chatter', 'أحد يتابع مؤتمر أورورا الحين؟ 👀', SOCIAL],
  ],
  ja: [
    [C, NEG, 'battery', '{brand} アップデートしてから{phone}のバッテリーが半日もたない…なんとかして{neg}'],
    [C, NEG, 'outage', '{city}でまた光回線が落ちてる。もう{h}時間ネット使えないんだけど{neg}'],
    [C, NEG, 'billing', '今月の請求、身に覚えのないオプションで{bill}も多く引かれてた。返金してほしい'],
    [C, NEG, 'refund', '{buds}返品して{d}日経つのにまだ返金されない。注文番号{order}'],
    [C, NEG, 'delivery', '注文した{phone}、お届け予定日過ぎてるのにまだ届かない😩'],
    [C, NEG, 'app', 'アプリを開くたびに落ちます。再インストールしても直りません。', APP],
    [Q, NEU, 'setup', '{phone}でeSIMってどうやって設定するの？{meh}'],
    [Q, NEU, 'update', '{phone}の次のアップデートっていつ来ますか？'],
    [Q, NEU, 'compatibility', '{buds}ってPCとスマホに同時接続できる？'],
    [Q, NEU, 'roaming', 'Auroraのプランって海外ローミング込み？それとも別途申し込みが必要？来週ヨーロッパ行くんだけど'],
    [P, POS, 'product', '{phone}の{feature}、マジで神{pos}'],
    [P, POS, 'support', 'Auroraのチャットサポート、10分で光回線の不具合直してくれた。神対応{pos}'],
    [P, POS, 'app', 'アプリのアップデートでめちゃ使いやすくなった。請求額と残りギガが一画面で見られる。星5つ{pos}', APP],
    [B, NEU, 'price', '{phone}、{price}なら買いかな？そろそろ機種変したい'],
    [B, NEU, 'availability', '{city}で{buds}売ってるお店ありますか？どこも在庫なし'],
    [B, NEU, 'switching', '家のネットをAuroraの光に乗り換えようか検討中。{city}で使ってる人いる？速度どう？'],
    [O, NEU, 'news', 'Aurora Mobile、光回線サービスを新たに{n}都市へ拡大', NEWS],
    [O, NEU, 'review', '{phone}を{d}日使ってみた感想：画面きれい、カメラ良い、電池は普通', REVIEW],
    [O, NEU, 'chatter', 'Auroraの発表会見てる人いる？👀', SOCIAL],
  ],
  de: [
    [C, NEG, 'battery', '{brand} seit dem Update hält mein {phone} keinen halben Tag mehr durch. Echt jetzt? {neg}'],
    [C, NEG, 'outage', 'Schon wieder Glasfaser-Störung in {city}, seit {h} Stunden kein Internet {neg} #Störung'],
    [C, NEG, 'billing', 'Mir wurden {bill} zu viel abgebucht für Optionen, die ich nie gebucht hab. Bitte um Erstattung!'],
    [C, NEG, 'refund', 'Meine {buds} vor {d} Tagen zurückgeschickt, bis heute keine Rückerstattung. Bestellnr. {order}'],
    [C, NEG, 'delivery', 'Bestellung {order} sollte Dienstag kommen, Sendungsverfolgung sagt seit Tagen nix 🙄'],
    [C, NEG, 'app', 'App stürzt bei jedem Start ab. Seit dem letzten Update unbrauchbar.', APP],
    [Q, NEU, 'setup', 'Wie aktiviere ich eSIM auf dem {phone}? Finde die Option nicht {meh}'],
    [Q, NEU, 'update', 'Weiß jemand, wann das nächste Update fürs {phone} kommt?'],
    [Q, NEU, 'compatibility', 'Kann man die {buds} gleichzeitig mit Handy und Laptop koppeln?'],
    [Q, NEU, 'roaming', 'Ist bei Aurora Roaming in der EU inklusive oder muss ich was dazubuchen? Fliege nächste Woche nach Spanien'],
    [P, POS, 'product', '{feature} vom {phone} ist einfach der Hammer {pos}'],
    [P, POS, 'support', 'Großes Lob an den {brand} Support, Glasfaser lief nach 15 Minuten wieder {pos}'],
    [P, POS, 'app', 'Das neue App-Update ist richtig gut, endlich sieht man Datenverbrauch und Rechnung auf einen Blick. 5 Sterne {pos}', APP],
    [B, NEU, 'price', 'Lohnt sich das {phone} für {price} oder lieber auf den Black Friday warten?'],
    [B, NEU, 'availability', 'Wo gibt\'s die {buds} in {city}? Überall ausverkauft'],
    [B, NEU, 'switching', 'Überlegen, zu Aurora Glasfaser zu wechseln. Hat das jemand in {city}? Wie ist die Geschwindigkeit?'],
    [O, NEU, 'news', 'Aurora Mobile baut Glasfasernetz in {n} weiteren Städten aus', NEWS],
    [O, NEU, 'review', '{phone} nach {d} Tagen: tolles Display, gute Kamera, Akku nur okay', REVIEW],
    [O, NEU, 'chatter', 'Wer schaut heute die Aurora Keynote? 👀', SOCIAL],
  ],
  pt: [
    [C, NEG, 'battery', '{brand} depois da atualização meu {phone} não dura nem meio dia de bateria {neg}'],
    [C, NEG, 'outage', 'Sem internet de novo em {city}, já são {h} horas com a fibra fora do ar {neg}'],
    [C, NEG, 'billing', 'Vieram {bill} a mais na minha fatura por um serviço que eu nunca contratei. Quero estorno!'],
    [C, NEG, 'refund', 'Devolvi os {buds} faz {d} dias e até agora nada do reembolso. Pedido {order}'],
    [C, NEG, 'delivery', 'Meu pedido {order} era pra chegar ontem e nem saiu pra entrega 😡'],
    [C, NEG, 'app', 'O app fecha sozinho toda vez que eu abro. Já reinstalei e nada.', APP],
    [Q, NEU, 'setup', 'Como ativa o eSIM no {phone}? Não acho a opção {meh}'],
    [Q, NEU, 'update', 'Quando sai a atualização pro {phone}? {brand}'],
    [Q, NEU, 'compatibility', 'Os {buds} conectam em dois aparelhos ao mesmo tempo?'],
    [Q, NEU, 'roaming', 'O plano da Aurora tem roaming internacional incluso ou preciso contratar pacote? Viajo semana que vem'],
    [P, POS, 'product', '{feature} do {phone} é surreal {pos}'],
    [P, POS, 'support', 'O atendimento da Aurora no chat resolveu meu problema da fibra em 10 min. Nota 10 {pos}'],
    [P, POS, 'app', 'A nova versão do app ficou ótima, finalmente dá pra ver a fatura e os dados que sobraram numa tela só. 5 estrelas {pos}', APP],
    [B, NEU, 'price', 'Vale a pena o {phone} por {price}? Tô pensando em trocar de celular'],
    [B, NEU, 'availability', 'Onde compro os {buds} em {city}? Tá esgotado em todo lugar'],
    [B, NEU, 'switching', 'Tô pensando em passar a casa toda pra fibra da Aurora. Alguém tem em {city}? A velocidade é boa?'],
    [O, NEU, 'news', 'Aurora Mobile leva fibra óptica a mais {n} cidades', NEWS],
    [O, NEU, 'review', '{phone} depois de {d} dias de uso: tela linda, câmera boa, bateria ok', REVIEW],
    [O, NEU, 'chatter', 'Alguém assistindo o lançamento da Aurora? kkkkk 👀', SOCIAL],
  ],
  hi: [
    [C, NEG, 'battery', '{brand} अपडेट के बाद से {phone} की बैटरी आधे दिन भी नहीं चलती {neg}'],
    [C, NEG, 'outage', '{city} में फिर से इंटरनेट बंद है, {h} घंटे हो गए फाइबर नहीं चल रहा {neg}'],
    [C, NEG, 'billing', 'इस महीने के बिल में {bill} ज़्यादा काट लिए, मैंने कोई नया प्लान नहीं लिया था'],
    [C, NEG, 'refund', 'Bhai {buds} return kiye {d} din ho gaye, refund abhi tak nahi aaya. Order {order} {neg}'],
    [C, NEG, 'delivery', 'मेरा ऑर्डर {order} अभी तक डिलीवर नहीं हुआ, तीन बार डेट बदल दी'],
    [C, NEG, 'app', 'ऐप खोलते ही बंद हो जाता है, कृपया जल्दी ठीक करें', APP],
    [Q, NEU, 'setup', '{phone} में eSIM कैसे चालू करें? कोई बताओ {meh}'],
    [Q, NEU, 'update', '{phone} का नया अपडेट कब आएगा? {brand}'],
    [Q, NEU, 'compatibility', 'Kya {buds} laptop ke saath bhi connect hote hain?'],
    [Q, NEU, 'roaming', 'Aurora के प्लान में इंटरनेशनल रोमिंग शामिल है क्या? अगले हफ्ते दुबई जा रहा हूँ'],
    [P, POS, 'product', '{phone} का {feature} कमाल का है यार {pos}'],
    [P, POS, 'support', 'Aurora की चैट सपोर्ट टीम ने 10 मिनट में फाइबर ठीक कर दिया, बढ़िया सर्विस {pos}'],
    [P, POS, 'app', 'नया ऐप अपडेट बहुत बढ़िया है, बिल और बचा हुआ डेटा एक ही जगह दिख जाता है। 5 स्टार {pos}', APP],
    [B, NEU, 'price', '{price} में {phone} लेना सही रहेगा? पुराना फोन बदलना है'],
    [B, NEU, 'availability', '{city} में {buds} कहाँ मिलेंगे? हर जगह आउट ऑफ स्टॉक है'],
    [B, NEU, 'switching', 'घर के लिए Aurora फाइबर लेने का सोच रहे हैं, {city} में किसी के पास है? स्पीड कैसी है?'],
    [O, NEU, 'news', 'Aurora Mobile ने {n} नए शहरों में फाइबर सेवा शुरू की', NEWS],
    [O, NEU, 'review', '{phone} को {d} दिन इस्तेमाल करने के बाद: डिस्प्ले शानदार, कैमरा अच्छा, बैटरी ठीक-ठाक', REVIEW],
    [O, NEU, 'chatter', 'Aurora ka launch event koi dekh raha hai kya? 👀', SOCIAL],
  ],
};

type ReplyRow = readonly [DemoReplyKind, string];

/** Intent / sentiment of each reply kind (the same in every language). */
const REPLY_LABELS: Record<DemoReplyKind, readonly [IntentLabel, SentimentLabel]> = {
  brand_apology: [O, NEU],
  brand_apology_private: [O, NEU],
  brand_outage: [O, NEU],
  brand_answer: [O, NEU],
  brand_answer_private: [O, NEU],
  brand_thanks: [O, POS],
  follow_up_unresolved: [C, NEG],
  follow_up_resolved: [P, POS],
  bystander_same: [C, NEG],
};

const REPLY_ROWS: Record<DemoLang, readonly ReplyRow[]> = {
  en: [
    ['brand_apology', 'Hi {name}, really sorry about this! Can you DM us your account number so we can look into it? ^JS'],
    ['brand_outage', 'Hey {name}, we\'re aware of an issue affecting some customers in your area and our engineers are on it. We\'ll update you here as soon as we know more 🙏'],
    ['brand_answer', 'Hi {name}! Great question, we\'ve sent you the details by DM 🙂'],
    ['brand_thanks', 'Thanks so much {name}, you made our day! 💙'],
    ['follow_up_unresolved', 'still not sorted btw. {h} hours later and nothing {neg}'],
    ['follow_up_resolved', 'all working again, thanks for the quick help {pos}'],
    ['bystander_same', '@{handle} same here, exact same issue {neg}'],
    ['brand_apology_private', 'Hi {name}, I\'m really sorry about this. I\'ve opened ticket {ticket} for you and a specialist will get back to you within 24 hours.'],
    ['brand_answer_private', 'Hi {name}, thanks for getting in touch! I\'ve sent the details to the email on your account. Anything else I can help with? 🙂'],
  ],
  ru: [
    ['brand_apology', '{name}, здравствуйте! Очень жаль, что так вышло. Напишите, пожалуйста, номер договора в личные сообщения — разберёмся.'],
    ['brand_outage', '{name}, мы уже знаем о проблеме, специалисты работают над её устранением. Сообщим, как только всё заработает 🙏'],
    ['brand_answer', '{name}, добрый день! Отправили подробности в личные сообщения 🙂'],
    ['brand_thanks', '{name}, спасибо за тёплые слова! Очень приятно 💙'],
    ['follow_up_unresolved', 'Так ничего и не исправили, прошло уже {h} часов {neg}'],
    ['follow_up_resolved', 'Всё заработало, спасибо за быструю помощь {pos}'],
    ['bystander_same', '@{handle} у меня то же самое {neg}'],
    ['brand_apology_private', '{name}, здравствуйте! Приносим извинения. Я оформил заявку {ticket}, специалист свяжется с вами в течение 24 часов.'],
    ['brand_answer_private', '{name}, здравствуйте! Спасибо за обращение. Отправил подробную информацию на e-mail, указанный в договоре. Могу ещё чем-то помочь? 🙂'],
  ],
  th: [
    ['brand_apology', 'สวัสดีค่ะคุณ{name} ต้องขออภัยในความไม่สะดวกนะคะ รบกวนส่งเบอร์ที่ใช้บริการมาทางข้อความส่วนตัว แอดมินจะรีบตรวจสอบให้ค่ะ'],
    ['brand_outage', 'คุณ{name} ขณะนี้ทีมงานทราบปัญหาแล้วและกำลังเร่งแก้ไขค่ะ จะแจ้งความคืบหน้าให้ทราบโดยเร็วที่สุดนะคะ 🙏'],
    ['brand_answer', 'สวัสดีค่ะคุณ{name} แอดมินส่งรายละเอียดให้ทางข้อความส่วนตัวแล้วนะคะ 🙂'],
    ['brand_thanks', 'ขอบคุณมากค่ะคุณ{name} ดีใจที่ชอบนะคะ 💙'],
    ['follow_up_unresolved', 'ผ่านมา {h} ชั่วโมงแล้วยังไม่ได้แก้เลย {neg}'],
    ['follow_up_resolved', 'ใช้ได้แล้วค่ะ ขอบคุณที่ช่วยนะคะ {pos}'],
    ['bystander_same', '@{handle} เป็นเหมือนกันเลย {neg}'],
    ['brand_apology_private', 'สวัสดีค่ะคุณ{name} ต้องขออภัยเป็นอย่างสูงค่ะ เปิดเรื่องให้แล้วเลขที่ {ticket} เจ้าหน้าที่จะติดต่อกลับภายใน 24 ชั่วโมงนะคะ'],
    ['brand_answer_private', 'สวัสดีค่ะคุณ{name} ขอบคุณที่ติดต่อมานะคะ ส่งรายละเอียดไปที่อีเมลที่ลงทะเบียนไว้แล้วค่ะ มีอะไรให้ช่วยเพิ่มเติมไหมคะ 🙂'],
  ],
  tr: [
    ['brand_apology', 'Merhaba {name}, yaşadığın sorun için çok üzgünüz. Müşteri numaranı DM\'den iletirsen hemen inceleyelim.'],
    ['brand_outage', 'Merhaba {name}, bazı bölgelerde yaşanan arızadan haberdarız, ekiplerimiz çalışıyor. Gelişmeleri buradan paylaşacağız 🙏'],
    ['brand_answer', 'Merhaba {name}! Detayları DM\'den ilettik 🙂'],
    ['brand_thanks', 'Güzel sözlerin için çok teşekkürler {name} 💙'],
    ['follow_up_unresolved', '{h} saat oldu hâlâ düzelmedi {neg}'],
    ['follow_up_resolved', 'Düzeldi, hızlı yardım için teşekkürler {pos}'],
    ['bystander_same', '@{handle} bende de aynısı var {neg}'],
    ['brand_apology_private', 'Merhaba {name}, yaşadığınız sorun için özür dileriz. {ticket} numaralı kaydınızı açtık, uzman ekibimiz 24 saat içinde size dönüş yapacak.'],
    ['brand_answer_private', 'Merhaba {name}, bize ulaştığınız için teşekkürler! Detayları kayıtlı e-posta adresinize gönderdik. Başka yardımcı olabileceğimiz bir konu var mı? 🙂'],
  ],
  fr: [
    ['brand_apology', 'Bonjour {name}, désolés pour ce souci ! Pouvez-vous nous envoyer votre numéro client en MP pour qu\'on regarde ça ?'],
    ['brand_outage', '{name}, nous avons connaissance d\'un incident dans certains secteurs, nos équipes sont dessus. On vous tient au courant ici 🙏'],
    ['brand_answer', 'Bonjour {name} ! On vous a envoyé toutes les infos en MP 🙂'],
    ['brand_thanks', 'Merci beaucoup {name}, ça nous fait super plaisir ! 💙'],
    ['follow_up_unresolved', 'Toujours pas réglé, ça fait {h} heures {neg}'],
    ['follow_up_resolved', 'C\'est revenu, merci pour la réactivité {pos}'],
    ['bystander_same', '@{handle} pareil chez moi {neg}'],
    ['brand_apology_private', 'Bonjour {name}, toutes nos excuses pour ce désagrément. J\'ai ouvert le dossier {ticket}, un conseiller vous recontacte sous 24 h.'],
    ['brand_answer_private', 'Bonjour {name}, merci pour votre message ! Je vous ai envoyé les détails sur l\'adresse e-mail de votre compte. Puis-je vous aider pour autre chose ? 🙂'],
  ],
  es: [
    ['brand_apology', 'Hola {name}, sentimos mucho las molestias. ¿Nos mandas tu número de cliente por MD y lo revisamos?'],
    ['brand_outage', '{name}, estamos al tanto de una incidencia en algunas zonas y el equipo técnico ya está trabajando en ello. Te mantenemos al día por aquí 🙏'],
    ['brand_answer', '¡Hola {name}! Te hemos enviado los detalles por MD 🙂'],
    ['brand_thanks', '¡Mil gracias, {name}! Nos alegra mucho leerte 💙'],
    ['follow_up_unresolved', 'Sigue sin funcionar, ya van {h} horas {neg}'],
    ['follow_up_resolved', 'Ya funciona, gracias por la ayuda tan rápida {pos}'],
    ['bystander_same', '@{handle} a mí me pasa lo mismo {neg}'],
    ['brand_apology_private', 'Hola {name}, sentimos mucho las molestias. He abierto la incidencia {ticket} y un especialista te contactará en menos de 24 horas.'],
    ['brand_answer_private', 'Hola {name}, ¡gracias por escribirnos! Te he enviado los detalles al correo de tu cuenta. ¿Te puedo ayudar en algo más? 🙂'],
  ],
  ar: [
    ['brand_apology', 'أهلاً {name}، نعتذر عن الإزعاج! ممكن ترسل لنا رقم الحساب في الخاص عشان نتابع الموضوع؟'],
    ['brand_outage', '{name}، نعلم بوجود عطل في بعض المناطق وفريقنا الفني يعمل على إصلاحه. بنحدثك هنا أول بأول 🙏'],
    ['brand_answer', 'أهلاً {name}! أرسلنا لك التفاصيل في الخاص 🙂'],
    ['brand_thanks', 'شكراً {name} على كلامك الحلو، يسعدنا رضاك 💙'],
    ['follow_up_unresolved', 'للحين ما انحلت المشكلة {neg}'],
    ['follow_up_resolved', 'رجع يشتغل، مشكورين على سرعة التجاوب {pos}'],
    ['bystander_same', '@{handle} نفس المشكلة عندي {neg}'],
    ['brand_apology_private', 'أهلاً {name}، نعتذر منك على الإزعاج. فتحنا لك بلاغ رقم {ticket} وبيتواصل معك أحد المختصين خلال 24 ساعة.'],
    ['brand_answer_private', 'أهلاً {name}، شكراً لتواصلك معنا! أرسلنا التفاصيل على الإيميل المسجل في حسابك. تبي مساعدة في شي ثاني؟ 🙂'],
  ],
  ja: [
    ['brand_apology', '{name}様、ご不便をおかけして申し訳ございません。お手数ですがDMにてお客様番号をお知らせいただけますでしょうか。'],
    ['brand_outage', '{name}様、現在一部地域で通信障害が発生しており、復旧作業を進めております。進捗はこちらでお知らせいたします🙏'],
    ['brand_answer', '{name}様、お問い合わせありがとうございます。詳細をDMでお送りしました🙂'],
    ['brand_thanks', '{name}様、温かいお言葉ありがとうございます！💙'],
    ['follow_up_unresolved', '{h}時間経ってもまだ直らない{neg}'],
    ['follow_up_resolved', '直りました！迅速な対応ありがとうございます{pos}'],
    ['bystander_same', '@{handle} うちも同じ症状です{neg}'],
    ['brand_apology_private', '{name}様、ご迷惑をおかけし大変申し訳ございません。受付番号{ticket}にて承りました。24時間以内に担当者よりご連絡いたします。'],
    ['brand_answer_private', '{name}様、お問い合わせありがとうございます。ご登録のメールアドレスに詳細をお送りしました。他にご不明な点はございますか？🙂'],
  ],
  de: [
    ['brand_apology', 'Hallo {name}, das tut uns leid! Schick uns bitte deine Kundennummer per DM, dann schauen wir uns das an.'],
    ['brand_outage', 'Hi {name}, uns ist eine Störung in einigen Regionen bekannt, unser Technikteam arbeitet dran. Wir melden uns hier, sobald es Neuigkeiten gibt 🙏'],
    ['brand_answer', 'Hallo {name}! Wir haben dir alle Infos per DM geschickt 🙂'],
    ['brand_thanks', 'Danke dir, {name}! Freut uns riesig 💙'],
    ['follow_up_unresolved', 'Immer noch nicht behoben, mittlerweile {h} Stunden {neg}'],
    ['follow_up_resolved', 'Läuft wieder, danke für die schnelle Hilfe {pos}'],
    ['bystander_same', '@{handle} bei mir genau das Gleiche {neg}'],
    ['brand_apology_private', 'Hallo {name}, das tut uns wirklich leid. Ich habe das Ticket {ticket} für dich angelegt, unsere Technik meldet sich innerhalb von 24 Stunden.'],
    ['brand_answer_private', 'Hallo {name}, danke für deine Nachricht! Ich habe dir die Details an die E-Mail-Adresse in deinem Kundenkonto geschickt. Kann ich sonst noch helfen? 🙂'],
  ],
  pt: [
    ['brand_apology', 'Oi {name}, sentimos muito pelo transtorno! Manda seu número de cliente por DM que a gente verifica.'],
    ['brand_outage', '{name}, já identificamos uma instabilidade em algumas regiões e nossa equipe está trabalhando nisso. Avisamos por aqui assim que normalizar 🙏'],
    ['brand_answer', 'Oi {name}! Mandamos os detalhes por DM 🙂'],
    ['brand_thanks', 'Muito obrigado, {name}! Ficamos felizes demais 💙'],
    ['follow_up_unresolved', 'Continua sem funcionar, já são {h} horas {neg}'],
    ['follow_up_resolved', 'Voltou a funcionar, valeu pela ajuda rápida {pos}'],
    ['bystander_same', '@{handle} aqui também, mesma coisa {neg}'],
    ['brand_apology_private', 'Oi {name}, pedimos desculpas pelo transtorno. Abri o protocolo {ticket} e um especialista vai te retornar em até 24 horas.'],
    ['brand_answer_private', 'Oi {name}, obrigado pelo contato! Enviei os detalhes pro e-mail cadastrado na sua conta. Posso ajudar em mais alguma coisa? 🙂'],
  ],
  hi: [
    ['brand_apology', 'नमस्ते {name} जी, असुविधा के लिए खेद है। कृपया अपना अकाउंट नंबर DM करें, हम तुरंत जाँच करेंगे।'],
    ['brand_outage', '{name} जी, कुछ इलाकों में तकनीकी समस्या की जानकारी हमें है और हमारी टीम इस पर काम कर रही है। अपडेट यहीं देंगे 🙏'],
    ['brand_answer', 'नमस्ते {name} जी! पूरी जानकारी आपको DM में भेज दी है 🙂'],
    ['brand_thanks', 'बहुत-बहुत धन्यवाद {name} जी, आपको पसंद आया, ये सुनकर खुशी हुई 💙'],
    ['follow_up_unresolved', '{h} घंटे हो गए, अभी तक ठीक नहीं हुआ {neg}'],
    ['follow_up_resolved', 'Ab chal raha hai, jaldi help ke liye thanks {pos}'],
    ['bystander_same', '@{handle} mera bhi same issue hai {neg}'],
    ['brand_apology_private', 'नमस्ते {name} जी, असुविधा के लिए हमें खेद है। आपकी शिकायत {ticket} दर्ज कर ली गई है, हमारे विशेषज्ञ 24 घंटे के भीतर आपसे संपर्क करेंगे।'],
    ['brand_answer_private', 'नमस्ते {name} जी, संपर्क करने के लिए धन्यवाद! पूरी जानकारी आपके रजिस्टर्ड ईमेल पर भेज दी गई है। क्या मैं और कोई मदद कर सकता हूँ? 🙂'],
  ],
};

export const DEMO_LANGUAGE_PROFILES: Record<DemoLang, DemoLanguageProfile> = {
  en: {
    lang: 'en', name: 'English', weight: 22, brandName: 'Aurora Mobile', country: 'gb', phoneCode: '44',
    cities: ['Manchester', 'Leeds', 'Bristol', 'Austin', 'Chicago', 'Denver'],
    features: ['camera', 'night mode', 'display', 'battery life', 'fast charging'],
    prices: ['$599', '$699', '£649', '£799'],
    bills: ['$12.99', '$37.50', '£24', '£18.40'],
    hashtags: ['#AuroraX5', '#AuroraMobile', '#techtwitter', '#fail'],
    subreddits: ['AuroraMobile', 'Android', 'HomeNetworking'],
    email: { greeting: 'Hello,', signoff: 'Thanks,' },
  },
  ru: {
    lang: 'ru', name: 'Russian', weight: 8, brandName: 'Aurora Mobile', country: 'ru', phoneCode: '7',
    /** Prepositional case: templates only use "в {city}". */
    cities: ['Москве', 'Казани', 'Екатеринбурге', 'Новосибирске', 'Самаре', 'Алматы'],
    /** Sentence-initial, nominative: "{feature} у {phone} — …". */
    features: ['Камера', 'Ночной режим', 'Экран', 'Быстрая зарядка', 'Автономность'],
    prices: ['54 990 ₽', '64 990 ₽', '79 990 ₽'],
    bills: ['899 ₽', '1 490 ₽', '2 300 ₽'],
    hashtags: ['#AuroraX5', '#аврора', '#техника'],
    subreddits: ['AuroraMobile', 'russia_tech'],
    email: { greeting: 'Здравствуйте!', signoff: 'С уважением,' },
  },
  th: {
    lang: 'th', name: 'Thai', weight: 5, brandName: 'Aurora Mobile', country: 'th', phoneCode: '66',
    cities: ['เชียงใหม่', 'ขอนแก่น', 'ภูเก็ต', 'บางนา', 'ลาดพร้าว'],
    features: ['กล้อง', 'โหมดกลางคืน', 'หน้าจอ', 'แบต', 'ชาร์จไว'],
    prices: ['18,990 บาท', '24,990 บาท', '29,900 บาท'],
    bills: ['350 บาท', '599 บาท', '1,200 บาท'],
    hashtags: ['#AuroraX5', '#รีวิวมือถือ', '#เน็ตล่ม'],
    subreddits: ['AuroraMobile', 'Thailand'],
    email: { greeting: 'เรียน ฝ่ายบริการลูกค้า', signoff: 'ขอบคุณค่ะ' },
  },
  tr: {
    lang: 'tr', name: 'Turkish', weight: 7, brandName: 'Aurora Mobile', country: 'tr', phoneCode: '90',
    /** Locative case: templates use "{city} …" as "İstanbul'da …". */
    cities: ["İstanbul'da", "Ankara'da", "İzmir'de", "Bursa'da", "Antalya'da"],
    /** Possessive form after the phone name: "Aurora X5 kamerası". */
    features: ['kamerası', 'gece modu', 'ekranı', 'şarj hızı', 'pil ömrü'],
    prices: ['32.999 TL', '41.999 TL', '49.999 TL'],
    bills: ['249 TL', '480 TL', '1.150 TL'],
    hashtags: ['#AuroraX5', '#AuroraMobile', '#teknoloji'],
    subreddits: ['AuroraMobile', 'Turkey'],
    email: { greeting: 'Merhaba,', signoff: 'İyi çalışmalar,' },
  },
  fr: {
    lang: 'fr', name: 'French', weight: 8, brandName: 'Aurora Mobile', country: 'fr', phoneCode: '33',
    cities: ['Lyon', 'Marseille', 'Lille', 'Nantes', 'Toulouse'],
    /** Sentence-initial with article: "{feature} du {phone}". */
    features: ["L'appareil photo", 'Le mode nuit', "L'écran", "L'autonomie", 'La charge rapide'],
    prices: ['649 €', '799 €', '899 €'],
    bills: ['19,99 €', '42 €', '12 €'],
    hashtags: ['#AuroraX5', '#AuroraMobile', '#fibre'],
    subreddits: ['AuroraMobile', 'france'],
    email: { greeting: 'Bonjour,', signoff: 'Cordialement,' },
  },
  es: {
    lang: 'es', name: 'Spanish', weight: 10, brandName: 'Aurora Mobile', country: 'es', phoneCode: '34',
    cities: ['Madrid', 'Sevilla', 'Valencia', 'Bilbao', 'Zaragoza'],
    features: ['La cámara', 'El modo noche', 'La pantalla', 'La batería', 'La carga rápida'],
    prices: ['649 €', '749 €', '899 €'],
    bills: ['15 €', '29,90 €', '8,50 €'],
    hashtags: ['#AuroraX5', '#AuroraMobile', '#fibra'],
    subreddits: ['AuroraMobile', 'spain'],
    email: { greeting: 'Hola,', signoff: 'Un saludo,' },
  },
  ar: {
    lang: 'ar', name: 'Arabic', weight: 7, brandName: 'أورورا موبايل', country: 'sa', phoneCode: '966',
    cities: ['الرياض', 'جدة', 'الدمام', 'دبي', 'الكويت'],
    features: ['الكاميرا', 'الوضع الليلي', 'الشاشة', 'البطارية', 'الشحن السريع'],
    prices: ['2,499 ريال', '2,999 ريال', '3,499 ريال'],
    bills: ['150 ريال', '89 ريال', '240 ريال'],
    hashtags: ['#AuroraX5', '#أورورا', '#تقنية'],
    subreddits: ['AuroraMobile', 'saudiarabia'],
    email: { greeting: 'السلام عليكم،', signoff: 'مع الشكر،' },
  },
  ja: {
    lang: 'ja', name: 'Japanese', weight: 7, brandName: 'Aurora Mobile', country: 'jp', phoneCode: '81',
    cities: ['渋谷', '大阪', '名古屋', '福岡', '札幌'],
    features: ['カメラ', '夜景モード', '画面', '電池持ち', '急速充電'],
    prices: ['89,800円', '109,800円', '124,800円'],
    bills: ['3,300円', '1,980円', '5,500円'],
    hashtags: ['#AuroraX5', '#Aurora', '#ガジェット'],
    subreddits: ['AuroraMobile', 'japan'],
    email: { greeting: 'お世話になっております。', signoff: 'よろしくお願いいたします。' },
  },
  de: {
    lang: 'de', name: 'German', weight: 8, brandName: 'Aurora Mobile', country: 'de', phoneCode: '49',
    cities: ['Köln', 'Leipzig', 'Hamburg', 'München', 'Stuttgart'],
    /** Sentence-initial with article: "{feature} vom {phone}". */
    features: ['Die Kamera', 'Der Nachtmodus', 'Das Display', 'Der Akku', 'Das Schnellladen'],
    prices: ['649 €', '799 €', '949 €'],
    bills: ['19,99 €', '34,50 €', '9,99 €'],
    hashtags: ['#AuroraX5', '#AuroraMobile', '#Glasfaser'],
    subreddits: ['AuroraMobile', 'de'],
    email: { greeting: 'Hallo,', signoff: 'Viele Grüße' },
  },
  pt: {
    lang: 'pt', name: 'Portuguese', weight: 10, brandName: 'Aurora Mobile', country: 'br', phoneCode: '55',
    cities: ['São Paulo', 'Belo Horizonte', 'Curitiba', 'Salvador', 'Recife', 'Porto Alegre'],
    features: ['A câmera', 'O modo noturno', 'A tela', 'A bateria', 'O carregamento rápido'],
    prices: ['R$ 3.499', 'R$ 4.299', 'R$ 5.199'],
    bills: ['R$ 49,90', 'R$ 120', 'R$ 89,90'],
    hashtags: ['#AuroraX5', '#AuroraMobile', '#fibra'],
    subreddits: ['AuroraMobile', 'brasil'],
    email: { greeting: 'Olá,', signoff: 'Obrigado,' },
  },
  hi: {
    lang: 'hi', name: 'Hindi', weight: 8, brandName: 'Aurora Mobile', country: 'in', phoneCode: '91',
    cities: ['दिल्ली', 'मुंबई', 'बेंगलुरु', 'पुणे', 'लखनऊ'],
    /** Masculine nouns only: "{phone} का {feature} कमाल का है". */
    features: ['कैमरा', 'डिस्प्ले', 'नाइट मोड', 'बैटरी बैकअप'],
    prices: ['₹39,999', '₹49,999', '₹59,999'],
    bills: ['₹299', '₹499', '₹1,200'],
    hashtags: ['#AuroraX5', '#AuroraMobile', '#TechIndia'],
    subreddits: ['AuroraMobile', 'india'],
    email: { greeting: 'नमस्ते,', signoff: 'धन्यवाद,' },
  },
};

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Every post template, all languages, in a stable order. */
export const DEMO_TEMPLATES: readonly DemoTemplate[] = DEMO_LANGS.flatMap((lang) =>
  ROWS[lang].map(([expectedIntent, expectedSentiment, topic, text, channels], i) => ({
    id: `${lang}-${pad(i + 1)}`,
    lang,
    expectedIntent,
    expectedSentiment,
    topic,
    text,
    ...(channels ? { channels } : {}),
  })),
);

/** Replies (brand answers, customer follow-ups, "same here"), all languages. The `*_private`
 * brand kinds are for one-to-one channels (e-mail, chat, WhatsApp, Messenger), where "DM us" makes no sense. */
export const DEMO_REPLY_TEMPLATES: readonly DemoReplyTemplate[] = DEMO_LANGS.flatMap((lang) =>
  REPLY_ROWS[lang].map(([kind, text], i) => ({
    id: `${lang}-r${pad(i + 1)}`,
    lang,
    kind,
    expectedIntent: REPLY_LABELS[kind][0],
    expectedSentiment: REPLY_LABELS[kind][1],
    text,
  })),
);
