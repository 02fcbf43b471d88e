import { addDays, subMonths } from 'date-fns';
import type { Database } from 'better-sqlite3';
import { daysBetween, fromIsoDate, toIsoDate } from '../../shared/dates';
import { type Stage, stageRank } from '../../shared/domain/stages';
import { commissionFee } from '../../shared/domain/fees';
import { seededRandom } from '../../shared/random';
import type { Ctx } from '../context';
import { listCommissionRules } from '../costs/cost-rules-repo';
import { type ExpenseWrite, insertExpense } from '../expenses/expenses-repo';
import { insertLead, type LeadWrite, recordStageChange } from '../leads/leads-repo';
import { linkUnlinkedLeads } from '../clients/clients-repo';
import { insertPayment, type PaymentWrite } from '../payments/payments-repo';
import { activeSourceNames } from '../sources/sources-repo';
import { countSubscriptions, insertSubscription } from '../subscriptions/subscriptions-repo';
import { insertTimeEntry } from '../time/time-repo';
import { RollupBatch } from '../rollups/rollup-batch';

const channelWeights: [string, number][] = [
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
const inbound = new Set(['Referral', 'Personal website', 'Podcast', 'Unsplash', 'ArtStation', 'Behance']);
const titles = [
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
const clients = [
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
const tagPool = ['react', 'design', 'urgent', 'retainer', 'long-term', 'api', 'fixed-price', 'hourly'];
const lostReasons = ['Chose another freelancer', 'Budget too low', 'Client went silent', 'Job cancelled'];

type Rule = { from: string; bp: number; min: number | null };

function loadRules(db: Database): Map<number, Rule[]> {
  const rules = new Map<number, Rule[]>();
  // Oldest first: feeFor takes the last rule in force.
  for (const r of listCommissionRules(db).reverse()) {
    const list = rules.get(r.source_id) ?? [];
    list.push({ from: r.effective_from, bp: r.percent_bp, min: r.min_fee_minor });
    rules.set(r.source_id, list);
  }
  return rules;
}

function feeFor(rules: Rule[] | undefined, day: string, gross: number): number {
  const rule = rules?.filter((r) => r.from <= day).at(-1);
  return commissionFee(gross, 'USD', rule && { percentBp: rule.bp, minFeeMinor: rule.min, currency: 'USD' });
}

export type SampleOptions = {
  leads: number;
  seed: number;
  /** Extra standalone payments and expenses (benchmarks need a million of each). */
  extraPayments?: number;
  extraExpenses?: number;
  batchSize?: number;
  onProgress?: (done: number) => void;
};

/**
 * Writes realistic synthetic history: leads moving through stages across the channels, connects
 * and boosts on Upwork bids, payments on won leads, memberships and connects purchases.
 * Same generator for "Load sample data" and `leadledger seed`.
 */
export function loadSampleData(
  ctx: Ctx,
  options: SampleOptions,
): { leads: number; payments: number; expenses: number } {
  const { db } = ctx;
  // Seeded so `seed --seed S` gives the same data every time.
  const random = seededRandom(options.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  // The bid facts (docs/domain.md §8) from a generator of their own, so the rest of the data is what it was.
  const bidRandom = seededRandom(options.seed * 7919 + 28);
  const sources = new Map(activeSourceNames(db).map((s) => [s.name, s.id]));
  const weighted = channelWeights.filter(([name]) => sources.has(name));
  if (weighted.length === 0) throw new Error('No preset channels to generate data for');
  const totalWeight = weighted.reduce((sum, [, w]) => sum + w, 0);
  const rules = loadRules(db);
  const today = ctx.now();
  const todayIso = toIsoDate(today);
  const start = subMonths(today, 18);
  const spanDays = daysBetween(toIsoDate(start), todayIso);
  const nowIso = today.toISOString();
  const runTag = `${options.seed}-${Date.now().toString(36)}`;
  const payment = (
    batch: RollupBatch,
    p: Pick<PaymentWrite, 'ref' | 'date' | 'source_id' | 'lead_id' | 'description' | 'gross_minor' | 'fee_minor'>,
  ) => insertPayment(db, { ...p, fee_computed: 1, currency: 'USD', import_id: null, created_at: nowIso }, batch);
  const expense = (
    batch: RollupBatch,
    e: Pick<ExpenseWrite, 'ref' | 'date' | 'source_id' | 'category' | 'description' | 'amount_minor' | 'connects'>,
  ) => insertExpense(db, { ...e, currency: 'USD', import_id: null, created_at: nowIso }, batch);
  const positions = new Map<Stage, number>();
  let payments = 0;
  let expenses = 0;
  const batchSize = options.batchSize ?? 5000;

  const writeLead = (i: number, batch: RollupBatch) => {
    let roll = random() * totalWeight;
    const [channel] = weighted.find(([, w]) => (roll -= w) < 0) ?? weighted[0]!;
    const sourceId = sources.get(channel)!;
    const createdOn = toIsoDate(addDays(start, Math.floor(Math.pow(random(), 0.7) * spanDays)));
    const age = daysBetween(createdOn, todayIso);
    const path: Stage[] = ['new'];
    const applies = inbound.has(channel) ? random() < 0.7 : random() < 0.88;
    if (applies && age >= 1) path.push('applied');
    if (path.at(-1) === 'applied' && random() < 0.32 && age >= 3) path.push('replied');
    if (path.at(-1) === 'replied' && random() < 0.55 && age >= 5) path.push('interview');
    if (path.at(-1) === 'interview' && random() < 0.45 && age >= 8) path.push('won');
    else if (path.length > 1 && age > 21 && random() < 0.8) path.push('lost');
    const stage = path.at(-1)!;
    let day = createdOn;
    const stepDays: string[] = [createdOn];
    for (let s = 1; s < path.length; s++) {
      const next = toIsoDate(addDays(fromIsoDate(day), int(0, 4)));
      day = next > todayIso ? todayIso : next;
      stepDays.push(day);
    }
    const appliedOn = path.includes('applied') ? stepDays[1]! : null;
    const closedOn = stage === 'won' || stage === 'lost' ? stepDays.at(-1)! : null;
    const isUpwork = channel === 'Upwork';
    const connects = isUpwork && appliedOn ? 2 * int(1, 8) : 0;
    const boost = isUpwork && appliedOn && random() < 0.25 ? int(5, 50) : 0;
    const refunded = isUpwork && appliedOn && random() < 0.05 ? connects : 0;
    const valueMinor = random() < 0.85 ? int(2, 60) * 10000 : null;
    const open = stage !== 'won' && stage !== 'lost';
    const position = (positions.get(stage) ?? 0) + 1;
    positions.set(stage, position);
    const bid = isUpwork && appliedOn ? sampleBidFacts(bidRandom, path, boost, appliedOn, todayIso) : noBidFacts;
    const lead: LeadWrite = {
      ...bid,
      ref: `sample-${runTag}-${i}`,
      source_id: sourceId,
      title: `${pick(titles)}${random() < 0.3 ? ` (${pick(['v2', 'phase 2', 'urgent', 'retainer'])})` : ''}`,
      client: pick(clients),
      url: isUpwork ? `https://www.upwork.com/jobs/~0${(1e15 + i).toString(16)}` : '',
      stage,
      furthest_rank: Math.max(...path.map((p) => stageRank[p])),
      created_on: createdOn,
      applied_on: appliedOn,
      closed_on: closedOn,
      connects: bid.invited ? 0 : connects,
      boost_connects: boost,
      connects_refunded: bid.invited || bid.boost_outcome === 'outbid' ? 0 : refunded,
      value_minor: valueMinor,
      currency: 'USD',
      fee_percent_bp: null,
      lost_reason: stage === 'lost' ? pick(lostReasons) : '',
      tags: random() < 0.6 ? [...new Set([pick(tagPool), pick(tagPool)])].join(';') : '',
      notes: random() < 0.2 ? 'Client found me through a past project.' : '',
      follow_up_on: open && random() < 0.4 ? toIsoDate(addDays(today, int(-6, 10))) : null,
      position,
      updated_at: nowIso,
      import_id: null,
    };
    const id = insertLead(db, lead, batch);
    // The time a bid took (writing the proposal): the planner's sales hours.
    if (bid.minutes_after_post !== null || bid.proposals_when_bid !== null) {
      insertTimeEntry(
        db,
        {
          ref: `${lead.ref}-bid`,
          date: appliedOn!,
          source_id: sourceId,
          lead_id: id,
          kind: 'sales',
          minutes: 10 + Math.floor(bidRandom() * 35),
          note: 'Proposal',
          import_id: null,
          created_at: nowIso,
          updated_at: nowIso,
        },
        batch,
      );
    }
    path.forEach((to, s) =>
      recordStageChange(db, id, s === 0 ? null : path[s - 1]!, to, `${stepDays[s]}T09:00:00.000Z`),
    );
    if (stage === 'won' && valueMinor && closedOn) {
      const parts = random() < 0.4 ? 2 : 1;
      for (let p = 0; p < parts; p++) {
        const date = toIsoDate(addDays(fromIsoDate(closedOn), 7 + p * 21));
        if (date > todayIso) continue;
        const gross =
          parts === 2 ? (p === 0 ? Math.floor(valueMinor / 2) : valueMinor - Math.floor(valueMinor / 2)) : valueMinor;
        const fee = feeFor(rules.get(sourceId), date, gross);
        payment(batch, {
          ref: `${lead.ref}-p${p}`,
          date,
          source_id: sourceId,
          lead_id: id,
          description: `Payment for ${lead.title}`,
          gross_minor: gross,
          fee_minor: fee,
        });
        payments++;
      }
    }
  };

  const writeMonthlyCosts = (batch: RollupBatch) => {
    const upwork = sources.get('Upwork');
    for (let month = new Date(start); month <= today; month = addDays(month, 30)) {
      const date = toIsoDate(month);
      if (upwork) {
        const bundle = pick([40, 60, 80]);
        expense(batch, {
          ref: `sample-${runTag}-connects-${date}`,
          date,
          source_id: upwork,
          category: 'connects',
          description: `${bundle} Connects`,
          amount_minor: bundle * 15,
          connects: bundle,
        });
        expenses++;
      }
      const website = sources.get('Personal website');
      if (website && random() < 0.5) {
        expense(batch, {
          ref: `sample-${runTag}-ads-${date}`,
          date,
          source_id: website,
          category: 'advertising',
          description: 'Search ads',
          amount_minor: int(20, 90) * 100,
          connects: 0,
        });
        expenses++;
      }
    }
  };

  db.transaction(() => {
    const batch = new RollupBatch(db);
    writeMonthlyCosts(batch);
    const upwork = sources.get('Upwork');
    const linkedin = sources.get('LinkedIn');
    const plan = (sourceId: number, name: string, amountMinor: number, startsOn: string, freeCredits: number) =>
      insertSubscription(db, {
        source_id: sourceId,
        name,
        period: 'monthly',
        amount_minor: amountMinor,
        currency: 'USD',
        starts_on: startsOn,
        ends_on: null,
        free_credits_monthly: freeCredits,
        created_at: nowIso,
      });
    if (countSubscriptions(db) === 0) {
      if (upwork) plan(upwork, 'Freelancer Plus', 1999, toIsoDate(start), 100);
      if (linkedin) plan(linkedin, 'LinkedIn Premium', 3999, toIsoDate(subMonths(today, 6)), 0);
    }
    batch.flush();
  })();

  for (let done = 0; done < options.leads;) {
    const end = Math.min(options.leads, done + batchSize);
    db.transaction(() => {
      const batch = new RollupBatch(db);
      for (let i = done; i < end; i++) writeLead(i, batch);
      batch.flush();
    })();
    done = end;
    options.onProgress?.(done);
  }
  // Sample leads name their clients; link them as an import does (docs/domain.md §6).
  db.transaction(() => linkUnlinkedLeads(db, nowIso))();
  const channelIds = weighted.map(([name]) => sources.get(name)!);
  const categories = ['advertising', 'fee', 'tax', 'other', 'connects', 'subscription'] as const;
  const writeExtras = (kind: 'payment' | 'expense', total: number) => {
    for (let done = 0; done < total;) {
      const end = Math.min(total, done + batchSize);
      db.transaction(() => {
        const batch = new RollupBatch(db);
        for (let i = done; i < end; i++) {
          const sourceIdForRow = pick(channelIds);
          const date = toIsoDate(addDays(start, int(0, spanDays)));
          if (kind === 'payment') {
            const gross = int(5, 400) * 500 * (random() < 0.03 ? -1 : 1);
            const fee = feeFor(rules.get(sourceIdForRow), date, gross);
            payment(batch, {
              ref: `sample-${runTag}-xp${i}`,
              date,
              source_id: sourceIdForRow,
              lead_id: null,
              description: 'Milestone',
              gross_minor: gross,
              fee_minor: fee,
            });
            payments++;
          } else {
            const category = pick(categories);
            const connects = category === 'connects' ? pick([10, 20, 40, 80]) : 0;
            expense(batch, {
              ref: `sample-${runTag}-xe${i}`,
              date,
              source_id: random() < 0.1 ? null : sourceIdForRow,
              category,
              description: category,
              amount_minor: connects ? connects * 15 : int(1, 200) * 100,
              connects,
            });
            expenses++;
          }
        }
        batch.flush();
      })();
      done = end;
    }
  };
  writeExtras('payment', options.extraPayments ?? 0);
  writeExtras('expense', options.extraExpenses ?? 0);
  return { leads: options.leads, payments, expenses };
}

type BidFacts = Pick<
  LeadWrite,
  'invited' | 'minutes_after_post' | 'proposals_when_bid' | 'viewed_on' | 'boost_outcome'
>;
const noBidFacts: BidFacts = {
  invited: 0,
  minutes_after_post: null,
  proposals_when_bid: null,
  viewed_on: null,
  boost_outcome: null,
};

/**
 * An Upwork bid's facts, drawn after its outcome so the "Being seen" panel has something to show: bids
 * that got a reply were more often sent early, on jobs with few proposals, and viewed. Some facts are
 * left unknown, as a user who records them only now and then would leave them.
 */
function sampleBidFacts(
  random: () => number,
  path: readonly Stage[],
  boost: number,
  appliedOn: string,
  today: string,
): BidFacts {
  const replied = path.includes('replied');
  const early = random() < (replied ? 0.62 : 0.3);
  const minutes = early ? Math.floor(random() * 60) : 60 + Math.floor(random() ** 2 * 4000);
  const buckets = ['<5', '5-10', '10-15', '15-20', '20-50', '50+'] as const;
  const bucket = buckets[Math.min(5, Math.floor(random() ** (replied ? 1.8 : 0.8) * 6))]!;
  const viewed = replied || random() < 0.3;
  const viewedOn = viewed ? toIsoDate(addDays(fromIsoDate(appliedOn), Math.floor(random() * 3))) : null;
  return {
    invited: random() < (replied ? 0.12 : 0.03) ? 1 : 0,
    minutes_after_post: random() < 0.85 ? minutes : null,
    proposals_when_bid: random() < 0.85 ? bucket : null,
    viewed_on: viewedOn && viewedOn > today ? today : viewedOn,
    boost_outcome: boost > 0 && random() < 0.8 ? (random() < (replied ? 0.75 : 0.45) ? 'top' : 'outbid') : null,
  };
}
