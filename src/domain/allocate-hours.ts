/**
 * Sharing hours among requirements that several entries could serve (knowledge domains, the
 * DEI and RS/C parts of a training minimum) without counting any hour twice.
 *
 * It is a flow problem: entries give hours, buckets take up to what they need, an entry may
 * only give to the buckets it is eligible for. We first choose which buckets to fill completely,
 * trying the smallest needs first and keeping a bucket only when it can be filled together with
 * those already kept (a max-flow check); then we fill the kept buckets and pour what is left into
 * the others. Augmenting paths never take flow back from a full bucket, so kept buckets stay full.
 * Hours are handled in hundredths so that sums are exact. Entries eligible for the same buckets
 * are interchangeable, so the flow runs over such groups (a handful, even for a long portfolio)
 * and each group's hours are then handed back to its entries in order.
 */
export type AllocationInput = {
  entries: Array<{ id: string; hours: number; eligible: number[] }>;
  /** Hours each bucket needs; null = unset, filled with whatever is left at the end. */
  needs: Array<number | null>;
};

export type Allocation = {
  /** For each bucket, the hours it received. */
  bucketHours: number[];
  /** For each entry, the hours given to each bucket (bucket index -> hours). */
  given: Array<Map<number, number>>;
};

const scale = 100;

export function allocateHours(input: AllocationInput): Allocation {
  const entryUnits = input.entries.map((entry) => Math.round(entry.hours * scale));
  const needUnits = input.needs.map((need) => (need === null ? null : Math.round(need * scale)));
  const bucketCount = input.needs.length;

  // A fast path for the common case: no entry can serve two buckets, so there is nothing to choose.
  if (input.entries.every((entry) => entry.eligible.length <= 1)) {
    const bucketUnits = new Array<number>(bucketCount).fill(0);
    const given = input.entries.map(() => new Map<number, number>());
    input.entries.forEach((entry, index) => {
      const bucket = entry.eligible[0];
      if (bucket === undefined) return;
      const need = needUnits[bucket] ?? null;
      const take = need === null ? entryUnits[index]! : Math.min(entryUnits[index]!, need - bucketUnits[bucket]!);
      if (take <= 0) return;
      bucketUnits[bucket]! += take;
      given[index]!.set(bucket, take / scale);
    });
    return { bucketHours: bucketUnits.map((units) => units / scale), given };
  }

  const groups = groupByEligibility(input.entries, entryUnits);
  const groupInput = groups.map((group, index) => ({ id: String(index), hours: group.units, eligible: group.eligible }));
  const order = needUnits
    .map((need, bucket) => ({ need, bucket }))
    .filter((item): item is { need: number; bucket: number } => item.need !== null)
    .sort((a, b) => a.need - b.need || a.bucket - b.bucket);
  const kept: number[] = [];
  for (const { bucket } of order) {
    const trial = [...kept, bucket];
    const network = new FlowNetwork(
      groups.map((group) => group.units),
      groupInput,
      needUnits,
      bucketCount,
    );
    const total = trial.reduce((sum, b) => sum + needUnits[b]!, 0);
    if (network.fill(new Set(trial)) === total) kept.push(bucket);
  }

  const network = new FlowNetwork(
    groups.map((group) => group.units),
    groupInput,
    needUnits,
    bucketCount,
  );
  network.fill(new Set(kept));
  network.fill(new Set(order.map((item) => item.bucket)));
  network.fill(new Set(needUnits.map((_, bucket) => bucket)));
  const flows = network.unitsByNode();
  const given = input.entries.map(() => new Map<number, number>());
  groups.forEach((group, index) => handOut(group.members, entryUnits, flows[index]!, given));
  return { bucketHours: network.bucketTotals().map((units) => units / scale), given };
}

type Group = { eligible: number[]; members: number[]; units: number };

function groupByEligibility(entries: AllocationInput["entries"], entryUnits: number[]): Group[] {
  const byKey = new Map<string, Group>();
  entries.forEach((entry, index) => {
    if (entry.eligible.length === 0 || entryUnits[index]! <= 0) return;
    const key = entry.eligible.join(",");
    const group = byKey.get(key) ?? { eligible: entry.eligible, members: [], units: 0 };
    group.members.push(index);
    group.units += entryUnits[index]!;
    byKey.set(key, group);
  });
  return [...byKey.values()];
}

