import { createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_LANGUAGES, languageByCode, type Language } from './translation/languages.js';

export type DatabaseConfig =
  | { dialect: 'sqlite'; file: string }
  | { dialect: 'postgres'; url: string; schema?: string };

/** The key outgoing mail is signed with (DKIM), read from `DKIM_PRIVATE_KEY_FILE` at start-up. */
export interface DkimConfig {
  domain: string;
  selector: string;
  /** A PEM RSA private key: a secret, never to be logged. */
  privateKey: string;
}

/** Everything Broadsheet reads from its environment, parsed and checked once at start-up. */
export interface Config {
  host: string;
  port: number;
  siteUrl: string;
  dataDir: string;
  database: DatabaseConfig;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Upper bound of the in-process page cache; 0 turns the cache off. */
  pageCacheBytes: number;
  /** Whether the first start on an empty database fills it with the demo newsroom. */
  demoContent: boolean;
  /** SMTP server for outgoing mail; without one, mail is written to the log. */
  smtpUrl?: string;
  mailFrom: string;
  /** Pooled SMTP connections at most (SMTP_POOL, default 3). */
  smtpPool?: number;
  /** Messages sent per second at most (SMTP_RATE, default 20). */
  smtpRate?: number;
  /** Seconds a newsletter sender's claim on a copy holds without renewal: how soon a crashed send is taken over. */
  newsletterClaimSeconds?: number;
  /** Signs outgoing mail when all three DKIM_* variables are set. */
  dkim?: DkimConfig;
  /** The largest image upload accepted. */
  mediaMaxBytes: number;
  /** Which proxies in front may say who the client is (X-Forwarded-For), for rate limits and logs. */
  trustProxy: boolean | string[];
  /** Hosts whose https video players may be embedded in articles (partner iframes on other hosts are dropped). */
  embedHosts: string[];
  /** The largest partner feed or page Broadsheet reads. */
  feedMaxBytes: number;
  /** Shared with the mail provider to sign its bounce and complaint reports; the webhook is off without it. A secret, never logged. */
  newsletterWebhookSecret?: string;
  /** Machine-translation services besides the local Apertium command, which is found on its own. */
  translation?: TranslationConfig;
  /** The languages the site can be read in, in the order the language menu lists them. */
  languages: readonly Language[];
  /** Membership payments through Stripe; without it only free tiers and staff grants work. */
  stripe?: StripeConfig;
}

/** Stripe's keys (both secrets, never logged) and, for tests, where a local stand-in for its API listens. */
export interface StripeConfig {
  secretKey: string;
  /** Checks the signature of each webhook event; without it the webhook refuses everything. */
  webhookSecret?: string;
  /** An http(s) URL replacing https://api.stripe.com (STRIPE_API_URL). */
  apiUrl?: string;
}

/** Where the HTTP translation services are; the two keys are secrets, never logged. */
export interface TranslationConfig {
  apertiumUrl?: string;
  libreTranslateUrl?: string;
  libreTranslateApiKey?: string;
  deeplApiKey?: string;
  /** Overrides the DeepL host chosen from the key (free or pro). */
  deeplUrl?: string;
}

