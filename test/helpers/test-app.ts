import { after, before } from 'node:test';
import { createApp, type Broadsheet } from '../../src/app.js';
import type { Clock } from '../../src/clock.js';
import type { Config, StripeConfig } from '../../src/config.js';
import { DEFAULT_LANGUAGES } from '../../src/translation/languages.js';
import type { TranslationProvider } from '../../src/translation/provider.js';
import { scratchDatabase, type TestDialect } from './databases.js';

/** A clock the test moves by hand. */
export function fixedClock(iso = '2026-11-20T12:00:00.000Z') {
  let now = new Date(iso);
  return {
    now: () => new Date(now),
    set(next: string) {
      now = new Date(next);
    },
  } satisfies Clock & { set(next: string): void };
}

/** The Stripe settings of a test app, a fake API's address read now that it listens. */
function stripeConfig({ apiUrl, ...keys }: Omit<StripeConfig, 'apiUrl'> & { apiUrl?: string | (() => string) }): StripeConfig {
  return { ...keys, ...(apiUrl ? { apiUrl: typeof apiUrl === 'function' ? apiUrl() : apiUrl } : {}) };
}

export interface RunningApp {
  app: Broadsheet;
  baseUrl: string;
  /** The clock the app runs on; moving it does nothing when the app was started with `systemClock`. */
  clock: ReturnType<typeof fixedClock>;
  /** The Config the app was started with (its scratch database included), to start a second instance on the same data. */
  config: Config;
  /** A real HTTP request to the running server (so the cache fast path runs too). */
  get(path: string, headers?: Record<string, string>): Promise<Response>;
  /** The body of a 200 response as text; fails loudly otherwise. */
  html(path: string): Promise<string>;
}

/**
 * Starts Broadsheet on an empty scratch database of the given dialect, listening on a free
 * loopback port, for the suite in which it is called; stops it and drops the database after.
 */
export function useTestApp(
  dialect: TestDialect,
  /**
   * `smtpUrl` may be a function, read when the app starts: a test SMTP server only knows its port by then.
   * `systemClock` runs the app (and its scheduler) on real time instead of the settable clock, for browser flows that wait for it.
   * `scheduler: false` leaves the scheduler idle, for suites that poll partner feeds themselves: with the clock
   * standing still every feed stays due, and a scheduler waking mid-test would poll some of them first.
   * `newsletterClaimSeconds` shortens how long a newsletter sender's claim holds (NEWSLETTER_CLAIM_SECONDS).
   * `newsletterWebhookSecret` turns on the mail provider's bounce and complaint webhook (NEWSLETTER_WEBHOOK_SECRET).
   * `translationProviders` replaces the machine-translation providers (fakes, in order of preference).
   * `stripe` turns on membership payments; its `apiUrl` may be a function, read when the app starts (a fake Stripe API's port).
   */
  options: { stripe?: Omit<StripeConfig, 'apiUrl'> & { apiUrl?: string | (() => string) }; pageCacheBytes?: number; smtpUrl?: string | (() => string); systemClock?: boolean; scheduler?: false; newsletterClaimSeconds?: number; newsletterWebhookSecret?: string; translationProviders?: readonly TranslationProvider[] } = {},
): RunningApp {
  const running = { clock: fixedClock() } as RunningApp;
  let drop: () => Promise<void>;
  before(async () => {
    const scratch = await scratchDatabase(dialect);
    drop = scratch.drop;
    const smtpUrl = typeof options.smtpUrl === 'function' ? options.smtpUrl() : options.smtpUrl;
    const config: Config = {
      host: '127.0.0.1',
      port: 0,
      siteUrl: 'https://news.test',
      dataDir: scratch.dataDir,
      database: scratch.config,
      logLevel: 'silent',
      pageCacheBytes: options.pageCacheBytes ?? 8 * 1024 * 1024,
      demoContent: false,
      mailFrom: 'Newsroom <news@news.test>',
      mediaMaxBytes: 5 * 1024 * 1024,
      trustProxy: false,
      embedHosts: ['www.youtube-nocookie.com', 'player.vimeo.com'],
      feedMaxBytes: 1024 * 1024,
      languages: DEFAULT_LANGUAGES,
      ...(smtpUrl ? { smtpUrl } : {}),
      ...(options.newsletterClaimSeconds ? { newsletterClaimSeconds: options.newsletterClaimSeconds } : {}),
      ...(options.newsletterWebhookSecret ? { newsletterWebhookSecret: options.newsletterWebhookSecret } : {}),
      ...(options.stripe ? { stripe: stripeConfig(options.stripe) } : {}),
    };
    running.config = config;
    running.app = await createApp(config, { ...(options.systemClock ? {} : { clock: running.clock }), ...(options.scheduler === false ? { startScheduler: false } : {}), ...(options.translationProviders ? { translationProviders: options.translationProviders } : {}) });
    const address = await running.app.server.listen({ host: '127.0.0.1', port: 0 });
    running.baseUrl = address;
  });
  after(async () => {
    await running.app?.close();
    await drop?.();
  });
  running.get = (path, headers = {}) => fetch(running.baseUrl + path, { headers, redirect: 'manual' });
  running.html = async (path) => {
    const res = await running.get(path);
    const body = await res.text();
    if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}: ${body.slice(0, 300)}`);
    return body;
  };
  return running;
}
