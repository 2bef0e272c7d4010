import { NativePayloadError, WebhookAuthenticationError } from '../channel-connector';
import { delivery, signedDelivery } from '../shared/connector-test-kit';
import { authenticateMeta, META_SIGNATURE, metaEntries, metaHandshake } from './meta-webhook';

const settings = { appSecret: 'meta-app-secret-1234', verifyToken: 'verify-me-please' };
const handshakeQuery = (token: string) => ({ 'hub.mode': 'subscribe', 'hub.verify_token': token, 'hub.challenge': '1158201444' });

describe('Meta webhooks (shared by facebook, instagram, messenger, whatsapp)', () => {
  it('echoes hub.challenge as text when hub.verify_token is the tenant’s', () => {
    expect(metaHandshake(delivery('', {}, handshakeQuery('verify-me-please'), 'GET'), settings)).toEqual({ body: '1158201444', contentType: 'text/plain' });
  });

  it('refuses the handshake with another verify token, or none', () => {
    expect(() => metaHandshake(delivery('', {}, handshakeQuery('guess'), 'GET'), settings)).toThrow(expect.objectContaining({ kind: 'invalid' }));
    const { 'hub.verify_token': _omitted, ...withoutToken } = handshakeQuery('x');
    expect(() => metaHandshake(delivery('', {}, withoutToken, 'GET'), settings)).toThrow(expect.objectContaining({ kind: 'missing' }));
  });

  it('answers a handshake without a challenge or of another mode as a bad request', () => {
    expect(() => metaHandshake(delivery('', {}, { 'hub.mode': 'subscribe', 'hub.verify_token': 'verify-me-please' }, 'GET'), settings)).toThrow(NativePayloadError);
    expect(() => metaHandshake(delivery('', {}, { ...handshakeQuery('verify-me-please'), 'hub.mode': 'unsubscribe' }, 'GET'), settings)).toThrow(NativePayloadError);
  });

  it('accepts a body signed with the app secret and refuses one signed otherwise, altered, or unsigned', () => {
    const body = '{"object":"page","entry":[]}';
    expect(() => authenticateMeta(signedDelivery(body, META_SIGNATURE, settings.appSecret), settings)).not.toThrow();
    expect(() => authenticateMeta(signedDelivery(body, META_SIGNATURE, 'another-secret-1234'), settings)).toThrow(WebhookAuthenticationError);
    const altered = signedDelivery(body, META_SIGNATURE, settings.appSecret);
    expect(() => authenticateMeta({ ...altered, rawBody: Buffer.from(body.replace('[]', '[{}]')) }, settings)).toThrow(/does not match/);
    expect(() => authenticateMeta(delivery(body), settings)).toThrow(expect.objectContaining({ kind: 'missing' }));
  });

  it('refuses to check a signature when the tenant set no app secret', () => {
    const body = '{"object":"page","entry":[]}';
    expect(() => authenticateMeta(signedDelivery(body, META_SIGNATURE, 'anything-1234'), {})).toThrow(expect.objectContaining({ kind: 'missing', message: 'no appSecret is set for this channel' }));
  });

  it('names the field when the envelope is of another object or has no entries', () => {
    expect(() => metaEntries(delivery('{"object":"instagram","entry":[]}'), 'page')).toThrow(expect.objectContaining({ field: 'object' }));
    expect(() => metaEntries(delivery('{"object":"page"}'), 'page')).toThrow(expect.objectContaining({ field: 'entry', message: 'entry must be an array' }));
    expect(() => metaEntries(delivery('{"object":'), 'page')).toThrow(expect.objectContaining({ field: 'body' }));
  });
});
