// Sets of records as bits (ADR 007 for the expert directory, ADR 016 for the practice search). Each
// indexed record holds a slot, a small number kept while it is indexed and reused after it leaves; a set
// is one bit per slot in a Uint32Array. Filtering 100,000 profiles is then a few thousand word operations
// over memory read in order, where walking 100,000 objects and their arrays missed the processor's cache
// at every step (49 ms for two filters).

export type SlotSet = Uint32Array;

/** Slots handed out and taken back; `words` is how long every set over them must be. */
export class SlotAllocator {
  private next = 0;
  private readonly free: number[] = [];
  words = 64;

  /** A slot for a new profile; `grow` is called first when every set must become longer. */
  take(grow: (words: number) => void): number {
    const slot = this.free.pop() ?? this.next++;
    if (slot >= this.words * 32) {
      this.words *= 2;
      grow(this.words);
    }
    return slot;
  }

  give(slot: number): void {
    this.free.push(slot);
  }
}

export const hasSlot = (set: SlotSet, slot: number): boolean => ((set[slot >>> 5] as number) & (1 << (slot & 31))) !== 0;

export function addSlot(set: SlotSet, slot: number): void {
  set[slot >>> 5] = (set[slot >>> 5] as number) | (1 << (slot & 31));
}

export function removeSlot(set: SlotSet, slot: number): void {
  set[slot >>> 5] = (set[slot >>> 5] as number) & ~(1 << (slot & 31));
}

/** `set` copied into `words` words (longer: the new slots are empty). */
export function widened(set: SlotSet, words: number): SlotSet {
  const wider = new Uint32Array(words);
  wider.set(set);
  return wider;
}

/** The union of `sets` (an empty set of `words` words when there is none). */
export function union(sets: SlotSet[], words: number): SlotSet {
  const out = new Uint32Array(words);
  for (const set of sets) for (let i = 0; i < words; i++) out[i] = (out[i] as number) | (set[i] as number);
  return out;
}

/** `into` ∩= `other`, in place. */
export function intersect(into: SlotSet, other: SlotSet): void {
  for (let i = 0; i < into.length; i++) into[i] = (into[i] as number) & (other[i] as number);
}

function bitCount(word: number): number {
  let v = word - ((word >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** The words of `set` that hold any slot: counting then visits only those. */
export function occupiedWords(set: SlotSet): Int32Array {
  const found = new Int32Array(set.length);
  let n = 0;
  for (let i = 0; i < set.length; i++) if (set[i] !== 0) found[n++] = i;
  return found.subarray(0, n);
}

export function size(set: SlotSet, words: Int32Array = occupiedWords(set)): number {
  let n = 0;
  for (let k = 0; k < words.length; k++) n += bitCount(set[words[k] as number] as number);
  return n;
}

/** |a ∩ b|, visiting only `words` (the occupied words of b). */
export function overlapSize(a: SlotSet, b: SlotSet, words: Int32Array): number {
  let n = 0;
  for (let k = 0; k < words.length; k++) {
    const i = words[k] as number;
    const both = (a[i] as number) & (b[i] as number);
    if (both !== 0) n += bitCount(both);
  }
  return n;
}

/** Every slot in `set`, in increasing order. */
export function* slotsOf(set: SlotSet): Generator<number> {
  for (let i = 0; i < set.length; i++) {
    let word = set[i] as number;
    while (word !== 0) {
      const low = word & -word;
      yield i * 32 + (31 - Math.clz32(low));
      word ^= low;
    }
  }
}