const env = z.object({
  HOST: z.string().min(1, 'a host name or IP address').default('127.0.0.1'),
  PORT: z.coerce
    .number({ error: 'a whole number from 0 to 65535' })
    .int('a whole number from 0 to 65535')
    .min(0, 'a whole number from 0 to 65535')
    .max(65535, 'a whole number from 0 to 65535')
    .default(3000),
  SITE_URL: z
    .url({ protocol: /^https?$/, error: 'an absolute http(s) URL such as https://news.example' })
    .optional(),
  DATA_DIR: z.string().min(1, 'a folder path').default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^(postgres(ql)?:\/\/|sqlite:|file:)/, 'postgres://…, sqlite:PATH or file:PATH')
    .optional(),
  DATABASE_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'a lower-case PostgreSQL schema name')
    .optional(),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      error: 'one of fatal, error, warn, info, debug, trace, silent',
    })
    .default('info'),
  PAGE_CACHE_MB: z.coerce
    .number({ error: 'a number of megabytes from 0 to 4096' })
    .min(0, 'a number of megabytes from 0 to 4096')
    .max(4096, 'a number of megabytes from 0 to 4096')
    .default(32),
  DEMO_CONTENT: z.enum(['on', 'off'], { error: 'on or off' }).default('on'),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'an smtp:// or smtps:// URL').optional(),
  MEDIA_MAX_MB: z.coerce
    .number({ error: 'a number of megabytes from 1 to 200' })
    .min(1, 'a number of megabytes from 1 to 200')
    .max(200, 'a number of megabytes from 1 to 200')
    .default(20),
  TRUST_PROXY: z
    .string()
    .regex(/^(true|false|(loopback|linklocal|uniquelocal|[0-9a-fA-F.:/]+)(,(loopback|linklocal|uniquelocal|[0-9a-fA-F.:/]+))*)$/, 'true, false, or a comma-separated list of proxy addresses')
    .optional(),
  EMBED_HOSTS: z
    .string()
    .regex(/^([a-z0-9-]+\.)+[a-z]{2,}(,([a-z0-9-]+\.)+[a-z]{2,})*$/, 'a comma-separated list of host names such as player.vimeo.com')
    .default('www.youtube-nocookie.com,www.youtube.com,player.vimeo.com'),
  FEED_MAX_MB: z.coerce
    .number({ error: 'a number of megabytes from 1 to 100' })
    .min(1, 'a number of megabytes from 1 to 100')
    .max(100, 'a number of megabytes from 1 to 100')
    .default(5),
  MAIL_FROM: z.string().min(3, 'an address such as "Newsroom <news@example.com>"').optional(),
  SMTP_POOL: z.coerce
    .number({ error: 'a whole number of connections from 1 to 50' })
    .int('a whole number of connections from 1 to 50')
    .min(1, 'a whole number of connections from 1 to 50')
    .max(50, 'a whole number of connections from 1 to 50')
    .default(3),
  SMTP_RATE: z.coerce
    .number({ error: 'a whole number of messages per second from 1 to 10000' })
    .int('a whole number of messages per second from 1 to 10000')
    .min(1, 'a whole number of messages per second from 1 to 10000')
    .max(10000, 'a whole number of messages per second from 1 to 10000')
    .default(20),
  NEWSLETTER_CLAIM_SECONDS: z.coerce
    .number({ error: 'a whole number of seconds from 1 to 3600' })
    .int('a whole number of seconds from 1 to 3600')
    .min(1, 'a whole number of seconds from 1 to 3600')
    .max(3600, 'a whole number of seconds from 1 to 3600')
    .default(90),
  DKIM_DOMAIN: z
    .string()
    .regex(/^([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/i, 'a domain name such as news.example')
    .optional(),
  DKIM_SELECTOR: z
    .string()
    .regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/i, 'a DNS label such as mail2026')
    .optional(),
  DKIM_PRIVATE_KEY_FILE: z.string().min(1, 'a file path').optional(),
  NEWSLETTER_WEBHOOK_SECRET: z
    .string()
    .regex(/^[\x21-\x7e]{32,512}$/, '32 to 512 characters without spaces, such as the output of openssl rand -hex 32')
    .optional(),
  APERTIUM_URL: z.url({ protocol: /^https?$/, error: 'an http(s) URL of an Apertium APY server such as http://127.0.0.1:2737' }).optional(),
  LIBRETRANSLATE_URL: z.url({ protocol: /^https?$/, error: 'an http(s) URL of a LibreTranslate server such as http://127.0.0.1:5000' }).optional(),
  LIBRETRANSLATE_API_KEY: z.string().regex(/^[\x21-\x7e]{1,512}$/, 'a key of up to 512 characters without spaces').optional(),
  DEEPL_API_KEY: z.string().regex(/^[\x21-\x7e]{8,512}$/, 'a DeepL authentication key (8 to 512 characters without spaces)').optional(),
  LANGUAGES: z
    .string()
    .transform((list, ctx) => {
      const codes = list.split(',').map((code) => code.trim()).filter(Boolean);
      const unknown = codes.find((code) => !languageByCode(code));
      if (unknown) ctx.addIssue({ code: 'custom', message: `a comma-separated list of language codes from the default list (${unknown} is not one of them)` });
      return [...new Map(codes.map((code) => [languageByCode(code)!.code, languageByCode(code)!])).values()];
    })
    .optional(),
  STRIPE_SECRET_KEY: z.string().regex(/^(sk|rk)_[A-Za-z0-9_]{8,250}$/, 'a Stripe secret key (sk_live_…, sk_test_… or a restricted rk_… key)').optional(),
  STRIPE_WEBHOOK_SECRET: z.string().regex(/^whsec_[A-Za-z0-9]{8,250}$/, 'a Stripe webhook signing secret (whsec_…)').optional(),
  STRIPE_API_URL: z.url({ protocol: /^https?$/, error: 'an http(s) URL such as http://127.0.0.1:12111' }).optional(),
  DEEPL_URL: z.url({ protocol: /^https?$/, error: 'an http(s) URL such as https://api-free.deepl.com' }).optional(),
});

