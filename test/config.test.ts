import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ConfigError, describeDatabase, loadConfig } from '../src/config.js';

/** Asserts that loading `env` fails with a one-line ConfigError naming `variable`, and returns its message. */
function configErrorFor(env: NodeJS.ProcessEnv, variable: string): string {
  let caught: unknown;
  try {
    loadConfig(env);
  } catch (error) {
    caught = error;
  }
  assert.ok(caught instanceof ConfigError, `expected a ConfigError for ${JSON.stringify(env)}, got ${String(caught)}`);
  const { message } = caught;
  assert.doesNotMatch(message, /[\r\n]/, 'the message is a single line');
  assert.match(message, new RegExp(`\\b${variable}\\b`), `the message names ${variable}: ${message}`);
  return message;
}

describe('loadConfig', () => {
  describe('with an empty environment', () => {
    const config = loadConfig({});

    it('listens on 127.0.0.1:3000', () => {
      assert.equal(config.host, '127.0.0.1');
      assert.equal(config.port, 3000);
    });

    it('uses a SQLite file inside ./data, resolved to an absolute path', () => {
      const dataDir = path.resolve('data');
      assert.equal(config.dataDir, dataDir);
      assert.ok(config.database.dialect === 'sqlite');
      assert.ok(path.isAbsolute(config.database.file));
      assert.equal(path.dirname(config.database.file), dataDir);
    });

    it('derives the site URL from host and port, logs at info, caches 32 MB and seeds the demo', () => {
      assert.equal(config.siteUrl, 'http://127.0.0.1:3000');
      assert.equal(config.logLevel, 'info');
      assert.equal(config.pageCacheBytes, 32 * 1024 * 1024);
      assert.equal(config.demoContent, true);
    });
  });

  it('reads TRUST_PROXY as a flag or a list of proxy addresses, and refuses anything else', () => {
    assert.equal(loadConfig({}).trustProxy, false);
    assert.equal(loadConfig({ TRUST_PROXY: 'true' }).trustProxy, true);
    assert.deepEqual(loadConfig({ TRUST_PROXY: 'loopback' }).trustProxy, ['loopback']);
    assert.deepEqual(loadConfig({ TRUST_PROXY: '10.0.0.1,10.0.0.0/8' }).trustProxy, ['10.0.0.1', '10.0.0.0/8']);
    configErrorFor({ TRUST_PROXY: 'everyone please' }, 'TRUST_PROXY');
  });

  it('treats an empty variable as unset rather than as zero', () => {
    const config = loadConfig({ PORT: '', PAGE_CACHE_MB: ' ', LOG_LEVEL: '' });
    assert.equal(config.port, 3000);
    assert.equal(config.pageCacheBytes, 32 * 1024 * 1024);
    assert.equal(config.logLevel, 'info');
  });

  it('puts the default SQLite file under DATA_DIR', () => {
    const dataDir = path.resolve('/srv/newsroom');
    const config = loadConfig({ DATA_DIR: dataDir });
    assert.equal(config.dataDir, dataDir);
    assert.ok(config.database.dialect === 'sqlite');
    assert.equal(path.dirname(config.database.file), dataDir);
  });

  it('reads valid values of every variable it knows', () => {
    const config = loadConfig({
      HOST: '0.0.0.0',
      PORT: '8080',
      SITE_URL: 'https://news.example/',
      LOG_LEVEL: 'warn',
      PAGE_CACHE_MB: '0',
      DEMO_CONTENT: 'off',
    });
    assert.equal(config.host, '0.0.0.0');
    assert.equal(config.port, 8080);
    assert.equal(config.siteUrl, 'https://news.example', 'a trailing slash is dropped');
    assert.equal(config.logLevel, 'warn');
    assert.equal(config.pageCacheBytes, 0);
    assert.equal(config.demoContent, false);
  });

  describe('refuses a bad value with a one-line ConfigError naming the variable', () => {
    const cases: [variable: string, value: string][] = [
      ['PORT', 'abc'],
      ['PORT', '70000'],
      ['PORT', '80.5'],
      ['LOG_LEVEL', 'loud'],
      ['SITE_URL', 'ftp://x'],
      ['DATABASE_URL', 'mysql://x'],
      ['PAGE_CACHE_MB', '-1'],
      ['DEMO_CONTENT', 'maybe'],
    ];
    for (const [variable, value] of cases) {
      it(`${variable}=${value}`, () => {
        configErrorFor({ [variable]: value }, variable);
      });
    }
  });

  it('never repeats the password of a refused DATABASE_URL', () => {
    const message = configErrorFor({ DATABASE_URL: 'mysql://newsroom:Sup3rSecret@db.example/news' }, 'DATABASE_URL');
    assert.doesNotMatch(message, /Sup3rSecret/);
  });

  it('refuses sqlite: with no file after it, naming DATABASE_URL', () => {
    configErrorFor({ DATABASE_URL: 'sqlite:' }, 'DATABASE_URL');
  });

  describe('DATABASE_URL', () => {
    it('selects PostgreSQL for a postgres:// or postgresql:// URL and keeps the URL whole', () => {
      for (const url of ['postgres://app@db.example:5432/news', 'postgresql://app@db.example/news']) {
        const { database } = loadConfig({ DATABASE_URL: url });
        assert.deepEqual(database, { dialect: 'postgres', url });
      }
    });

    it('passes DATABASE_SCHEMA through to PostgreSQL and refuses an invalid one', () => {
      const { database } = loadConfig({ DATABASE_URL: 'postgres://app@db.example/news', DATABASE_SCHEMA: 'tenant_a' });
      assert.deepEqual(database, { dialect: 'postgres', url: 'postgres://app@db.example/news', schema: 'tenant_a' });
      configErrorFor({ DATABASE_URL: 'postgres://app@db.example/news', DATABASE_SCHEMA: 'Bad-Name' }, 'DATABASE_SCHEMA');
    });

    it('reads sqlite:PATH, sqlite://PATH and file:PATH as a SQLite file, resolved to an absolute path', () => {
      const absolute = path.resolve('/var/lib/broadsheet/news.db');
      const forms: [url: string, file: string][] = [
        [`sqlite:${absolute}`, absolute],
        [`sqlite://${absolute}`, absolute],
        [`file:${absolute}`, absolute],
        ['sqlite:relative/news.db', path.resolve('relative/news.db')],
        ['file:news.db', path.resolve('news.db')],
      ];
      for (const [url, file] of forms) {
        assert.deepEqual(loadConfig({ DATABASE_URL: url }).database, { dialect: 'sqlite', file }, url);
      }
    });

    it('keeps sqlite::memory: as an in-memory database rather than a file path', () => {
      assert.deepEqual(loadConfig({ DATABASE_URL: 'sqlite::memory:' }).database, { dialect: 'sqlite', file: ':memory:' });
    });
  });
});

