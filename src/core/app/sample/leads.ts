import { addDays } from 'date-fns';
import { daysBetween, fromIsoDate, toIsoDate } from '../../../shared/dates';
import { type Stage, stageRank } from '../../../shared/domain/stages';
import { insertLead, type LeadWrite, recordStageChange } from '../../leads/leads-repo';
import type { RollupBatch } from '../../rollups/rollup-batch';
import { type BidFacts, noBidFacts, sampleBidFacts, writeBidTime } from './bid-facts';
import { writeLeadPayments } from './money';
import { clients, inbound, lostReasons, tagPool, titles, titleSuffixes } from './presets';
import type { SampleRun } from './run';

/** A channel drawn by its weight. */
function pickChannel(run: SampleRun): string {
  let roll = run.random() * run.totalWeight;
  const [channel] = run.channels.find(([, w]) => (roll -= w) < 0) ?? run.channels[0]!;
  return channel;
}

/** The stages a lead went through, each step a little less likely; a lead needs a few days' age for each. */
function stagePath(run: SampleRun, channel: string, age: number): Stage[] {
  const { random } = run;
  const path: Stage[] = ['new'];
  const applies = inbound.has(channel) ? random() < 0.7 : random() < 0.88;
  if (applies && age >= 1) path.push('applied');
  if (path.at(-1) === 'applied' && random() < 0.32 && age >= 3) path.push('replied');
  if (path.at(-1) === 'replied' && random() < 0.55 && age >= 5) path.push('interview');
  if (path.at(-1) === 'interview' && random() < 0.45 && age >= 8) path.push('won');
  else if (path.length > 1 && age > 21 && random() < 0.8) path.push('lost');
  return path;
}

/** The day of each step: zero to four days after the one before, never after today. */
function stepDates(run: SampleRun, createdOn: string, steps: number): string[] {
  let day = createdOn;
  const days = [createdOn];
  for (let s = 1; s < steps; s++) {
    const next = toIsoDate(addDays(fromIsoDate(day), run.int(0, 4)));
    day = next > run.todayIso ? run.todayIso : next;
    days.push(day);
  }
  return days;
}

/** Connects spent on an Upwork bid, the boost on top, and (one bid in twenty) the Connects refunded. */
function bidConnects(run: SampleRun, upworkBid: boolean): { connects: number; boost: number; refunded: number } {
  const connects = upworkBid ? 2 * run.int(1, 8) : 0;
  const boost = upworkBid && run.random() < 0.25 ? run.int(5, 50) : 0;
  const refunded = upworkBid && run.random() < 0.05 ? connects : 0;
  return { connects, boost, refunded };
}

type LeadDraw = {
  i: number;
  sourceId: number;
  isUpwork: boolean;
  path: Stage[];
  createdOn: string;
  appliedOn: string | null;
  closedOn: string | null;
  spent: { connects: number; boost: number; refunded: number };
  valueMinor: number | null;
  position: number;
  bid: BidFacts;
};

/** The lead's row; the words (title, client, reason, tags, notes) and the follow-up day are drawn here. */
function leadRow(run: SampleRun, d: LeadDraw): LeadWrite {
  const { random, pick } = run;
  const stage = d.path.at(-1)!;
  const open = stage !== 'won' && stage !== 'lost';
  return {
    ...d.bid,
    ref: `sample-${run.runTag}-${d.i}`,
    source_id: d.sourceId,
    title: `${pick(titles)}${random() < 0.3 ? ` (${pick(titleSuffixes)})` : ''}`,
    client: pick(clients),
    url: d.isUpwork ? `https://www.upwork.com/jobs/~0${(1e15 + d.i).toString(16)}` : '',
    stage,
    furthest_rank: Math.max(...d.path.map((p) => stageRank[p])),
    created_on: d.createdOn,
    applied_on: d.appliedOn,
    closed_on: d.closedOn,
    connects: d.bid.invited ? 0 : d.spent.connects,
    boost_connects: d.spent.boost,
    connects_refunded: d.bid.invited || d.bid.boost_outcome === 'outbid' ? 0 : d.spent.refunded,
    value_minor: d.valueMinor,
    currency: 'USD',
    fee_percent_bp: null,
    lost_reason: stage === 'lost' ? pick(lostReasons) : '',
    tags: random() < 0.6 ? [...new Set([pick(tagPool), pick(tagPool)])].join(';') : '',
    notes: random() < 0.2 ? 'Client found me through a past project.' : '',
    follow_up_on: open && random() < 0.4 ? toIsoDate(addDays(run.today, run.int(-6, 10))) : null,
    position: d.position,
    updated_at: run.nowIso,
    import_id: null,
  };
}

/** Draws what happened to the lead, from its channel to its outcome, before any word of it. */
function drawLead(run: SampleRun, i: number): LeadDraw & { stepDays: string[] } {
  const channel = pickChannel(run);
  const createdOn = toIsoDate(addDays(run.start, Math.floor(Math.pow(run.random(), 0.7) * run.spanDays)));
  const path = stagePath(run, channel, daysBetween(createdOn, run.todayIso));
  const stage = path.at(-1)!;
  const stepDays = stepDates(run, createdOn, path.length);
  const appliedOn = path.includes('applied') ? stepDays[1]! : null;
  const isUpwork = channel === 'Upwork';
  const spent = bidConnects(run, isUpwork && appliedOn !== null);
  const valueMinor = run.random() < 0.85 ? run.int(2, 60) * 10000 : null;
  const position = (run.positions.get(stage) ?? 0) + 1;
  run.positions.set(stage, position);
  const bid =
    isUpwork && appliedOn ? sampleBidFacts(run.bidRandom, path, spent.boost, appliedOn, run.todayIso) : noBidFacts;
  return {
    i,
    sourceId: run.sources.get(channel)!,
    isUpwork,
    path,
    createdOn,
    appliedOn,
    closedOn: stage === 'won' || stage === 'lost' ? stepDays.at(-1)! : null,
    spent,
    valueMinor,
    position,
    bid,
    stepDays,
  };
}

/** One lead with its stage history, the time its bid took and, when won, its payments. */
export function writeSampleLead(run: SampleRun, i: number, batch: RollupBatch): void {
  const draw = drawLead(run, i);
  const lead = leadRow(run, draw);
  const id = insertLead(run.db, lead, batch);
  const { path, stepDays, sourceId, appliedOn, closedOn, valueMinor } = draw;
  if (appliedOn) writeBidTime(run, batch, { id, ref: lead.ref, sourceId, appliedOn, bid: draw.bid });
  path.forEach((to, s) =>
    recordStageChange(run.db, id, s === 0 ? null : path[s - 1]!, to, `${stepDays[s]}T09:00:00.000Z`),
  );
  if (lead.stage === 'won' && valueMinor && closedOn) {
    writeLeadPayments(run, batch, { id, ref: lead.ref, title: lead.title, sourceId, valueMinor, closedOn });
  }
}
