/**
 * A message whose wording depends on a number: one form per plural category (Intl.PluralRules), of
 * which `other` is always there. English needs `one` and `other`; a translation has the categories
 * of its own language (Polish: one, few, many, other; Arabic: zero, one, two, few, many, other).
 */
export type PluralForms = { readonly other: string } & Partial<Record<Exclude<Intl.LDMLPluralRule, 'other'>, string>>;

/** A catalog entry: text with `{name}` placeholders, or plural forms chosen by the `count` placeholder. */
export type Message = string | PluralForms;

/**
 * Every interface string the public site shows, in English: the source every other language's
 * catalog is translated from. Keys are dotted, by the part of the site that shows them; `{name}`
 * marks a value the page fills in (numbers are formatted for the reader's language). Site settings
 * that readers see (the note to readers, policies) are not here: they are data, under `settings.*`.
 */
export const englishMessages = {
  // The frame of every page.
  'page.title': '{title} — {siteName}',
  'page.skipToContent': 'Skip to content',
  'page.previewTitle': 'Preview: {title}',
  'nav.sections': 'Sections',
  'nav.searchLandmark': 'Site',
  'search.fieldLabel': 'Search articles',
  'search.submit': 'Search',
  'footer.dossiers': 'Dossiers',
  'footer.mediaInquiries': 'Media inquiries: {email}',
  'footer.archive': 'Archive',
  'footer.copyright': 'Copyright © {holder}, {year}',
  'follow.landmark': 'Follow {siteName}',
  'follow.heading': 'Follow us',

  // The language control and the notices on a translated page.
  'language.control': 'Translate',
  'language.menuLabel': 'Read this site in another language',
  'language.original': 'Original language',
  'translation.pending': 'This article has not been translated into {language} yet. A translation has been requested; meanwhile, here is the original.',
  'translation.unavailable': 'This article is not available in {language}; here is the original.',
  'translation.machine': 'Translated by machine from {language}.',
  'translation.reviewed': 'Translated from {language} and reviewed by the newsroom.',
  'translation.stale': 'Translated from {language}; the original has changed since, and the translation is being reviewed.',
  'translation.readOriginal': 'Read the original in {language}',

  // The footer's newsletter sign-up.
  'newsletterSignup.heading': 'Newsletter',
  'newsletterSignup.pitch': 'The day’s selected articles, every morning.',
  'newsletterSignup.about': 'About the newsletter',
  'newsletterSignup.emailLabel': 'Your email address',
  'newsletterSignup.submit': 'Subscribe',

  // The front page.
  'home.leadStory': 'Lead story',
  'home.nothingPublished': 'Nothing has been published yet.',
  'home.latest': 'Latest',
  'home.dossiers': 'Dossiers',
  'home.regions': 'Regions',
  'home.themes': 'Themes',

  // An article.
  'article.byline': 'By {authors}',
  'article.originallyPublished': 'Originally published by {source}: {originalLink}',
  'article.readOriginal': 'read the original',
  'article.termsLabel': 'Regions and themes',
  'article.notesToReaders': 'Note to readers',
  'article.aboutAuthors': 'About the authors',
  'article.copyright': 'Copyright © {authors}, {publisher}, {year}',
  'article.originalSource': 'The original source of this article is {source}',
  'article.articlesBy': 'Articles by: {authors}',
  'article.republishing': 'Republishing',
  'article.notOffered': 'This article is not offered for republishing.',
  'article.partnerAllows': '{source} allows this article to be republished with its credit, copyright line and a link to the original.',
  'article.partnerAsk': 'This article is cross-posted from {source}; ask {holder} before republishing it.',
  'article.republishLink': 'Republish this article',
  'article.disclaimer': 'Disclaimer',
  'article.fairUseLabel': 'Fair use',
  'article.fairUseNotice': 'Fair use notice',
  'article.mediaInquiries': 'For media inquiries: {email}',
  'share.landmark': 'Share this article',
  'share.heading': 'Share',
  'share.email': 'Email',
  'share.emailBody': '{title} by {authors}',

  // Lists of articles.
  'listing.empty': 'No articles here yet.',
  'listing.articlesBy': 'Articles by {name}',
  'listing.fromSource': 'From {name}',
  'listing.sourceIntro': 'Articles cross-posted from {source}, © {holder}.',
  'listing.sourceDescription': 'Articles cross-posted from {name}',
  'author.elsewhere': '{name} elsewhere',
  'pagination.landmark': 'Pages',
  'pagination.newer': '← Newer',
  'pagination.older': 'Older →',
  'pagination.position': 'Page {page} of {total}',
  'archive.heading': 'Archive',
  'archive.description': 'Every article, month by month',
  'archive.monthDescription': 'Articles published in {month}',
  'archive.empty': 'Nothing has been published yet.',
  'archive.month': '{month} ({count})',
  'archive.monthCount': { one: '{count} article', other: '{count} articles' },

  // Feeds (their titles, and the autodiscovery links' titles).
  'feed.title': '{label} — {siteName}',
  'feed.linkTitle': '{title} ({format})',
  'feed.copyright': 'Copyright © {holder}',
  'feed.origin': 'Originally published by {source}.',
  'feed.originWithLink': 'Originally published by {source}: {originalLink}.',

  // Search.
  'search.heading': 'Search',
  'search.resultsTitle': 'Search: {query}',
  'search.description': 'Search every article of {siteName}',
  'search.prompt': 'Type one or more words to search every article.',
  'search.noMatch': 'No articles match {query}. Try fewer or other words, or fewer filters.',
  'search.thatSearch': 'that search',
  'search.resultCount': { one: '{count} article matches {query}.', other: '{count} articles match {query}.' },
  'search.formLabel': 'Search and filter',
  'search.words': 'Words to find',
  'search.narrow': 'Narrow it down',
  'search.any': 'Any',
  'search.region': 'Region',
  'search.theme': 'Theme',
  'search.author': 'Author',
  'search.source': 'Partner source',
  'search.from': 'From',
  'search.to': 'To',
  'search.betterMatches': '← Better matches',
  'search.moreResults': 'More results →',

  // Error pages.
  'error.title': 'Error',
  'error.notFound': 'Page not found',
  'error.notFoundText': 'We could not find that page.',
  'error.badRequest': 'That request did not work',
  'error.serverError': 'Something went wrong',
  'error.wayBack': 'Try the {frontPage} or the {archive}.',
  'error.frontPage': 'front page',
  'error.archive': 'archive',

  // The republish tool.
  'republish.title': 'Republish: {title}',
  'republish.description': 'How to republish “{title}” on your own site, with its credit and a link to the original.',
  'republish.heading': 'Republish this article',
  'republish.partnerPermission':
    'This article was cross-posted from {source}, which allows it to be republished. Credit {source} as its original publisher and link to the original, as the text below does.',
  'republish.policyLabel': 'Republishing policy',
  'republish.policyHeading': 'Our republishing policy',
  'republish.stepCopy': 'Select all the text in one of the boxes below and copy it.',
  'republish.stepHead': 'For the HTML, put the canonical link line inside your page’s head and the rest in its body.',
  'republish.stepKeep': 'Keep the byline, the credit, the copyright line and every link as they are.',
  'republish.htmlLabel': 'HTML, ready to paste',
  'republish.textLabel': 'Plain text',
  'republish.machineReadable': 'For news systems: this article as {ninjsLink}.',
  'republish.ninjs': 'IPTC ninjs JSON',
  'republish.notOffered': 'This article is not offered for republishing',

  // The newsletter's public pages.
  'newsletter.title': 'Newsletter',
  'newsletter.description': 'The {siteName} newsletter',
  'newsletter.heading': 'The {siteName} newsletter',
  'newsletter.intro':
    'Every morning, a short selection of the day’s articles chosen by our editors, with a link to each. It is free; every issue has a link to leave at once.',
  'newsletter.emailLabel': 'Your email address',
  'newsletter.languageLabel': 'Language of the newsletter',
  'newsletter.subscribe': 'Subscribe',
  'newsletter.finePrint':
    'We send a message with a confirmation link first: nothing else arrives until it is opened. We keep a record of when you signed up and from where, with your network address in a form that cannot be read back.',
  'newsletter.rateLimited': 'Too many sign-ups from your network address. Wait a few minutes and try again',
  'newsletter.checkInboxTitle': 'Check your inbox',
  'newsletter.checkInboxSent':
    'If that address is not subscribed yet, a message with a confirmation link is on its way to it. Open the link within two days to start receiving the newsletter.',
  'newsletter.checkInboxNothing': 'Nothing there? Look in the spam folder, or sign up again in a few minutes.',
  'newsletter.subscribedTitle': 'Subscribed',
  'newsletter.subscribedHeading': 'You are subscribed',
  'newsletter.subscribedThanks': 'Thank you. The newsletter arrives every morning; each issue has a link to leave at once.',
  'newsletter.chooseLanguage': 'Choose the language of your newsletter',
  'newsletter.unsubscribeTitle': 'Unsubscribe',
  'newsletter.unsubscribeHeading': 'Leave the newsletter',
  'newsletter.unsubscribeButton': 'Unsubscribe',
  'newsletter.unsubscribedTitle': 'Unsubscribed',
  'newsletter.unsubscribedHeading': 'You are unsubscribed',
  'newsletter.unsubscribedText': 'No more newsletters will be sent to this address. Changed your mind? You can {subscribeAgain}.',
  'newsletter.subscribeAgain': 'subscribe again',
  'newsletter.preferencesTitle': 'Newsletter preferences',
  'newsletter.preferencesFor': 'For {email}.',
  'newsletter.preferencesForUnsubscribed': 'For {email} (unsubscribed: no newsletter is sent to this address).',
  'newsletter.preferencesSaved': 'Your choice is saved.',
  'newsletter.save': 'Save',
  'newsletter.unsubscribeLink': 'Unsubscribe from the newsletter',
  'newsletter.archiveTitle': 'Newsletter archive',
  'newsletter.archiveDescription': 'Past issues of the {siteName} newsletter',
  'newsletter.archiveHeading': 'Past issues of the {siteName} newsletter',
  'newsletter.archiveEmpty': 'No issue has been sent yet.',
  'newsletter.archiveSubscribe': 'Subscribe to the newsletter',
  'newsletter.issueTitle': 'Newsletter of {date}',
  'newsletter.issueDescription': 'The {siteName} newsletter of {date}',
  'newsletter.issueHeading': 'The {siteName} newsletter of {date}',
  'newsletter.allIssues': 'All past issues',
} as const satisfies Record<string, Message>;

/** The name of an interface string; views ask for messages by it, so a typo is a type error. */
export type MessageKey = keyof typeof englishMessages;

type TemplatesOf<M> = M extends string ? M : M[keyof M] & string;
type NamesIn<S extends string> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | NamesIn<Rest> : never;

/** The placeholder names a message takes (for a plural message, those of all its forms: `count` among them). */
export type PlaceholderOf<K extends MessageKey> = NamesIn<TemplatesOf<(typeof englishMessages)[K]>>;