describe('describeDatabase', () => {
  it('masks the password of a PostgreSQL URL but keeps user, host and database', () => {
    const text = describeDatabase({ dialect: 'postgres', url: 'postgres://newsroom:hunter2@db.example:5432/news' });
    assert.doesNotMatch(text, /hunter2/);
    assert.match(text, /newsroom:\*\*\*@db\.example:5432\/news/);
  });

  it('names the schema when one is set', () => {
    const text = describeDatabase({ dialect: 'postgres', url: 'postgres://app@db.example/news', schema: 'tenant_a' });
    assert.match(text, /schema tenant_a/);
  });

  it('does not leak a password from a URL it cannot parse', () => {
    const text = describeDatabase({ dialect: 'postgres', url: 'postgres://newsroom:hunter2@[bad' });
    assert.doesNotMatch(text, /hunter2/);
  });

  it('shows a SQLite database as its file', () => {
    const file = path.resolve('/srv/newsroom/broadsheet.db');
    assert.equal(describeDatabase({ dialect: 'sqlite', file }), `sqlite:${file}`);
  });
});

// Imports for the mail settings below (ES imports are hoisted, so they may sit here).
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { after } from 'node:test';

describe('mail delivery settings', () => {
  const dkimKeyDir = mkdtempSync(path.join(tmpdir(), 'broadsheet-config-dkim-'));
  after(() => rmSync(dkimKeyDir, { recursive: true, force: true }));
  const keyFile = (name: string, contents: string) => {
    const file = path.join(dkimKeyDir, name);
    writeFileSync(file, contents);
    return file;
  };
  const rsaPem = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;

  it('pools 3 SMTP connections at 20 messages a second unless told otherwise, and refuses nonsense', () => {
    assert.deepEqual([loadConfig({}).smtpPool, loadConfig({}).smtpRate], [3, 20]);
    const config = loadConfig({ SMTP_POOL: '5', SMTP_RATE: '100' });
    assert.deepEqual([config.smtpPool, config.smtpRate], [5, 100]);
    configErrorFor({ SMTP_POOL: '0' }, 'SMTP_POOL');
    configErrorFor({ SMTP_RATE: 'fast' }, 'SMTP_RATE');
  });

  it('signs nothing without DKIM variables', () => {
    assert.equal(loadConfig({}).dkim, undefined);
  });

  it('reads the DKIM domain, selector and the PEM key from its file', () => {
    const file = keyFile('good.pem', rsaPem);
    const { dkim } = loadConfig({ DKIM_DOMAIN: 'Ledger.test', DKIM_SELECTOR: 'mail2026', DKIM_PRIVATE_KEY_FILE: file });
    assert.deepEqual(dkim, { domain: 'ledger.test', selector: 'mail2026', privateKey: rsaPem });
  });

  it('wants all three DKIM variables or none, naming the missing ones', () => {
    const file = keyFile('partial.pem', rsaPem);
    configErrorFor({ DKIM_DOMAIN: 'ledger.test', DKIM_PRIVATE_KEY_FILE: file }, 'DKIM_SELECTOR');
    const message = configErrorFor({ DKIM_DOMAIN: 'ledger.test' }, 'DKIM_SELECTOR');
    assert.match(message, /\bDKIM_PRIVATE_KEY_FILE\b/);
  });

  it('refuses a missing, non-PEM or non-RSA key file without printing what is in it', () => {
    const base = { DKIM_DOMAIN: 'ledger.test', DKIM_SELECTOR: 'mail2026' };
    configErrorFor({ ...base, DKIM_PRIVATE_KEY_FILE: path.join(dkimKeyDir, 'absent.pem') }, 'DKIM_PRIVATE_KEY_FILE');
    const garbage = configErrorFor({ ...base, DKIM_PRIVATE_KEY_FILE: keyFile('garbage.pem', 'not-a-key-SECRETISH') }, 'DKIM_PRIVATE_KEY_FILE');
    assert.doesNotMatch(garbage, /SECRETISH/);
    const broken = configErrorFor({ ...base, DKIM_PRIVATE_KEY_FILE: keyFile('broken.pem', rsaPem.slice(0, 200)) }, 'DKIM_PRIVATE_KEY_FILE');
    assert.doesNotMatch(broken, /MII/, 'no part of the key appears');
    const ed25519 = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    configErrorFor({ ...base, DKIM_PRIVATE_KEY_FILE: keyFile('ed25519.pem', ed25519) }, 'DKIM_PRIVATE_KEY_FILE');
  });

  it('refuses a malformed DKIM domain or selector', () => {
    const file = keyFile('valid.pem', rsaPem);
    configErrorFor({ DKIM_DOMAIN: 'not a domain', DKIM_SELECTOR: 'mail2026', DKIM_PRIVATE_KEY_FILE: file }, 'DKIM_DOMAIN');
    configErrorFor({ DKIM_DOMAIN: 'ledger.test', DKIM_SELECTOR: 'bad_selector!', DKIM_PRIVATE_KEY_FILE: file }, 'DKIM_SELECTOR');
  });
});
