import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import { surrogateKeys, type SiteSettings, type Term } from '../content/index.js';
import type { Database, MessageTranslationStatus } from '../db/schema.js';
import { AppError } from '../errors.js';
import { DEFAULT_LANGUAGES, languageByCode, primaryTag, type Language } from '../translation/languages.js';
import type { TranslationProvider } from '../translation/provider.js';
import { TranslationError } from '../translation/provider.js';
import {
  BOILERPLATE_SETTINGS,
  boilerplateKey,
  catalogEntries,
  checkTranslation,
  storedMessage,
  TERM_FIELDS,
  termKey,
  type Boilerplate,
  type CatalogEntry,
  type TermField,
} from './catalog-entries.js';
import type { Message, MessageKey } from './messages-en.js';
import { createMessages, isPlural, pluralCategoriesOf, type Messages } from './messages.js';
import { toProviderText, type ProviderText } from './provider-text.js';

/** What `produce` did for one language. */
export interface ProduceResult {
  language: string;
  /** Entries translated and stored now. */
  translated: number;
  /** Entries left as they were: current already, or reviewed by staff (even when outdated). */
  kept: number;
  /** Entries whose translation lost or repeated a placeholder: they stay in English. */
  failed: number;
  failures: { key: string; reason: string }[];
}

/** How far one language's catalog is: counts of its entries by state. */
export interface CatalogStatus {
  language: Language;
  total: number;
  machine: number;
  reviewed: number;
  /** Stored, but made from English that has changed since: readers see the English. */
  outdated: number;
  missing: number;
}

/** One entry of a language's catalog as staff review it. */
export interface CatalogRow {
  key: string;
  kind: CatalogEntry['kind'];
  source: Message;
  sourceLanguage: string;
  translation: Message | null;
  status: MessageTranslationStatus | null;
  outdated: boolean;
  /** For a plural message, the forms the language needs. */
  categories: Intl.LDMLPluralRule[];
}

/** The terms as readers of one language see them: names and descriptions translated where a current translation exists. */
export interface LocalTerms {
  /** Every term, each kind's in the order of their names in the language. */
  list: Term[];
  /** A term as the language shows it; one whose text is not the one translated (being renamed meanwhile) stays as it is. */
  of(term: Term): Term;
}

interface Localised {
  messages: Messages;
  boilerplate: Boilerplate;
  terms: LocalTerms;
}

/** What the catalogs are made from besides the English messages. */
interface Sources {
  settings: SiteSettings;
  terms: Term[];
}

/**
 * The message catalogs: every interface string of the public site, the boilerplate settings, and
 * the names and descriptions of regions, themes and dossiers, in each language. Machine
 * translations are made through the translation providers; staff edit them, and an edited entry is
 * never overwritten by a machine. A translation counts only while the text it was made from is
 * unchanged: an outdated one gives way to the original, never to a wrong meaning. Lookups are answered from memory, rebuilt after every change here and whenever a
 * boilerplate setting or a term changes (each process keeps its own, like the settings store).
 */
