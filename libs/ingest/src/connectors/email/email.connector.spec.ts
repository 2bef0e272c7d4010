import { canonicalMentionProblems, EventEnvelope, PayloadOf } from '@cxm/contracts';
import { EmbeddedEventBus } from '@cxm/platform-bus';
import { silentLogger } from '@cxm/platform-logging';
import { EmbeddedDocumentStore } from '@cxm/platform-store';
import { collectEvents, waitForQuietBus } from '@cxm/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AcceptMention } from '../../accept-mention/accept-mention.usecase';
import { InboundDelivery, MappedMention, NativePayloadError, WebhookAuthenticationError } from '../channel-connector';
import { EmailConnector } from './email.connector';
import { hmacSha256 } from '../shared/hmac-signature';

const signBody = (rawBody: Buffer, secret: string) => `sha256=${hmacSha256(secret, rawBody, 'hex')}`;

const SECRET = 'relay-secret-0123456789';
const settings = { webhookSecret: SECRET };
const NOW = new Date('2026-12-01T12:00:00.000Z');
const eml = (name: string) => readFileSync(join(__dirname, 'fixtures', name));

function delivery(rawBody: Buffer, headers: Record<string, string | undefined> = {}): InboundDelivery {
  return { method: 'POST', query: {}, rawBody, headers: { 'content-type': 'message/rfc822', 'x-cxm-signature-256': signBody(rawBody, SECRET), ...headers } };
}

