// The columns of time trackers' detailed exports (docs/domain.md §6), by what they hold. Compared as
// headers are (case, accents, spaces, `-` and `_` folded); the first name present is read.

export const trackerAliases = {
  id: ['ID', 'Time Entry ID', 'Entry ID'],
  client: ['Client'],
  project: ['Project'],
  task: ['Task'],
  description: ['Description', 'Notes'],
  startDate: ['Start date', 'Start Date', 'Date'],
  startTime: ['Start time', 'Start Time'],
  /** H:MM:SS (Toggl, Clockify's "Duration (h)"). */
  duration: ['Duration', 'Duration (h)', 'Time (h)'],
  /** Decimal hours (Clockify's "Duration (decimal)", Harvest's "Hours"). */
  hours: ['Duration (decimal)', 'Time (decimal)', 'Hours'],
} as const;
