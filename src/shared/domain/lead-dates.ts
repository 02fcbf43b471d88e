/** A date-order problem of a lead, on the field that breaks the order. */
export type LeadDateIssue = { field: 'appliedOn' | 'closedOn'; message: string };

/**
 * created ≤ applied ≤ closed (docs/domain.md §4: days to win run from applied to closed). The later field of a
 * broken pair is the one named, so the form, the API and the importer all point at the same cell.
 */
export function leadDateIssues(dates: {
  createdOn?: string | null;
  appliedOn?: string | null;
  closedOn?: string | null;
}): LeadDateIssue[] {
  const { createdOn, appliedOn, closedOn } = dates;
  const issues: LeadDateIssue[] = [];
  if (createdOn && appliedOn && appliedOn < createdOn) {
    issues.push({ field: 'appliedOn', message: `Applied (${appliedOn}) cannot be before Created (${createdOn})` });
  }
  if (closedOn && appliedOn && closedOn < appliedOn) {
    issues.push({ field: 'closedOn', message: `Closed (${closedOn}) cannot be before Applied (${appliedOn})` });
  } else if (closedOn && createdOn && closedOn < createdOn) {
    issues.push({ field: 'closedOn', message: `Closed (${closedOn}) cannot be before Created (${createdOn})` });
  }
  return issues;
}
