import type { RunningApp } from '../fixtures/app';

/** Calls one API operation of the running app over HTTP (setup and checks; the UI is what is tested). */
export async function callApi<T = unknown>(app: RunningApp, name: string, input: unknown = {}): Promise<T> {
  const url = new URL(app.url);
  const token = url.searchParams.get('token') ?? '';
  const response = await fetch(`${url.origin}/api/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(input),
  });
  const result = (await response.json()) as { ok: boolean; value?: T; error?: { message: string } };
  if (!result.ok) throw new Error(`${name} failed: ${result.error?.message}`);
  return result.value as T;
}

export async function sourceIdByName(app: RunningApp, name: string): Promise<number> {
  const sources = await callApi<{ id: number; name: string }[]>(app, 'sources:list', { includeArchived: true });
  const source = sources.find((s) => s.name === name);
  if (!source) throw new Error(`no channel ${name}`);
  return source.id;
}

export type LeadInput = {
  title: string;
  source?: string;
  stage?: string;
  followUpOn?: string | null;
  client?: string;
  value?: string;
  tags?: string[];
};

export async function createLead(app: RunningApp, input: LeadInput): Promise<{ id: number; title: string }> {
  const { source = 'Upwork', ...rest } = input;
  return callApi(app, 'leads:create', { ...rest, sourceId: await sourceIdByName(app, source) });
}

export async function leadCount(app: RunningApp): Promise<number> {
  return (await callApi<{ total: number }>(app, 'leads:list', { limit: 1 })).total;
}

/** Today in the browser's (and this machine's) local time, as the UI computes it. */
export function isoDay(offsetDays = 0): string {
  const d = new Date();
  d.setDate(d.getDate() + offsetDays);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