export function createCatalogs(deps: {
  db: Kysely<Database>;
  clock: Clock;
  settings: { get(): Promise<SiteSettings> };
  /** Every term; the same array while none changes keeps lookups cheap (the directory's listTerms). */
  terms: () => Promise<Term[]>;
  /** The provider for a language pair, or undefined when none offers it. */
  providerFor(source: string, target: string): Promise<TranslationProvider | undefined>;
  /** The languages the site is offered in (Config.languages); all 51 by default. */
  languages?: readonly Language[];
  /** Told which cached pages a change makes out of date. */
  onPurge?: (keys: string[]) => void;
}) {
  const { db } = deps;
  const languages = deps.languages ?? DEFAULT_LANGUAGES;
  const cache = new Map<string, { built: Promise<Localised>; sources: Sources }>();

  const currentSources = async (): Promise<Sources> => {
    const [settings, terms] = await Promise.all([deps.settings.get(), deps.terms()]);
    return { settings, terms };
  };

  /** Every entry `code`'s catalog has: no interface strings for English (their source), no boilerplate or terms in the site's own language. */
  const entriesFor = (code: string, { settings, terms }: Sources) =>
    catalogEntries(settings, terms).filter((e) => (e.kind === 'message' ? code !== 'en' : e.sourceLanguage !== code));

  /** The catalog language of a tag ('pt-BR' → 'pt'); English for a language we do not offer. */
  const catalogCode = (tag: string) => languageByCode(primaryTag(tag))?.code ?? 'en';

  /** A language staff or the command line named: one we offer, with something to translate. */
  async function targetLanguage(code: string) {
    const language = languages.find((l) => l.code === languageByCode(code)?.code);
    if (!language) throw new AppError('unknown_language', `${code} is not one of the site's languages`, 404, 'lang');
    const entries = entriesFor(language.code, await currentSources());
    if (entries.length === 0) throw new AppError('source_language', `The catalog is written in ${language.englishName}: there is nothing to translate into it`, 400, 'lang');
    return { language, entries };
  }

  const storedRows = (code: string) =>
    db.selectFrom('message_translations').select(['key', 'text', 'source_hash', 'status']).where('language', '=', code).execute();

  async function build(code: string, sources: Sources): Promise<Localised> {
    const { settings } = sources;
    const entries = new Map(entriesFor(code, sources).map((e) => [e.key, e]));
    const current = new Map<string, Message>();
    if (entries.size > 0) {
      for (const row of await storedRows(code)) {
        const entry = entries.get(row.key);
        const message = entry && row.source_hash === entry.hash ? storedMessage(entry, row.text) : undefined;
        if (message !== undefined) current.set(row.key, message);
      }
    }
    const translations = Object.fromEntries([...current].filter(([key]) => entries.get(key)?.kind === 'message')) as Partial<Record<MessageKey, Message>>;
    const boilerplate = Object.fromEntries(
      BOILERPLATE_SETTINGS.map((name) => [name, settings[name] === '' ? '' : ((current.get(boilerplateKey(name)) as string | undefined) ?? settings[name])]),
    ) as Boilerplate;
    return { messages: createMessages(code, translations), boilerplate, terms: localTerms(code, sources.terms, (key) => current.get(key) as string | undefined) };
  }

  // Kept per catalog language, not per tag: tags come from addresses, and the cache must stay small.
  async function localised(tag: string): Promise<Localised> {
    const code = catalogCode(tag);
    const sources = await currentSources();
    const cached = cache.get(code);
    if (cached && sameSources(cached.sources, sources)) {
      cached.sources = sources;
      return cached.built;
    }
    const entry = { built: build(code, sources), sources };
    cache.set(code, entry);
    entry.built.catch(() => cache.get(code) === entry && cache.delete(code));
    return entry.built;
  }

  function changed() {
    cache.clear();
    deps.onPurge?.([surrogateKeys.all]);
  }

  return {
    /** The interface strings in this language (a BCP 47 tag; 'pt-BR' reads the Portuguese catalog), for a page being rendered. */
    messagesFor: async (tag: string): Promise<Messages> => (await localised(tag)).messages,

    /** The boilerplate settings as readers of this language see them: translated where a current translation exists. */
    boilerplateFor: async (tag: string): Promise<Boilerplate> => (await localised(tag)).boilerplate,

    /** The regions, themes and dossiers as readers of this language see them (their slugs never change). */
    termsFor: async (tag: string): Promise<LocalTerms> => (await localised(tag)).terms,

    /**
     * Machine-translates every entry of the language's catalog that is missing or outdated, in one
     * provider call per source language, and stores them all in one transaction: when a provider
     * fails, nothing is stored. Reviewed entries are never touched.
     */
    async produce(code: string): Promise<ProduceResult> {
      const { language, entries } = await targetLanguage(code);
      const stored = new Map((await storedRows(language.code)).map((r) => [r.key, r]));
      const due = entries.filter((e) => {
        const row = stored.get(e.key);
        return !row || (row.status === 'machine' && row.source_hash !== e.hash);
      });
      const result: ProduceResult = { language: language.code, translated: 0, kept: entries.length - due.length, failed: 0, failures: [] };
      if (due.length === 0) return result;

      const bySource = groupBy(due, (e) => e.sourceLanguage);
      const providers = new Map<string, TranslationProvider>();
      for (const source of bySource.keys()) {
        const provider = await deps.providerFor(source, language.code);
        if (!provider) throw new AppError('unsupported_pair', `No translation provider can translate from ${source} to ${language.code}`, 400, 'lang');
        providers.set(source, provider);
      }

      const at = deps.clock.now().toISOString();
      const rows: Database['message_translations'][] = [];
      for (const [source, group] of bySource) {
        const provider = providers.get(source)!;
        for (const made of await machineTranslate(provider, group, source, language.code)) {
          if (made.text === undefined) result.failures.push({ key: made.entry.key, reason: 'a placeholder did not come back from the provider' });
          else rows.push({ language: language.code, key: made.entry.key, text: made.text, source_hash: made.entry.hash, status: 'machine', provider: provider.id, updated_by: null, updated_at: at });
        }
      }

      if (rows.length > 0) {
        await db.transaction().execute(async (trx) => {
          await trx
            .insertInto('message_translations')
            .values(rows)
            .onConflict((oc) =>
              oc
                .columns(['language', 'key'])
                .doUpdateSet((eb) => ({
                  text: eb.ref('excluded.text'),
                  source_hash: eb.ref('excluded.source_hash'),
                  provider: eb.ref('excluded.provider'),
                  updated_at: eb.ref('excluded.updated_at'),
                }))
                // Staff may have reviewed it while the provider worked: theirs stands.
                .where('message_translations.status', '=', 'machine'),
            )
            .execute();
        });
        changed();
      }
      result.translated = rows.length;
      result.failed = result.failures.length;
      return result;
    },

    /**
     * Stores a staff member's translation of one entry as reviewed, after checking the key, the
     * length and the placeholders (see checkTranslation). A plural message takes an object of forms.
     */
    async edit(code: string, key: string, text: unknown, staffId: number | null): Promise<void> {
      const { language, entries } = await targetLanguage(code);
      const entry = entries.find((e) => e.key === key);
      if (!entry) throw new AppError('unknown_message', `${language.englishName} has no message ${key} to translate`, 404, 'key');
      const checked = checkTranslation(entry, text, language.code);
      const row = {
        text: typeof checked === 'string' ? checked : JSON.stringify(checked),
        source_hash: entry.hash,
        status: 'reviewed' as const,
        provider: null,
        updated_by: staffId,
        updated_at: deps.clock.now().toISOString(),
      };
      await db
        .insertInto('message_translations')
        .values({ language: language.code, key, ...row })
        .onConflict((oc) => oc.columns(['language', 'key']).doUpdateSet(row))
        .execute();
      changed();
    },

    /** Every language of the site with something to translate, and how far its catalog is. */
    async overview(): Promise<CatalogStatus[]> {
      const sources = await currentSources();
      const rows = await db.selectFrom('message_translations').select(['language', 'key', 'source_hash', 'status']).execute();
      const byLanguage = groupBy(rows, (r) => r.language);
      return languages.flatMap((language) => {
        const entries = entriesFor(language.code, sources);
        if (entries.length === 0) return [];
        const stored = new Map((byLanguage.get(language.code) ?? []).map((r) => [r.key, r]));
        const status: CatalogStatus = { language, total: entries.length, machine: 0, reviewed: 0, outdated: 0, missing: 0 };
        for (const entry of entries) {
          const row = stored.get(entry.key);
          if (!row) status.missing++;
          else if (row.source_hash !== entry.hash) status.outdated++;
          else status[row.status]++;
        }
        return [status];
      });
    },

    /** A language's catalog entry by entry, English beside the translation, for the review page. */
    async rows(code: string): Promise<{ language: Language; rows: CatalogRow[] }> {
      const { language, entries } = await targetLanguage(code);
      const stored = new Map((await storedRows(language.code)).map((r) => [r.key, r]));
      const categories = pluralCategoriesOf(language.code);
      return {
        language,
        rows: entries.map((entry) => {
          const row = stored.get(entry.key);
          return {
            key: entry.key,
            kind: entry.kind,
            source: entry.source,
            sourceLanguage: entry.sourceLanguage,
            translation: row ? (storedMessage(entry, row.text) ?? null) : null,
            status: row?.status ?? null,
            outdated: row !== undefined && row.source_hash !== entry.hash,
            categories: isPlural(entry.source) ? categories : [],
          };
        }),
      };
    },

    /** The languages `produce` takes: all but the site's own (and English, while the site is in English). */
    async producibleLanguages(): Promise<string[]> {
      const sources = await currentSources();
      const site = primaryTag(sources.settings.language);
      return languages.map((l) => l.code).filter((code) => code !== site && entriesFor(code, sources).length > 0);
    },
  };
}

