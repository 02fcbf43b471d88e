/** The words and weights the sample generator draws from. */

/** Each preset channel's share of new leads. */
export const channelWeights: [string, number][] = [
  ['Upwork', 45],
  ['LinkedIn', 10],
  ['Fiverr', 9],
  ['Referral', 8],
  ['Personal website', 7],
  ['Stack Overflow', 5],
  ['Behance', 4],
  ['Freelancer.com', 4],
  ['Podcast', 3],
  ['ArtStation', 2],
  ['Unsplash', 2],
  ['PeoplePerHour', 1],
];
/** Channels where clients come to the freelancer, so fewer leads reach "applied". */
export const inbound = new Set(['Referral', 'Personal website', 'Podcast', 'Unsplash', 'ArtStation', 'Behance']);
export const titles = [
  'Landing page redesign',
  'React dashboard',
  'Logo and brand kit',
  'API integration',
  'Shopify store fixes',
  'Mobile app UI',
  'Data pipeline in Python',
  'WordPress speed-up',
  'Illustration set',
  'Podcast editing',
  'SEO audit',
  'Marketing site in Next.js',
  'Stripe billing setup',
  'Product photos retouch',
  'Pitch deck design',
  'Chrome extension',
];
export const titleSuffixes = ['v2', 'phase 2', 'urgent', 'retainer'];
export const clients = [
  'Acme Co',
  'Northwind',
  'Globex',
  'Initech',
  'Umbrella Labs',
  'Stark Studio',
  'Wayne Media',
  'Hooli',
  'Vandelay Import',
  'Soylent Foods',
  'Tyrell Design',
  'Cyberdyne',
  'Pied Piper',
  'Wonka Sweets',
  'Oceanic Air',
];
export const tagPool = ['react', 'design', 'urgent', 'retainer', 'long-term', 'api', 'fixed-price', 'hourly'];
export const lostReasons = ['Chose another freelancer', 'Budget too low', 'Client went silent', 'Job cancelled'];
export const expenseCategories = ['advertising', 'fee', 'tax', 'other', 'connects', 'subscription'] as const;