/** Thrown for a bad environment; its message is one line naming the variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Parses the environment into a Config. The error names the variable and what it expects,
 * and never echoes a value that could be a secret (such as a database URL with a password).
 */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable (PORT=) means "not set", not zero.
  const given = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const parsed = env.safeParse(given);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0]);
    throw new ConfigError(`Invalid configuration: ${name} must be ${issue.message}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  return {
    host: e.HOST,
    port: e.PORT,
    siteUrl: (e.SITE_URL ?? `http://${e.HOST.includes(':') ? `[${e.HOST}]` : e.HOST}:${e.PORT}`).replace(/\/+$/, ''),
    dataDir,
    database: databaseFrom(e.DATABASE_URL, e.DATABASE_SCHEMA, dataDir),
    logLevel: e.LOG_LEVEL,
    pageCacheBytes: Math.round(e.PAGE_CACHE_MB * 1024 * 1024),
    demoContent: e.DEMO_CONTENT === 'on',
    ...(e.SMTP_URL ? { smtpUrl: e.SMTP_URL } : {}),
    smtpPool: e.SMTP_POOL,
    smtpRate: e.SMTP_RATE,
    newsletterClaimSeconds: e.NEWSLETTER_CLAIM_SECONDS,
    ...dkimFrom(e.DKIM_DOMAIN, e.DKIM_SELECTOR, e.DKIM_PRIVATE_KEY_FILE),
    mediaMaxBytes: Math.round(e.MEDIA_MAX_MB * 1024 * 1024),
    trustProxy: proxyTrust(e.TRUST_PROXY),
    embedHosts: e.EMBED_HOSTS.split(','),
    feedMaxBytes: Math.round(e.FEED_MAX_MB * 1024 * 1024),
    ...(e.NEWSLETTER_WEBHOOK_SECRET ? { newsletterWebhookSecret: e.NEWSLETTER_WEBHOOK_SECRET } : {}),
    translation: translationFrom(e),
    languages: e.LANGUAGES ?? DEFAULT_LANGUAGES,
    ...stripeFrom(e),
    mailFrom: e.MAIL_FROM ?? `Broadsheet <no-reply@${hostOf(e.SITE_URL) ?? 'localhost'}>`,
  };
}

const DKIM_VARIABLES = ['DKIM_DOMAIN', 'DKIM_SELECTOR', 'DKIM_PRIVATE_KEY_FILE'] as const;