describe('EmailConnector', () => {
  const connector = new EmailConnector(() => NOW);
  async function mapOne(name: string): Promise<MappedMention> {
    const mapped = await connector.map(delivery(eml(name)), settings);
    expect(mapped).toHaveLength(1);
    expect(canonicalMentionProblems({ ...mapped[0].mention, tenantId: 'demo' })).toEqual([]);
    return mapped[0];
  }

  describe('authentication (X-Cxm-Signature-256: HMAC-SHA256 of the raw body under webhookSecret)', () => {
    const body = eml('fr-alternative-qp.eml');

    it('accepts a delivery signed with the tenant secret', () => {
      expect(() => connector.authenticate(delivery(body), settings)).not.toThrow();
    });

    it('rejects a signature made with another secret', () => {
      const forged = delivery(body, { 'x-cxm-signature-256': signBody(body, 'another-secret-987654321') });
      expect(() => connector.authenticate(forged, settings)).toThrow(new WebhookAuthenticationError('the x-cxm-signature-256 signature does not match the body'));
    });

    it('rejects a body changed after signing (one byte)', () => {
      const signed = delivery(body);
      const tampered = Buffer.from(body);
      tampered[tampered.length - 10] ^= 0x01;
      expect(() => connector.authenticate({ ...signed, rawBody: tampered }, settings)).toThrow('the x-cxm-signature-256 signature does not match the body');
    });

    it('rejects a missing or malformed signature header', () => {
      expect(() => connector.authenticate(delivery(body, { 'x-cxm-signature-256': undefined }), settings)).toThrow('the x-cxm-signature-256 header is missing');
      expect(() => connector.authenticate(delivery(body, { 'x-cxm-signature-256': 'sha1=abc' }), settings)).toThrow('the x-cxm-signature-256 signature does not match the body');
    });

    it('rejects every delivery while the tenant has no webhookSecret', () => {
      expect(() => connector.authenticate(delivery(body), {})).toThrow('no webhookSecret is set for this channel');
    });

    it('asks the settings API for the secret and takes bodies up to 10 MB', () => {
      expect(connector.requiredSettings).toEqual(['webhookSecret']);
      expect(connector.maxBodyBytes).toBe(10 * 1024 * 1024);
    });
  });

  describe('mapping', () => {
    it('decodes a KOI8-R body and encoded-word headers (Russian), normalising the Message-ID', async () => {
      const { mention } = await mapOne('ru-koi8r-plain.eml');
      expect(mention).toEqual({
        channel: 'email',
        externalId: '20261201070000.4521.Ivan@mail.example.ru',
        author: { id: 'ivan.petrov@mail.example.ru', handle: 'Ivan.Petrov@Mail.Example.RU', displayName: 'Иван Петров' },
        text: 'Где мой заказ?\n\nЗдравствуйте!\n\nМой заказ 4521 (Aurora X5) так и не пришёл, а деньги списаны две недели назад.\nВерните, пожалуйста, деньги.\n\n--\nИван Петров',
        createdAt: '2026-12-01T07:00:00.000Z',
        conversationId: '20261201070000.4521.Ivan@mail.example.ru',
        title: 'Где мой заказ?',
        target: 'support@aurora.example',
      });
    });

    it('decodes an ISO-2022-JP body and subject (Japanese)', async () => {
      const { mention } = await mapOne('ja-iso2022jp.eml');
      expect(mention).toMatchObject({
        externalId: 'JP.20261201.0915@example.jp',
        author: { id: 'sakura.sato@example.jp', displayName: '佐藤 さくら' },
        title: 'バッテリーの持ちについて',
        text: 'バッテリーの持ちについて\n\nサポートご担当者様\n\nAurora X5 のバッテリーが昼までに切れてしまいます。\n交換は可能でしょうか？\n\n佐藤',
        createdAt: '2026-12-01T00:15:00.000Z',
      });
    });

    it('takes the text/plain part of multipart/alternative, decoding quoted-printable (French)', async () => {
      const { mention } = await mapOne('fr-alternative-qp.eml');
      expect(mention).toMatchObject({
        externalId: 'CAF=lea.001@mail.example.fr',
        conversationId: 'CAF=lea.001@mail.example.fr',
        author: { id: 'lea.martin@example.fr', displayName: 'Léa Martin' },
        title: 'Aurora X5 : batterie qui chauffe 🔥',
        text: "Aurora X5 : batterie qui chauffe 🔥\n\nBonjour,\n\nMon Aurora X5 chauffe énormément pendant la charge, c'est normal ? Ça m'inquiète un peu 🤔\n\nLéa",
      });
      expect(mention.inReplyTo).toBeUndefined();
    });

    it('drops the quoted previous message and its "a écrit :" line from a reply, and threads it to the root', async () => {
      const { mention, native } = await mapOne('fr-reply-quoted.eml');
      expect(mention).toMatchObject({
        externalId: 'reply.002@aurora.example',
        inReplyTo: 'CAF=lea.001@mail.example.fr',
        conversationId: 'CAF=lea.001@mail.example.fr',
        text: "Re: Aurora X5 : batterie qui chauffe 🔥\n\nBonjour Léa,\n\nC'est un défaut connu : nous vous proposons un échange sous 15 jours.\n\nL'équipe Aurora",
      });
      expect((native as { text: string }).text).toContain('> Mon Aurora X5 chauffe');
    });

    it('takes the conversation from the root of References, whatever the case of its domain (Thai)', async () => {
      const { mention } = await mapOne('th-reply-references.eml');
      expect(mention).toMatchObject({
        externalId: 'TH.003@example.co.th',
        inReplyTo: 'reply.002@aurora.example',
        conversationId: 'CAF=lea.001@mail.example.fr',
        author: { id: 'somchai@example.co.th', displayName: 'สมชาย ใจดี' },
        text: 'Re: Re: Aurora X5 : batterie qui chauffe\n\nขอบคุณครับ ผมจะส่งเครื่องไปเปลี่ยนพรุ่งนี้ 🙏',
      });
    });

    it('reduces an HTML-only body to text without its styles and scripts (Arabic)', async () => {
      const { mention } = await mapOne('ar-html-only.eml');
      expect(mention.text).toBe('الهاتف لا يعمل\n\nمرحباً،\n\nهاتفي Aurora X5 لا يعمل منذ التحديث الأخير.\n\n * لا يشحن\n * الشاشة سوداء\n\nأريد استرداد المبلغ 😡');
      expect(mention.text).not.toMatch(/color|track\(\)|</);
    });

    it('records attachments by name, type and size, and reduces the HTML of multipart/related (Turkish)', async () => {
      const { mention, native } = await mapOne('tr-mixed-attachments.eml');
      expect(mention.text).toBe('İade talebi - sipariş 7781\n\nMerhaba,\n\nFaturam ekte. Ekran görüntüsü:\n\nİade ne zaman yapılacak? Çok sinirliyim!');
      expect(mention.attachments).toEqual([
        { name: 'ekran.png', contentType: 'image/png', size: 70, inline: true },
        { name: 'fatura örneği.pdf', contentType: 'application/pdf', size: 1380 },
      ]);
      const audit = native as { attachments: Array<{ checksum: string }>; headerLines: string[] };
      expect(audit.attachments.map((a) => a.checksum)).toEqual([expect.stringMatching(/^[0-9a-f]{32}$/), expect.stringMatching(/^[0-9a-f]{32}$/)]);
      expect(audit.headerLines).toContain('Message-ID: <tr.7781@example.com.tr>');
      // The audit copy carries no attachment bytes: not the PDF's base64, not its decoded text.
      expect(JSON.stringify(native)).not.toMatch(/JVBERi0xLjQ|%PDF/);
    });

    it('maps a redelivered message to the same natural id', async () => {
      const first = await connector.map(delivery(eml('ja-iso2022jp.eml')), settings);
      const again = await connector.map(delivery(eml('ja-iso2022jp.eml')), settings);
      expect(again[0].mention.externalId).toBe(first[0].mention.externalId);
    });

    it('identifies a message without Message-ID by the digest of its bytes', async () => {
      const raw = Buffer.from('From: Zeynep <zeynep@example.com.tr>\r\nSubject: Merhaba\r\nDate: Tue, 1 Dec 2026 10:00:00 +0300\r\n\r\nSipariş nerede?\r\n');
      const [first] = await connector.map(delivery(raw), settings);
      const [again] = await connector.map(delivery(Buffer.from(raw)), settings);
      expect(first.mention.externalId).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(again.mention.externalId).toBe(first.mention.externalId);
      expect(first.mention.conversationId).toBe(first.mention.externalId);
    });

    it('names a message by the digest of an over-long Message-ID, and its reply threads to the same digest', async () => {
      const longId = `${'x'.repeat(300)}@Example.org`;
      const root = Buffer.from(`From: a@example.org\r\nMessage-ID: <${longId}>\r\nSubject: Uzun\r\n\r\nMerhaba\r\n`);
      const reply = Buffer.from(`From: b@example.org\r\nMessage-ID: <r@example.org>\r\nIn-Reply-To: <${longId.replace('Example', 'EXAMPLE')}>\r\nSubject: Re: Uzun\r\n\r\nSelam\r\n`);
      const [first] = await connector.map(delivery(root), settings);
      const [second] = await connector.map(delivery(reply), settings);
      expect(first.mention.externalId).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(second.mention).toMatchObject({ inReplyTo: first.mention.externalId, conversationId: first.mention.externalId });
      expect(canonicalMentionProblems({ ...first.mention, tenantId: 'demo' })).toEqual([]);
    });

    it('dates a message without a Date header by its arrival', async () => {
      const [mapped] = await connector.map(delivery(Buffer.from('From: a@example.org\r\nMessage-ID: <d@example.org>\r\n\r\nnamaste 🙏 मेरा फ़ोन खराब है\r\n')), settings);
      expect(mapped.mention.createdAt).toBe(NOW.toISOString());
    });
  });

  describe('automatic mail', () => {
    it('ingests nothing from an out-of-office reply (Auto-Submitted: auto-replied)', async () => {
      expect(await connector.map(delivery(eml('de-auto-reply.eml')), settings)).toEqual([]);
    });

    it('ingests nothing from a delivery status report (a bounce)', async () => {
      expect(await connector.map(delivery(eml('bounce-delivery-status.eml')), settings)).toEqual([]);
    });

    it('ingests a message that says Auto-Submitted: no', async () => {
      const raw = Buffer.from(eml('de-auto-reply.eml').toString('latin1').replace('Auto-Submitted: auto-replied', 'Auto-Submitted: no'), 'latin1');
      const mapped = await connector.map(delivery(raw), settings);
      expect(mapped.map((m) => m.mention.text)).toEqual(['Automatische Antwort: Ihr Ticket 4521\n\nIch bin bis zum 7. Dezember nicht im Büro und habe keinen Zugriff auf meine E-Mails.']);
    });
  });

  describe('malformed deliveries', () => {
    it('refuses text that has no header section', async () => {
      const failure = connector.map(delivery(eml('malformed-no-headers.eml')), settings);
      await expect(failure).rejects.toThrow(NativePayloadError);
      await expect(failure).rejects.toThrow(/^not an RFC 5322 message: "Bonjour, ceci n'est pas un e-mail : pas d'en-têtes, juste d…" is not a header field$/);
    });

    it('refuses a message without a From address, naming the header', async () => {
      await expect(connector.map(delivery(eml('no-from.eml')), settings)).rejects.toMatchObject({ name: 'NativePayloadError', field: 'From', message: 'the message has no From address' });
    });

    it('refuses another content type and an empty body', async () => {
      const json = Buffer.from('{"from":"a@example.org"}');
      await expect(connector.map(delivery(json, { 'content-type': 'application/json' }), settings)).rejects.toMatchObject({
        field: 'content-type',
        message: 'expected Content-Type: message/rfc822, got application/json',
      });
      await expect(connector.map(delivery(Buffer.alloc(0)), settings)).rejects.toThrow('the message is empty');
    });
  });

  describe('threading through ingest', () => {
    let bus: EmbeddedEventBus;
    let raw: EventEnvelope<PayloadOf['mentions.raw']>[];
    let accept: AcceptMention;

    beforeEach(async () => {
      bus = new EmbeddedEventBus({ partitions: 2, retryPolicy: { maxAttempts: 1, initialDelayMs: 1, maxDelayMs: 1 }, logger: silentLogger() });
      raw = collectEvents(bus, 'mentions.raw');
      await bus.start();
      accept = new AcceptMention(bus, new EmbeddedDocumentStore(), silentLogger());
    });

    afterEach(() => bus.stop());

    it("puts a reply and a reply to the reply into the first message's conversation", async () => {
      for (const name of ['fr-alternative-qp.eml', 'fr-reply-quoted.eml', 'th-reply-references.eml', 'ja-iso2022jp.eml']) {
        const [mapped] = await connector.map(delivery(eml(name)), settings);
        await accept.execute({ ...mapped.mention, tenantId: 'demo' }, { native: mapped.native });
      }
      await waitForQuietBus(bus);
      const conversations = Object.fromEntries(raw.map((event) => [event.payload.mention.externalId, event.payload.mention.conversationId]));
      expect(conversations).toEqual({
        'CAF=lea.001@mail.example.fr': 'email:CAF=lea.001@mail.example.fr',
        'reply.002@aurora.example': 'email:CAF=lea.001@mail.example.fr',
        'TH.003@example.co.th': 'email:CAF=lea.001@mail.example.fr',
        'JP.20261201.0915@example.jp': 'email:JP.20261201.0915@example.jp',
      });
    });
  });
});
