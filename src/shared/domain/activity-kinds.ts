/** What the user logs; `follow-up` is written by "Done" on the Follow-ups page. */
export const activityKinds = ['note', 'message', 'call', 'meeting', 'proposal', 'follow-up'] as const;