export type Catalogs = ReturnType<typeof createCatalogs>;

/** Items grouped by a key, groups in order of first appearance (Map.groupBy arrives with Node 21). */
function groupBy<T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** Whether two sets of sources give the same catalogs: the same site language, boilerplate texts and terms. */
const sameSources = (a: Sources, b: Sources) => sameSettings(a.settings, b.settings) && sameTerms(a.terms, b.terms);

const sameSettings = (a: SiteSettings, b: SiteSettings) =>
  a === b || (a.language === b.language && BOILERPLATE_SETTINGS.every((name) => a[name] === b[name]));

const sameTerms = (a: Term[], b: Term[]) =>
  a === b || (a.length === b.length && a.every((t, i) => t.id === b[i]!.id && t.kind === b[i]!.kind && TERM_FIELDS.every((field) => t[field] === b[i]![field])));

/**
 * The terms in a language, from the current translation of each one's fields (`translated` by key).
 * Each kind is sorted by its names in the language, as the site's own menus are by theirs.
 */
function localTerms(code: string, terms: Term[], translated: (key: string) => string | undefined): LocalTerms {
  // Each translated term's fields, beside the term they were made from.
  const found = new Map<number, { source: Term; text: Partial<Record<TermField, string>> }>();
  for (const term of terms) {
    const text: Partial<Record<TermField, string>> = {};
    for (const field of TERM_FIELDS) {
      const made = translated(termKey(term.id, field));
      if (made !== undefined) text[field] = made;
    }
    if (Object.keys(text).length > 0) found.set(term.id, { source: term, text });
  }
  if (found.size === 0) return { list: terms, of: (term) => term };
  const of = (term: Term): Term => {
    const local = found.get(term.id);
    if (!local) return term;
    const shown = (field: TermField) => (local.source[field] === term[field] ? (local.text[field] ?? term[field]) : term[field]);
    return { ...term, name: shown('name'), description: shown('description') };
  };
  const collator = new Intl.Collator(code);
  const list = terms.map(of).sort((a, b) => (a.kind === b.kind ? collator.compare(a.name, b.name) : a.kind < b.kind ? -1 : 1));
  return { list, of };
}

