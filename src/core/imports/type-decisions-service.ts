import type { SavedTypeDecision } from '../../shared/api/schemas/csv';
import type { Ctx, ReadCtx } from '../context';
import { typeKey } from '../csv/type-decisions';
import { deleteTypeDecision, saveTypeDecision, typeDecisions } from '../csv/import-decisions-repo';

const platforms = ['upwork', 'paypal', 'stripe'] as const;

export function listTypeDecisions(ctx: ReadCtx, platform?: string): SavedTypeDecision[] {
  return (platform ? [platform] : platforms).flatMap((p) =>
    Object.values(typeDecisions(ctx.db, p))
      .map((d) => ({ platform: p, type: d.type, as: d.as as SavedTypeDecision['as'], category: d.category ?? null }))
      .sort((a, b) => a.type.localeCompare(b.type)),
  );
}

export function decideTypes(
  ctx: Ctx,
  platform: string,
  decisions: { type: string; as: string; category?: string | undefined }[],
): SavedTypeDecision[] {
  ctx.db.transaction(() => {
    for (const d of decisions)
      saveTypeDecision(ctx.db, platform, typeKey(d.type), {
        type: d.type.trim(),
        as: d.as,
        category: d.as === 'expense' ? d.category : undefined,
      });
  })();
  return listTypeDecisions(ctx, platform);
}

export function forgetType(ctx: Ctx, platform: string, type: string): { deleted: boolean } {
  return { deleted: deleteTypeDecision(ctx.db, platform, typeKey(type)) };
}
