//! A small, fixed pseudo-random sequence (Marsaglia's xorshift64): the same
//! seed gives the same generated articles and the same training order on every
//! machine.

/// The generator's state; a seed must not be zero (`seed | 1` is a safe one).
pub(crate) struct XorShift(pub(crate) u64);

impl XorShift {
    pub(crate) fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    /// A number in `0..n`, for `n > 0`.
    pub(crate) fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// One of `items`, which must not be empty.
    #[cfg(feature = "internals")]
    pub(crate) fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }

    /// Puts `v` in a random order (Fisher–Yates).
    #[cfg(feature = "train")]
    pub(crate) fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            v.swap(i, self.below(i + 1));
        }
    }
}
