import { describe, expect, it } from 'vitest';
import type { BoardColumn, LeadRow } from '../../../shared/api/schemas/leads';
import { stages } from '../../../shared/domain/stages';
import { dropTarget, moveCard, withSavedLead } from './boardModel';

const lead = (id: number, stage: LeadRow['stage']) => ({ id, stage, title: `L${id}` }) as LeadRow;

function board(layout: Partial<Record<LeadRow['stage'], number[]>>, hidden = 0): BoardColumn[] {
  return stages.map((stage) => {
    const ids = layout[stage] ?? [];
    return {
      stage,
      total: ids.length + (stage === 'new' ? hidden : 0),
      values: [],
      leads: ids.map((id) => lead(id, stage)),
    };
  });
}
const ids = (columns: BoardColumn[], stage: string) => columns.find((c) => c.stage === stage)!.leads.map((l) => l.id);

describe('dropTarget', () => {
  const columns = board({ new: [1, 2, 3], applied: [4, 5] });
  it('drops before the card under it in another column', () => {
    expect(dropTarget(columns, 1, 'lead-5')).toEqual({ stage: 'applied', beforeId: 5 });
  });
  it('drops last on an empty part of a column', () => {
    expect(dropTarget(columns, 1, 'column-won')).toEqual({ stage: 'won', beforeId: null });
  });
  it('moving down its own column lands after the card under it', () => {
    expect(dropTarget(columns, 1, 'lead-2')).toEqual({ stage: 'new', beforeId: 3 });
    expect(dropTarget(columns, 1, 'lead-3')).toEqual({ stage: 'new', beforeId: null });
  });
  it('moving up lands before the card under it', () => {
    expect(dropTarget(columns, 3, 'lead-1')).toEqual({ stage: 'new', beforeId: 1 });
  });
  it('dropping on itself keeps its place', () => {
    expect(dropTarget(columns, 2, 'lead-2')).toEqual({ stage: 'new', beforeId: 3 });
  });
  it('ignores unknown targets', () => {
    expect(dropTarget(columns, 1, 'lead-99')).toBeNull();
    expect(dropTarget(columns, 1, 'column-nowhere')).toBeNull();
  });
});

describe('moveCard', () => {
  it('moves a card between columns and keeps the totals right', () => {
    const after = moveCard(board({ new: [1, 2], applied: [4] }, 10), 1, 'applied', 4);
    expect(ids(after, 'new')).toEqual([2]);
    expect(ids(after, 'applied')).toEqual([1, 4]);
    expect(after.find((c) => c.stage === 'new')!.total).toBe(11);
    expect(after.find((c) => c.stage === 'applied')!.total).toBe(2);
    expect(after.find((c) => c.stage === 'applied')!.leads[0]!.stage).toBe('applied');
  });
  it('reorders within a column', () => {
    const after = moveCard(board({ new: [1, 2, 3] }), 3, 'new', 1);
    expect(ids(after, 'new')).toEqual([3, 1, 2]);
    expect(after.find((c) => c.stage === 'new')!.total).toBe(3);
  });
  it('appends when beforeId is null or not shown', () => {
    expect(ids(moveCard(board({ new: [1, 2, 3] }), 1, 'new', null), 'new')).toEqual([2, 3, 1]);
    expect(ids(moveCard(board({ new: [1], won: [7] }), 1, 'won', 99), 'won')).toEqual([7, 1]);
  });
  it('carries the value sums with the card', () => {
    const columns = board({ new: [1], won: [] });
    columns[0]!.leads[0] = { ...columns[0]!.leads[0]!, valueMinor: 5000, currency: 'EUR' };
    columns[0]!.values = [{ currency: 'EUR', minor: 7000 }];
    columns[4]!.values = [{ currency: 'USD', minor: 100 }];
    const after = moveCard(columns, 1, 'won', null);
    expect(after[0]!.values).toEqual([{ currency: 'EUR', minor: 2000 }]);
    expect(after[4]!.values).toEqual([
      { currency: 'USD', minor: 100 },
      { currency: 'EUR', minor: 5000 },
    ]);
  });
  it('leaves the board alone for an unknown card', () => {
    const columns = board({ new: [1] });
    expect(moveCard(columns, 42, 'won', null)).toBe(columns);
  });
});

describe('withSavedLead', () => {
  const columns = board({ new: [1, 2], applied: [3] });
  it('puts the fields a write returned on the card, in its place', () => {
    const saved = { ...lead(2, 'new'), title: 'Logo, viewed', viewedOn: '2026-07-01' } as LeadRow;
    const next = withSavedLead(columns, saved);
    expect(ids(next, 'new')).toEqual([1, 2]);
    expect(next.find((c) => c.stage === 'new')!.leads[1]).toBe(saved);
    expect(next.find((c) => c.stage === 'applied')).toBe(columns.find((c) => c.stage === 'applied'));
  });
  it('leaves the board as it is when the card is not in the column of its saved stage (the refetch places it)', () => {
    expect(withSavedLead(columns, lead(2, 'won'))).toBe(columns);
    expect(withSavedLead(columns, lead(9, 'new'))).toBe(columns);
  });
});