/** Gives a group's hours per bucket to its entries in order, splitting an entry only where a bucket fills. */
function handOut(members: number[], entryUnits: number[], flow: Map<number, number>, given: Array<Map<number, number>>) {
  const buckets = [...flow.entries()].sort((a, b) => a[0] - b[0]);
  let bucketIndex = 0;
  let bucketLeft = buckets[0]?.[1] ?? 0;
  for (const member of members) {
    let left = entryUnits[member]!;
    while (left > 0 && bucketIndex < buckets.length) {
      const take = Math.min(left, bucketLeft);
      if (take > 0) given[member]!.set(buckets[bucketIndex]![0], (given[member]!.get(buckets[bucketIndex]![0]) ?? 0) + take / scale);
      left -= take;
      bucketLeft -= take;
      if (bucketLeft === 0) {
        bucketIndex++;
        bucketLeft = buckets[bucketIndex]?.[1] ?? 0;
      }
    }
  }
}

/** Source -> entries -> buckets -> sink, with simple augmenting paths (the graphs are small). */
class FlowNetwork {
  private readonly entryLeft: number[];
  private readonly flow: Array<Map<number, number>>;
  private readonly bucketUnits: number[];
  private readonly entries: AllocationInput["entries"];
  private readonly needUnits: Array<number | null>;

  constructor(entryUnits: number[], entries: AllocationInput["entries"], needUnits: Array<number | null>, bucketCount: number) {
    this.entries = entries;
    this.needUnits = needUnits;
    this.entryLeft = [...entryUnits];
    this.flow = entries.map(() => new Map<number, number>());
    this.bucketUnits = new Array<number>(bucketCount).fill(0);
  }

  private room(bucket: number): number {
    const need = this.needUnits[bucket] ?? null;
    return need === null ? Number.POSITIVE_INFINITY : need - this.bucketUnits[bucket]!;
  }

  /** Pushes as much as it can into the open buckets; returns the units now in them. */
  fill(open: Set<number>): number {
    for (;;) {
      const path = this.findPath(open);
      if (!path) break;
      this.apply(path);
    }
    return [...open].reduce((sum, bucket) => sum + this.bucketUnits[bucket]!, 0);
  }

  /** Breadth-first search from entries with hours left to a bucket with room, along eligible edges and back along used ones. */
  private findPath(open: Set<number>): { steps: Array<{ entry: number; bucket: number; forward: boolean }>; amount: number } | null {
    const cameFromBucket = new Map<number, { entry: number }>();
    const cameFromEntry = new Map<number, { bucket: number } | null>();
    const queue: number[] = [];
    this.entries.forEach((_, entry) => {
      if (this.entryLeft[entry]! > 0) {
        cameFromEntry.set(entry, null);
        queue.push(entry);
      }
    });
    while (queue.length > 0) {
      const entry = queue.shift()!;
      for (const bucket of this.entries[entry]!.eligible) {
        if (!open.has(bucket) || cameFromBucket.has(bucket)) continue;
        cameFromBucket.set(bucket, { entry });
        if (this.room(bucket) > 0) return this.tracePath(bucket, cameFromBucket, cameFromEntry);
        this.flow.forEach((given, other) => {
          if ((given.get(bucket) ?? 0) > 0 && !cameFromEntry.has(other)) {
            cameFromEntry.set(other, { bucket });
            queue.push(other);
          }
        });
      }
    }
    return null;
  }

  private tracePath(lastBucket: number, cameFromBucket: Map<number, { entry: number }>, cameFromEntry: Map<number, { bucket: number } | null>) {
    const steps: Array<{ entry: number; bucket: number; forward: boolean }> = [];
    let bucket = lastBucket;
    let amount = this.room(bucket);
    for (;;) {
      const { entry } = cameFromBucket.get(bucket)!;
      steps.push({ entry, bucket, forward: true });
      const previous = cameFromEntry.get(entry)!;
      if (previous === null) {
        amount = Math.min(amount, this.entryLeft[entry]!);
        break;
      }
      amount = Math.min(amount, this.flow[entry]!.get(previous.bucket)!);
      steps.push({ entry, bucket: previous.bucket, forward: false });
      bucket = previous.bucket;
    }
    return { steps, amount };
  }

  private apply(path: { steps: Array<{ entry: number; bucket: number; forward: boolean }>; amount: number }) {
    const { steps, amount } = path;
    const first = steps[steps.length - 1]!;
    this.entryLeft[first.entry]! -= amount;
    this.bucketUnits[steps[0]!.bucket]! += amount;
    for (const step of steps) {
      const current = this.flow[step.entry]!.get(step.bucket) ?? 0;
      const next = step.forward ? current + amount : current - amount;
      if (next === 0) this.flow[step.entry]!.delete(step.bucket);
      else this.flow[step.entry]!.set(step.bucket, next);
    }
  }

  unitsByNode(): Array<Map<number, number>> {
    return this.flow;
  }

  bucketTotals(): number[] {
    return this.bucketUnits;
  }
}
