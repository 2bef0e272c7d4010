import { IsISO8601, IsInt, IsNotEmpty, IsObject, IsString, IsUUID, Min } from 'class-validator';

/** The fields every event carries, whatever its topic (see docs/architecture.md). */
export class EventEnvelope<P = unknown> {
  @IsUUID() eventId!: string;
  @IsString() @IsNotEmpty() type!: string;
  @IsInt() @Min(1) schemaVersion!: number;
  @IsString() @IsNotEmpty() tenantId!: string;
  @IsISO8601() occurredAt!: string;
  /** The mention's id: it travels through the whole lifecycle so logs can follow one mention. */
  @IsString() @IsNotEmpty() correlationId!: string;
  /** Partitioning key: events with the same key are consumed in order. */
  @IsString() @IsNotEmpty() key!: string;
  @IsObject() payload!: P;
}
