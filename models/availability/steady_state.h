// The stationary distribution of a continuous-time Markov chain given by its generator.
// Separate from AvailabilityChain so that the solver knows nothing of sites, links or product
// forms: the availability tests compare what it finds with the product form, which checks it.
#pragma once

#include <Eigen/SparseCore>
#include <cstddef>
#include <vector>

#include "engine/result.h"

namespace estate {

// Rows are "from" states: Q(i, j) >= 0 is the rate from i to j for i != j, and Q(i, i) is
// minus the sum of the others in row i.
using Generator = Eigen::SparseMatrix<double, Eigen::RowMajor>;

// Up to this many states the chain is solved with a sparse LU; above it with BiCGSTAB.
constexpr size_t kMaxDirectSteadyStates = 1024;

// Solves pi Q = 0, sum(pi) = 1 for an irreducible chain. `likely_state` is pinned to 1 while
// solving and everything is normalised after; any state gives the same answer, but a likely
// one keeps the unknowns at most about 1, far from overflow.
//
// How: the balance equation of likely_state is replaced by "pi(likely_state) = 1", which makes
// the system nonsingular (the rest of -Q^T is an M-matrix for an irreducible chain). Up to
// kMaxDirectSteadyStates states it is factored by a sparse LU (COLAMD ordering, partial
// pivoting): exact up to rounding, and on small chains instant. Above, the LU's fill-in
// explodes (on the 2^k-state hypercube of k independent components it goes from 0.2 s at 2^10
// states to 26 s at 2^12), so BiCGSTAB with a diagonal preconditioner is used, to a relative
// residual of 1e-14; it takes a few hundred sparse products even when rates span nine
// decades. Both are followed by two rounds of iterative refinement (solving for the
// residual's error), which take BiCGSTAB's marginals from about 1e-12 to 1e-14 of the exact
// ones. Rates are first scaled by the largest exit rate, which changes no probability but
// gives every equation the scale of the pinned one.
//
// Fails with Invalid for a generator that is not square or empty, or a likely_state out of
// range; with Internal when the solver fails or does not converge (a reducible chain can do
// either).
Result<std::vector<double>> SolveSteadyState(const Generator& q, size_t likely_state);

}  // namespace estate
