//! A Merkle tree over the audit entries, in the manner of RFC 6962 / RFC 9162 (section 2.1):
//! the tree hash of the first `n` entries, inclusion proofs ("entry m is in the tree of size
//! n") and consistency proofs ("the tree of size m is a prefix of the tree of size n"), with
//! their verification. The leaves are the entries' hashes, which already are RFC 6962 leaf
//! hashes (SHA-256 of 0x00 and the entry's bytes).
//!
//! `MerkleTree` keeps every complete, aligned subtree's hash, so any tree hash or proof up to
//! its size takes O(log² n) hashing after an O(1) amortised append.
use sha2::{Digest, Sha256};

pub type Hash = [u8; 32];

/// SHA-256(0x01 ‖ left ‖ right): an interior node.
pub fn node(left: &Hash, right: &Hash) -> Hash {
    let mut h = Sha256::new();
    h.update([1u8]);
    h.update(left);
    h.update(right);
    h.finalize().into()
}

/// The hash of the empty tree: SHA-256 of nothing.
pub fn empty_root() -> Hash {
    Sha256::digest([]).into()
}

/// The largest power of two smaller than `n` (n ≥ 2).
fn split(n: u64) -> u64 {
    1 << (63 - (n - 1).leading_zeros())
}

#[derive(Clone, Debug, Default)]
pub struct MerkleTree {
    /// `levels[h][i]`: the hash of leaves `i·2^h .. (i+1)·2^h`, for the complete ones only.
    levels: Vec<Vec<Hash>>,
}

impl MerkleTree {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn len(&self) -> u64 {
        self.levels.first().map_or(0, |l| l.len() as u64)
    }