/**
 * Entries translated in one provider call: each with its text as stored (JSON of the forms for a
 * plural message), or undefined when a placeholder of it was lost. Throws when the provider fails.
 */
async function machineTranslate(provider: TranslationProvider, entries: CatalogEntry[], source: string, target: string) {
  const texts = entries.map((entry) => ({ entry, parts: providerTexts(entry) }));
  const fragments = texts.flatMap((t) => t.parts.map((p) => p.text.fragment));
  const answers = await provider.translate(fragments, source, target);
  if (answers.length !== fragments.length) {
    throw new TranslationError(`${provider.id} returned ${answers.length} translations for ${fragments.length} messages`, 'bad_response', false);
  }
  let next = 0;
  return texts.map(({ entry, parts }) => {
    const restored = new Map(parts.map((p) => [p.form, p.text.restore(answers[next++]!)]));
    if ([...restored.values()].includes(undefined)) return { entry, text: undefined };
    const text = isPlural(entry.source) ? JSON.stringify(pluralForms(restored as Map<string, string>, target)) : restored.get('other')!;
    return { entry, text };
  });
}

/** What goes to the provider for an entry: the text, or the English `one` and `other` forms of a plural message. */
function providerTexts(entry: CatalogEntry): { form: string; text: ProviderText }[] {
  const placeholders = entry.kind === 'message';
  if (!isPlural(entry.source)) return [{ form: 'other', text: toProviderText(entry.source, { placeholders }) }];
  const forms = entry.source.one === undefined ? ['other'] : ['one', 'other'];
  return forms.map((form) => ({ form, text: toProviderText((entry.source as Record<string, string>)[form]!, { placeholders }) }));
}

/**
 * A machine-translated plural message in the target language's categories: its `one` from the
 * English `one`, every other category from the English `other`. Staff refine the rest (Polish
 * "few" and "many", say) on the review page.
 */
function pluralForms(byForm: Map<string, string>, language: string): Record<string, string> {
  return Object.fromEntries(pluralCategoriesOf(language).map((c) => [c, byForm.get(c === 'one' ? 'one' : 'other') ?? byForm.get('other')!]));
}
