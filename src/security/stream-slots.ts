// Open streams per subject on this instance, so one caller cannot hold every
// stream slot. Counts only; a subject's entry goes when its last stream ends.
export class StreamSlots {
  private readonly open = new Map<string, number>();

  constructor(private readonly maxPerSubject: number) {}

  /** A release function, or undefined when the subject is at its limit. */
  acquire(subject: string): (() => void) | undefined {
    const count = this.open.get(subject) ?? 0;
    if (count >= this.maxPerSubject) return undefined;
    this.open.set(subject, count + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.open.get(subject) ?? 1) - 1;
      if (left <= 0) this.open.delete(subject);
      else this.open.set(subject, left);
    };
  }

  openFor(subject: string): number {
    return this.open.get(subject) ?? 0;
  }
}