/** All three DKIM variables or none; the key file is read and checked now, so a bad one stops the start. */
function dkimFrom(domain: string | undefined, selector: string | undefined, keyFile: string | undefined): { dkim?: DkimConfig } {
  const given = [domain, selector, keyFile];
  if (given.every((v) => v === undefined)) return {};
  const missing = DKIM_VARIABLES.filter((_, i) => given[i] === undefined);
  if (missing.length) {
    throw new ConfigError(`Invalid configuration: ${missing.join(' and ')} must be set too (set all of ${DKIM_VARIABLES.join(', ')} or none)`);
  }
  // The error says what is wrong with the file, never what is in it.
  const invalid = new ConfigError('Invalid configuration: DKIM_PRIVATE_KEY_FILE must be a readable PEM file holding an RSA private key');
  let privateKey: string;
  try {
    privateKey = readFileSync(keyFile!, 'utf8');
  } catch {
    throw invalid;
  }
  if (!privateKey.includes('-----BEGIN ') || !isRsaPrivateKey(privateKey)) throw invalid;
  return { dkim: { domain: domain!.toLowerCase(), selector: selector!, privateKey } };
}

function isRsaPrivateKey(pem: string): boolean {
  try {
    return createPrivateKey({ key: pem, format: 'pem' }).asymmetricKeyType === 'rsa';
  } catch {
    return false;
  }
}

function translationFrom(e: z.infer<typeof env>): TranslationConfig {
  if (e.LIBRETRANSLATE_API_KEY && !e.LIBRETRANSLATE_URL) {
    throw new ConfigError('Invalid configuration: LIBRETRANSLATE_URL must be set too when LIBRETRANSLATE_API_KEY is');
  }
  if (e.DEEPL_URL && !e.DEEPL_API_KEY) throw new ConfigError('Invalid configuration: DEEPL_API_KEY must be set too when DEEPL_URL is');
  return {
    ...(e.APERTIUM_URL ? { apertiumUrl: e.APERTIUM_URL } : {}),
    ...(e.LIBRETRANSLATE_URL ? { libreTranslateUrl: e.LIBRETRANSLATE_URL } : {}),
    ...(e.LIBRETRANSLATE_API_KEY ? { libreTranslateApiKey: e.LIBRETRANSLATE_API_KEY } : {}),
    ...(e.DEEPL_API_KEY ? { deeplApiKey: e.DEEPL_API_KEY } : {}),
    ...(e.DEEPL_URL ? { deeplUrl: e.DEEPL_URL } : {}),
  };
}

function stripeFrom(e: z.infer<typeof env>): { stripe?: StripeConfig } {
  if (!e.STRIPE_SECRET_KEY) {
    if (e.STRIPE_WEBHOOK_SECRET || e.STRIPE_API_URL) throw new ConfigError('Invalid configuration: STRIPE_SECRET_KEY must be set too when STRIPE_WEBHOOK_SECRET or STRIPE_API_URL is');
    return {};
  }
  return {
    stripe: {
      secretKey: e.STRIPE_SECRET_KEY,
      ...(e.STRIPE_WEBHOOK_SECRET ? { webhookSecret: e.STRIPE_WEBHOOK_SECRET } : {}),
      ...(e.STRIPE_API_URL ? { apiUrl: e.STRIPE_API_URL } : {}),
    },
  };
}

function proxyTrust(value: string | undefined): Config['trustProxy'] {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  return value.split(',');
}

function hostOf(url: string | undefined): string | undefined {
  return url ? new URL(url).hostname : undefined;
}

function databaseFrom(url: string | undefined, schema: string | undefined, dataDir: string): DatabaseConfig {
  if (url && /^postgres(ql)?:\/\//.test(url)) return { dialect: 'postgres', url, ...(schema ? { schema } : {}) };
  const file = url ? url.replace(/^(sqlite|file):(\/\/)?/, '') : path.join(dataDir, 'broadsheet.db');
  if (!file) throw new ConfigError('Invalid configuration: DATABASE_URL must name a file after sqlite: or file:');
  return { dialect: 'sqlite', file: file === ':memory:' ? file : path.resolve(file) };
}

/** A database URL fit for a log line: the password, if any, is masked. */
export function describeDatabase(db: DatabaseConfig): string {
  if (db.dialect === 'sqlite') return `sqlite:${db.file}`;
  try {
    const u = new URL(db.url);
    if (u.password) u.password = '***';
    return u.toString() + (db.schema ? ` (schema ${db.schema})` : '');
  } catch {
    return 'postgres (unparsable URL)';
  }
}
