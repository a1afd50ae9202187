//! The longest increasing subsequence: which matched pieces kept their order.

/// Indices (into `values`) of one longest strictly increasing subsequence,
/// in order. O(n log n); ties resolve to the earliest-ending run.
pub fn longest_increasing(values: &[usize]) -> Vec<usize> {
    let mut tails: Vec<usize> = Vec::new();
    let mut previous = vec![usize::MAX; values.len()];
    for (index, &value) in values.iter().enumerate() {
        let slot = tails.partition_point(|&t| values[t] < value);
        if slot > 0 {
            previous[index] = tails[slot - 1];
        }
        if slot == tails.len() {
            tails.push(index);
        } else {
            tails[slot] = index;
        }
    }
    let mut run = Vec::with_capacity(tails.len());
    let mut at = tails.last().copied();
    while let Some(index) = at {
        run.push(index);
        at = (previous[index] != usize::MAX).then(|| previous[index]);
    }
    run.reverse();
    run
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(values: &[usize], expected: &[usize]) {
        assert_eq!(longest_increasing(values), expected);
    }

    #[test]
    fn sorted_input_is_kept_whole() {
        check(&[0, 1, 2, 3], &[0, 1, 2, 3]);
    }

    #[test]
    fn one_moved_element_is_left_out() {
        check(&[0, 3, 1, 2], &[0, 2, 3]);
        check(&[1, 2, 3, 0], &[0, 1, 2]);
    }

    #[test]
    fn empty_input() {
        check(&[], &[]);
    }
}
