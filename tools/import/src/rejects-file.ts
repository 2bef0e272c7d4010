import { closeSync, fsyncSync, ftruncateSync, openSync, writeSync } from 'node:fs';
import { Rejection } from './acknowledged-prefix';

/**
 * Rejected records, one JSON object per line (`{line, status, reason, errors}`), in file order.
 * On resume it is cut back to the length the checkpoint recorded, so a record that is re-sent
 * after a crash is not listed twice.
 */
export class RejectsFile {
  private readonly fd: number;
  bytes: number;

  constructor(path: string, keepBytes: number) {
    this.fd = openSync(path, 'a+');
    ftruncateSync(this.fd, keepBytes);
    this.bytes = keepBytes;
  }

  write(rejection: Rejection): void {
    const line = Buffer.from(JSON.stringify(rejection) + '\n');
    writeSync(this.fd, line);
    this.bytes += line.length;
  }

  /** Flushed before each checkpoint, so the checkpoint never claims rejects that are not on disk. */
  flush(): void {
    fsyncSync(this.fd);
  }

  close(): void {
    closeSync(this.fd);
  }
}
