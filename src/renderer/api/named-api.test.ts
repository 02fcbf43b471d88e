import { describe, expect, it } from 'vitest';
import type { Transport } from '../../shared/api/client';
import type { ApiResult } from '../../shared/api/result';
import type { Write } from './data-version';
import { namedApi } from './named-api';

// The renderer's api announces every successful write itself (docs/architecture.md, "Reads and writes").
function harness(answer: (name: string) => ApiResult<unknown>) {
  const log: string[] = [];
  const transport = (async (name: string) => {
    log.push(`call ${name}`);
    return answer(name);
  }) as Transport;
  const api = namedApi(transport, () => log.push('announced')) as unknown as Record<
    string,
    Record<string, (input: unknown) => Promise<unknown>>
  >;
  return { api, log };
}

describe('namedApi', () => {
  it('announces what was written: the operation and the value its caller gets', async () => {
    const writes: Write[] = [];
    const transport = (async (name: string) =>
      ({
        ok: true,
        value: name === 'sources:update' ? { id: 3, name: 'Toptal' } : [],
      }) as ApiResult<unknown>) as Transport;
    const api = namedApi(transport, (write) => writes.push(write));
    const saved = await api.sources.update({ id: 3, name: 'Toptal' });
    await api.sources.list({});
    expect(writes).toEqual([{ operation: 'sources:update', value: { id: 3, name: 'Toptal' } }]);
    expect(writes[0]!.value).toBe(saved);
  });

  it('announces a successful write once, before its caller sees the answer', async () => {
    const { api, log } = harness(() => ({ ok: true, value: { id: 7 } }));
    const value = await api.leads!.create!({ title: 'x' });
    log.push('caller resumed');
    expect(value).toEqual({ id: 7 });
    expect(log).toEqual(['call leads:create', 'announced', 'caller resumed']);
    await api.csv!.startImport!({ fileId: 'f' });
    await api.undo!.lead!({ undoId: 1 });
    await api.preferences!.update!({});
    expect(log.filter((l) => l === 'announced')).toHaveLength(4);
  });

  it('announces no read, and no refused write', async () => {
    const { api, log } = harness((name) =>
      name === 'leads:update'
        ? { ok: false, error: { code: 'not_found', message: 'No lead 9' } }
        : { ok: true, value: [] },
    );
    await api.leads!.list!({});
    await api.leads!.board!({});
    await api.csv!.job!({ jobId: 'j' });
    await api.csv!.exportFile!({});
    await expect(api.leads!.update!({ id: 9 })).rejects.toThrow('No lead 9');
    expect(log).toEqual([
      'call leads:list',
      'call leads:board',
      'call csv:job',
      'call csv:export-file',
      'call leads:update',
    ]);
  });
});
