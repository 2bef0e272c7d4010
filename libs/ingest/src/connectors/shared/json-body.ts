import { InboundDelivery, NativePayloadError } from '../channel-connector';
import { NativeValue } from './native-value';

/** The delivery's body parsed as JSON (UTF-8), or a mapping error naming `body`. */
export function jsonBody(delivery: InboundDelivery): NativeValue {
  const text = delivery.rawBody.toString('utf8');
  if (text.trim() === '') throw new NativePayloadError('the body is empty; a JSON document was expected', 'body');
  try {
    return new NativeValue(JSON.parse(text), '');
  } catch (error) {
    throw new NativePayloadError(`the body is not JSON: ${(error as Error).message}`, 'body');
  }
}
