/** Thrown inside the import when the whole file decides otherwise than its first rows (speculative-plan.ts). */
export class PlanChanged extends Error {
  constructor() {
    super('The whole file reads differently from its first rows');
    this.name = 'PlanChanged';
  }
}
