import { Body, Controller, Get, INestApplication, Module, Post } from '@nestjs/common';
import { startProbeApp } from './testing/start-probe-app';

@Controller('probe')
class ProbeController {
  @Get()
  read(): { text: string } {
    return { text: 'Привет, มีปัญหาแบตเตอรี่ 🔋' };
  }

  @Post()
  echo(@Body() body: unknown): unknown {
    return body;
  }
}

@Module({ controllers: [ProbeController] })
class ProbeModule {}

describe('configureHttpApp', () => {
  let app: INestApplication;
  let url: string;

  beforeAll(async () => {
    ({ app, url } = await startProbeApp(ProbeModule));
  });

  afterAll(() => app.close());

  it('answers JSON without an ETag, so no per-request hash is computed', async () => {
    const answer = await fetch(`${url}/probe`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('etag')).toBeNull();
    expect(await answer.json()).toEqual({ text: 'Привет, มีปัญหาแบตเตอรี่ 🔋' });
  });

  it('still parses JSON bodies and hides the framework', async () => {
    const answer = await fetch(`${url}/probe`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'Merhaba 👋' }) });
    expect(await answer.json()).toEqual({ text: 'Merhaba 👋' });
    expect(answer.headers.get('x-powered-by')).toBeNull();
  });
});