    pub fn leaf(&self, index: u64) -> Option<Hash> {
        self.levels
            .first()?
            .get(usize::try_from(index).ok()?)
            .copied()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn push(&mut self, leaf: Hash) {
        if self.levels.is_empty() {
            self.levels.push(Vec::new());
        }
        self.levels[0].push(leaf);
        let mut h = 0;
        while self.levels[h].len().is_multiple_of(2) {
            let n = self.levels[h].len();
            let parent = node(&self.levels[h][n - 2], &self.levels[h][n - 1]);
            if self.levels.len() == h + 1 {
                self.levels.push(Vec::new());
            }
            self.levels[h + 1].push(parent);
            h += 1;
        }
    }

    /// The tree hash of leaves `start..end` (end ≤ len).
    fn subtree(&self, start: u64, end: u64) -> Hash {
        let n = end - start;
        if n == 0 {
            return empty_root();
        }
        if n.is_power_of_two() && start.is_multiple_of(n) {
            let level = n.trailing_zeros() as usize;
            return self.levels[level][(start / n) as usize];
        }
        let k = split(n);
        node(
            &self.subtree(start, start + k),
            &self.subtree(start + k, end),
        )
    }

    /// The tree hash of the first `size` leaves; None past the end.
    pub fn root(&self, size: u64) -> Option<Hash> {
        (size <= self.len()).then(|| self.subtree(0, size))
    }

    /// The audit path of leaf `index` in the tree of the first `size` leaves.
    pub fn inclusion_proof(&self, index: u64, size: u64) -> Option<Vec<Hash>> {
        (index < size && size <= self.len()).then(|| self.path(index, 0, size))
    }

    fn path(&self, m: u64, start: u64, end: u64) -> Vec<Hash> {
        let n = end - start;
        if n == 1 {
            return Vec::new();
        }
        let k = split(n);
        if m < k {
            let mut p = self.path(m, start, start + k);
            p.push(self.subtree(start + k, end));
            p
        } else {
            let mut p = self.path(m - k, start + k, end);
            p.push(self.subtree(start, start + k));
            p
        }
    }

    /// The proof that the tree of size `first` is a prefix of the tree of size `second`.
    pub fn consistency_proof(&self, first: u64, second: u64) -> Option<Vec<Hash>> {
        (0 < first && first <= second && second <= self.len())
            .then(|| self.subproof(first, 0, second, true))
    }

    fn subproof(&self, m: u64, start: u64, end: u64, whole: bool) -> Vec<Hash> {
        let n = end - start;
        if m == n {
            return if whole {
                Vec::new()
            } else {
                vec![self.subtree(start, end)]
            };
        }
        let k = split(n);
        if m <= k {
            let mut p = self.subproof(m, start, start + k, whole);
            p.push(self.subtree(start + k, end));
            p
        } else {
            let mut p = self.subproof(m - k, start + k, end, false);
            p.push(self.subtree(start, start + k));
            p
        }
    }
}

/// RFC 9162 2.1.3.2: does `proof` show `leaf` at `index` in the tree of `size` with `root`?
pub fn verify_inclusion(leaf: &Hash, index: u64, size: u64, proof: &[Hash], root: &Hash) -> bool {
    if index >= size {
        return false;
    }
    let (mut fn_, mut sn) = (index, size - 1);
    let mut r = *leaf;
    for p in proof {
        if sn == 0 {
            return false;
        }
        if fn_ & 1 == 1 || fn_ == sn {
            r = node(p, &r);
            while fn_ & 1 == 0 && fn_ != 0 {
                fn_ >>= 1;
                sn >>= 1;
            }
        } else {
            r = node(&r, p);
        }
        fn_ >>= 1;
        sn >>= 1;
    }
    sn == 0 && &r == root
}

/// RFC 9162 2.1.4.2: does `proof` show the tree (`first`, `first_root`) to be a prefix of the
/// tree (`second`, `second_root`)?
pub fn verify_consistency(
    first: u64,
    second: u64,
    first_root: &Hash,
    second_root: &Hash,
    proof: &[Hash],
) -> bool {
    if first == 0 || first > second {
        return false;
    }
    if first == second {
        return proof.is_empty() && first_root == second_root;
    }
    let mut path: Vec<Hash> = Vec::with_capacity(proof.len() + 1);
    if first.is_power_of_two() {
        path.push(*first_root);
    }
    path.extend_from_slice(proof);
    let Some((head, rest)) = path.split_first() else {
        return false;
    };
    let (mut fn_, mut sn) = (first - 1, second - 1);
    while fn_ & 1 == 1 {
        fn_ >>= 1;
        sn >>= 1;
    }
    let (mut fr, mut sr) = (*head, *head);
    for c in rest {
        if sn == 0 {
            return false;
        }
        if fn_ & 1 == 1 || fn_ == sn {
            fr = node(c, &fr);
            sr = node(c, &sr);
            while fn_ & 1 == 0 && fn_ != 0 {
                fn_ >>= 1;
                sn >>= 1;
            }
        } else {
            sr = node(&sr, c);
        }
        fn_ >>= 1;
        sn >>= 1;
    }
    &fr == first_root && &sr == second_root && sn == 0
}

/// A hash as lower-case hex, and back.
pub fn to_hex(hash: &Hash) -> String {
    hex::encode(hash)
}

pub fn from_hex(text: &str) -> Option<Hash> {
    hex::decode(text).ok()?.try_into().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leaf(i: u64) -> Hash {
        Sha256::digest(i.to_be_bytes()).into()
    }

    /// RFC 6962 MTH written out naively, to check the cached tree against.
    fn mth(leaves: &[Hash]) -> Hash {
        match leaves.len() {
            0 => empty_root(),
            1 => leaves[0],
            n => {
                let k = split(n as u64) as usize;
                node(&mth(&leaves[..k]), &mth(&leaves[k..]))
            }
        }
    }

    fn tree(n: u64) -> (MerkleTree, Vec<Hash>) {
        let leaves: Vec<Hash> = (0..n).map(leaf).collect();
        let mut t = MerkleTree::new();
        for l in &leaves {
            t.push(*l);
        }
        (t, leaves)
    }

    #[test]
    fn the_tree_hash_matches_the_rfc_definition_for_every_size() {
        let (t, leaves) = tree(70);
        for n in 0..=70u64 {
            assert_eq!(t.root(n), Some(mth(&leaves[..n as usize])), "size {n}");
        }
        assert_eq!(t.root(71), None);
    }

    #[test]
    fn every_leaf_proves_its_inclusion_and_a_changed_proof_fails() {
        let (t, leaves) = tree(37);
        for size in 1..=37u64 {
            let root = t.root(size).unwrap();
            for i in 0..size {
                let proof = t.inclusion_proof(i, size).unwrap();
                assert!(verify_inclusion(
                    &leaves[i as usize],
                    i,
                    size,
                    &proof,
                    &root
                ));
                assert!(!verify_inclusion(&leaf(999), i, size, &proof, &root));
                if let Some(first) = proof.first() {
                    let mut bad = proof.clone();
                    bad[0] = node(first, first);
                    assert!(!verify_inclusion(&leaves[i as usize], i, size, &bad, &root));
                }
                if size > 1 {
                    let other = (i + 1) % size;
                    assert!(
                        !verify_inclusion(&leaves[i as usize], other, size, &proof, &root)
                            || leaves[i as usize] == leaves[other as usize]
                    );
                }
            }
        }
    }

    #[test]
    fn every_prefix_is_consistent_with_every_later_tree_and_a_forked_one_is_not() {
        let (t, _) = tree(33);
        for second in 1..=33u64 {
            let second_root = t.root(second).unwrap();
            for first in 1..=second {
                let first_root = t.root(first).unwrap();
                let proof = t.consistency_proof(first, second).unwrap();
                assert!(
                    verify_consistency(first, second, &first_root, &second_root, &proof),
                    "{first} → {second}"
                );
                if first < second {
                    let forged = node(&first_root, &first_root);
                    assert!(!verify_consistency(
                        first,
                        second,
                        &forged,
                        &second_root,
                        &proof
                    ));
                    assert!(!verify_consistency(
                        first,
                        second,
                        &first_root,
                        &forged,
                        &proof
                    ));
                }
            }
        }
        // A history rewritten after entry 5: the old head of size 8 is no prefix of it.
        let (mut forked, _) = tree(5);
        for i in 100..110 {
            forked.push(leaf(i));
        }
        let proof = forked.consistency_proof(8, 15).unwrap();
        let honest_8 = t.root(8).unwrap();
        assert!(!verify_consistency(
            8,
            15,
            &honest_8,
            &forked.root(15).unwrap(),
            &proof
        ));
    }

    #[test]
    fn known_answer_for_two_leaves() {
        let (t, leaves) = tree(2);
        assert_eq!(t.root(2).unwrap(), node(&leaves[0], &leaves[1]));
        assert_eq!(t.inclusion_proof(0, 2).unwrap(), vec![leaves[1]]);
        assert_eq!(
            to_hex(&empty_root()),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        assert_eq!(from_hex(&to_hex(&leaves[0])), Some(leaves[0]));
    }
}
