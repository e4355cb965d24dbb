/**
 * Which respondent ids a file has already used, in 12 bytes a slot whatever
 * an id's length (an open-addressing table at most half full): a million ids
 * take 24 MB, where a Map of the strings would take several times that and
 * grow with the ids' length.
 *
 * An id is kept as a 64-bit fingerprint (two independent 32-bit hashes). Two
 * different ids share a fingerprint with a chance of about n² / 2⁶⁵ — one in
 * thirty million for a million ids — and would then be reported as repeated.
 */

/**
 * A multiplicative hash over UTF-16 code units (FNV-1a's shape, with the
 * prime given) and a final avalanche (murmur3's fmix32).
 */
function hash(text: string, seed: number, prime: number): number {
	let h = seed;
	for (let index = 0; index < text.length; index += 1) {
		h = Math.imul(h ^ text.charCodeAt(index), prime);
	}
	h ^= h >>> 16;
	h = Math.imul(h, 0x85ebca6b);
	h ^= h >>> 13;
	h = Math.imul(h, 0xc2b2ae35);
	h ^= h >>> 16;
	return h >>> 0;
}

export class IdRegistry {
	private capacity = 1 << 12;
	private size = 0;
	private high = new Uint32Array(this.capacity);
	private low = new Uint32Array(this.capacity);
	/** The line each id was first seen on; 0 marks an empty slot. */
	private lines = new Uint32Array(this.capacity);

	/** Adds an id seen on `line`; returns the line it was first seen on, or null if it is new. */
	add(id: string, line: number): number | null {
		const high = hash(id, 0x811c9dc5, 0x01000193); // FNV-1a's offset and prime
		const low = hash(id, 0x9747b28c, 0x5bd1e995); // murmur2's seed and multiplier
		let slot = (high ^ low) & (this.capacity - 1);
		while (this.lines[slot] !== 0) {
			if (this.high[slot] === high && this.low[slot] === low) return this.lines[slot]!;
			slot = (slot + 1) & (this.capacity - 1);
		}
		this.high[slot] = high;
		this.low[slot] = low;
		this.lines[slot] = Math.max(1, line);
		this.size += 1;
		if (this.size * 2 > this.capacity) this.grow();
		return null;
	}

	private grow() {
		const { high, low, lines } = this;
		this.capacity *= 2;
		this.high = new Uint32Array(this.capacity);
		this.low = new Uint32Array(this.capacity);
		this.lines = new Uint32Array(this.capacity);
		for (let old = 0; old < lines.length; old += 1) {
			if (lines[old] === 0) continue;
			let slot = (high[old]! ^ low[old]!) & (this.capacity - 1);
			while (this.lines[slot] !== 0) slot = (slot + 1) & (this.capacity - 1);
			this.high[slot] = high[old]!;
			this.low[slot] = low[old]!;
			this.lines[slot] = lines[old]!;
		}
	}
}
