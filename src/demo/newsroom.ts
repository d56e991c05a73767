/** The demo publication: its settings, people, partner outlets and sections. */

export const demoSettings = {
  siteName: 'The Meridian Ledger',
  tagline: 'Independent news and analysis from every region',
  noteToReaders:
    'The Meridian Ledger is funded by its readers and carries no advertising. If you value independent reporting, share our articles widely, subscribe to the daily newsletter and consider becoming a member.',
  republishingPolicy:
    'Anyone may republish our original articles in full, free of charge, provided they credit the author and The Meridian Ledger as the source, keep the copyright line, and link to the original article. Pieces cross-posted from partner outlets remain under their owners’ terms.',
  disclaimer:
    'The views expressed in signed articles are those of their authors and do not necessarily reflect those of The Meridian Ledger. We are not responsible for the accuracy of statements made in cross-posted material.',
  fairUseNotice:
    'This site may contain copyrighted material whose use has not always been specifically authorised by the copyright owner. We make such material available to advance understanding of political, economic, environmental and social issues, which we believe constitutes fair use of that material.',
  mediaInquiriesEmail: 'press@meridian-ledger.example',
  copyrightHolder: 'The Meridian Ledger',
  socialLinks: [
    { network: 'instagram', label: 'Instagram', url: 'https://instagram.com/meridianledger' },
    { network: 'x', label: 'X', url: 'https://x.com/meridianledger' },
    { network: 'telegram', label: 'Telegram', url: 'https://t.me/meridianledger' },
    { network: 'facebook', label: 'Facebook', url: 'https://facebook.com/meridianledger' },
    { network: 'mastodon', label: 'Mastodon', url: 'https://mastodon.example/@meridianledger' },
  ],
};

export const demoAuthors = [
  {
    slug: 'amara-okafor',
    name: 'Amara Okafor',
    bio: 'Amara Okafor covers water, farming and local government across West Africa from Accra. She previously reported on public health for a regional radio network.',
    links: [{ label: 'Website', url: 'https://amara-okafor.example' }],
  },
  {
    slug: 'lucas-ferreira',
    name: 'Lucas Ferreira',
    bio: 'Lucas Ferreira is the Ledger’s economics editor, based in São Paulo. He writes about trade, commodities and the working lives behind them.',
    links: [{ label: 'X', url: 'https://x.com/lucasferreira_example' }],
  },
  {
    slug: 'mei-lin-tan',
    name: 'Mei-Lin Tan',
    bio: 'Mei-Lin Tan reports on technology, cities and labour in South-East Asia from Singapore and Kuala Lumpur.',
    links: [],
  },
  {
    slug: 'jonas-berg',
    name: 'Jonas Berg',
    bio: 'Jonas Berg writes about energy systems, industry and climate policy in Europe. He trained as an electrical engineer before turning to journalism.',
    links: [{ label: 'Mastodon', url: 'https://mastodon.example/@jonasberg' }],
  },
  {
    slug: 'samira-haddad',
    name: 'Samira Haddad',
    bio: 'Samira Haddad covers migration, health and humanitarian policy across the Middle East and North Africa from Amman.',
    links: [],
  },
  {
    slug: 'daniel-price',
    name: 'Daniel Price',
    bio: 'Daniel Price reports on public institutions, courts and local democracy in North America. He lives in Ottawa.',
    links: [{ label: 'Website', url: 'https://danielprice.example' }],
  },
  {
    slug: 'rosa-almeida',
    name: 'Rosa Almeida',
    bio: 'Rosa Almeida is a staff reporter at Harbour Line Review, covering ports, shipping and coastal economies.',
    links: [],
  },
  {
    slug: 'tomas-novak',
    name: 'Tomas Novak',
    bio: 'Tomas Novak writes about mountain regions, rural services and energy for The Upland Observer.',
    links: [],
  },
];

export const demoSources = [
  {
    slug: 'harbour-line-review',
    name: 'Harbour Line Review',
    homepageUrl: 'https://harbourline.example',
    copyrightHolder: 'Harbour Line Review',
  },
  {
    slug: 'the-upland-observer',
    name: 'The Upland Observer',
    homepageUrl: 'https://upland-observer.example',
    copyrightHolder: 'Upland Observer Media Cooperative',
  },
];

export const demoTerms = [
  { kind: 'region', slug: 'africa', name: 'Africa', description: 'Reporting from across the African continent.' },
  { kind: 'region', slug: 'asia-pacific', name: 'Asia-Pacific', description: 'From South Asia to the Pacific islands.' },
  { kind: 'region', slug: 'europe', name: 'Europe', description: 'The European Union, its neighbours and the Balkans.' },
  { kind: 'region', slug: 'latin-america', name: 'Latin America', description: 'Central and South America and the Caribbean.' },
  { kind: 'region', slug: 'middle-east', name: 'Middle East', description: 'The Middle East and North Africa.' },
  { kind: 'region', slug: 'north-america', name: 'North America', description: 'Canada, the United States and Mexico.' },
  { kind: 'theme', slug: 'climate', name: 'Climate', description: 'Weather, warming and adaptation.' },
  { kind: 'theme', slug: 'economy', name: 'Economy', description: 'Trade, work, prices and public finance.' },
  { kind: 'theme', slug: 'health', name: 'Health', description: 'Public health, care and medicine.' },
  { kind: 'theme', slug: 'technology', name: 'Technology', description: 'How new tools change work and public life.' },
  { kind: 'theme', slug: 'governance', name: 'Governance', description: 'Institutions, elections, courts and local democracy.' },
  { kind: 'theme', slug: 'migration', name: 'Migration', description: 'People on the move and the places that receive them.' },
  { kind: 'theme', slug: 'energy', name: 'Energy', description: 'Power grids, fuels and the transition between them.' },
  { kind: 'theme', slug: 'agriculture', name: 'Agriculture', description: 'Farming, fishing and food supply.' },
  { kind: 'theme', slug: 'culture', name: 'Culture', description: 'Arts, heritage, language and media.' },
  { kind: 'dossier', slug: 'water-under-pressure', name: 'Water Under Pressure', description: 'A series on how cities, farms and industries are adapting to scarcer and less predictable water.' },
  { kind: 'dossier', slug: 'the-grid-rewired', name: 'The Grid Rewired', description: 'A series on the people and places rebuilding electricity systems around renewable power.' },
] as const;
