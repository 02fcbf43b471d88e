/** What a saved close-out recorded: the payment the Won dialog added, if any (Undo deletes it). */
export type Closed = { paymentId: number | null };
