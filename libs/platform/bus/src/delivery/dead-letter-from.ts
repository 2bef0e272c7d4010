import { DeadLetterPayload } from '@cxm/contracts';
import { DeadLetter } from '../event-bus.port';
import { RawMessage } from './deliver-with-policy';

/** A consumed `<topic>.dlq` record as its subscriber sees it: the payload with the record's key and headers. */
export function deadLetterFrom(message: Pick<RawMessage, 'key' | 'value' | 'headers'>): DeadLetter {
  return { ...(JSON.parse(message.value) as DeadLetterPayload), key: message.key, headers: message.headers };
}
