import type { Page } from '@playwright/test';

/**
 * What is cut off in the open dialog: the dialog outside the window (and not scrollable), a control
 * outside the dialog, a label, button or heading wider than its box (text fields scroll by design), or a date field narrower than its own natural width
 * (Chromium then hides the year without any overflow to measure, so a clone at natural size is the reference).
 */
export function clippedInDialog(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const dialog = document.querySelector('dialog[open]') as HTMLDialogElement | null;
    if (!dialog) return ['no open dialog'];
    const problems: string[] = [];
    const box = dialog.getBoundingClientRect();
    const name = (el: Element) =>
      el.getAttribute('aria-label') ??
      (el as HTMLInputElement).labels?.[0]?.textContent?.trim() ??
      el.textContent?.trim().slice(0, 40) ??
      el.tagName;
    if (box.left < -0.5 || box.right > innerWidth + 0.5)
      problems.push(`dialog ${Math.round(box.width)}px wide in a ${innerWidth}px window`);
    if ((box.top < -0.5 || box.bottom > innerHeight + 0.5) && dialog.scrollHeight <= dialog.clientHeight)
      problems.push('dialog taller than the window and not scrollable');
    for (const el of dialog.querySelectorAll<HTMLElement>(
      'input, select, textarea, button, label, h2, p, .field-hint',
    )) {
      if (el.getClientRects().length === 0) continue;
      const r = el.getBoundingClientRect();
      if (r.left < box.left - 0.5 || r.right > box.right + 0.5) problems.push(`${name(el)}: sticks out of the dialog`);
      const type = (el as HTMLInputElement).type;
      if (el instanceof HTMLInputElement && ['date', 'datetime-local', 'time', 'month'].includes(type)) {
        const clone = el.cloneNode() as HTMLInputElement;
        clone.value = el.value;
        clone.style.cssText = 'position:absolute;visibility:hidden;width:auto;min-width:0;max-width:none';
        document.body.append(clone);
        const natural = clone.getBoundingClientRect().width;
        clone.remove();
        if (r.width + 0.5 < natural)
          problems.push(`${name(el)}: ${Math.round(r.width)}px, needs ${Math.round(natural)}px (the date is cut)`);
      } else if (
        !(el instanceof HTMLSelectElement || el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) &&
        el.scrollWidth > el.clientWidth + 1 &&
        getComputedStyle(el).overflowX !== 'auto'
      ) {
        problems.push(`${name(el)}: text wider than its box`);
      }
    }
    return problems;
  });
}
