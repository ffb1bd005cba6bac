#include "models/availability/steady_state.h"

#include <Eigen/IterativeLinearSolvers>
#include <Eigen/SparseLU>
#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <utility>

namespace estate {
namespace {

// The iterative solver's target, relative to the pinned equation's right-hand side of 1.
constexpr double kTolerance = 1e-14;
constexpr int kMaxIterations = 20000;
constexpr int kRefinementRounds = 2;

// -Q^T scaled so that the largest exit rate is 1, with row `pinned` replaced by "x = 1".
Generator PinnedBalanceEquations(const Generator& q, size_t pinned) {
  double fastest = 0;
  for (Eigen::Index i = 0; i < q.outerSize(); ++i)
    fastest = std::max(fastest, std::abs(q.coeff(i, i)));
  Generator a = -q.transpose();
  if (fastest > 0) a /= fastest;
  const Eigen::Index p = static_cast<Eigen::Index>(pinned);
  for (Generator::InnerIterator it(a, p); it; ++it)
    it.valueRef() = it.col() == p ? 1.0 : 0.0;
  if (a.coeff(p, p) != 1.0) a.coeffRef(p, p) = 1.0;  // no diagonal entry: an absorbing state
  a.prune(0.0);
  a.makeCompressed();
  return a;
}

// Iterative refinement: solving A dx = b - A x for the remaining error and adding it. The
// residual of a solve is relative to its right-hand side, so each round shrinks it by about
// the solver's tolerance until rounding in b - A x stops it. Measured on 4096-state chains:
// BiCGSTAB alone leaves the marginals 1e-12 off, two rounds bring them to 1e-14.
template <typename SolveFn>
Eigen::VectorXd Refined(const Generator& a, const Eigen::VectorXd& b, Eigen::VectorXd x,
                        const SolveFn& solve) {
  for (int round = 0; round < kRefinementRounds; ++round) {
    const Eigen::VectorXd residual = b - a * x;
    if (residual.squaredNorm() == 0) break;
    std::optional<Eigen::VectorXd> dx = solve(residual);
    if (!dx) break;  // x already met the tolerance; a failed correction changes nothing
    x += *dx;
  }
  return x;
}

Result<Eigen::VectorXd> SolveDirect(const Generator& a, const Eigen::VectorXd& b) {
  const Eigen::SparseMatrix<double> column_major = a;
  Eigen::SparseLU<Eigen::SparseMatrix<double>, Eigen::COLAMDOrdering<int>> lu;
  lu.compute(column_major);
  if (lu.info() != Eigen::Success)
    return Status::Internal("steady state: the sparse LU failed: " + lu.lastErrorMessage() +
                            " (is the chain irreducible?)");
  const auto solve = [&lu](const Eigen::VectorXd& rhs) -> std::optional<Eigen::VectorXd> {
    Eigen::VectorXd x = lu.solve(rhs);
    if (lu.info() != Eigen::Success) return std::nullopt;
    return x;
  };
  std::optional<Eigen::VectorXd> x = solve(b);
  if (!x)
    return Status::Internal("steady state: the sparse LU solve failed (is the chain irreducible?)");
  return Refined(a, b, std::move(*x), solve);
}

Result<Eigen::VectorXd> SolveIterative(const Generator& a, const Eigen::VectorXd& b) {
  Eigen::BiCGSTAB<Generator, Eigen::DiagonalPreconditioner<double>> solver;
  solver.setTolerance(kTolerance);
  solver.setMaxIterations(kMaxIterations);
  solver.compute(a);
  const auto solve = [&solver](const Eigen::VectorXd& rhs) -> std::optional<Eigen::VectorXd> {
    Eigen::VectorXd x = solver.solve(rhs);
    if (solver.info() != Eigen::Success) return std::nullopt;
    return x;
  };
  std::optional<Eigen::VectorXd> x = solve(b);
  if (!x)
    return Status::Internal("steady state: BiCGSTAB stopped after " +
                            std::to_string(solver.iterations()) +
                            " iterations at a relative residual of " +
                            std::to_string(solver.error()) + " (is the chain irreducible?)");
  return Refined(a, b, std::move(*x), solve);
}

}  // namespace

Result<std::vector<double>> SolveSteadyState(const Generator& q, size_t likely_state) {
  const size_t n = static_cast<size_t>(q.rows());
  if (n == 0 || q.cols() != q.rows())
    return Status::Invalid("steady state: expected a square, non-empty generator, found " +
                           std::to_string(q.rows()) + "x" + std::to_string(q.cols()));
  if (likely_state >= n)
    return Status::Invalid("steady state: expected a likely state below " + std::to_string(n) +
                           ", found " + std::to_string(likely_state));
  if (n == 1) return std::vector<double>{1.0};

  const Generator a = PinnedBalanceEquations(q, likely_state);
  Eigen::VectorXd b = Eigen::VectorXd::Zero(static_cast<Eigen::Index>(n));
  b[static_cast<Eigen::Index>(likely_state)] = 1;
  Result<Eigen::VectorXd> x =
      n <= kMaxDirectSteadyStates ? SolveDirect(a, b) : SolveIterative(a, b);
  if (!x.ok()) return x.status();

  // Rounding can leave a state that should hold 1e-300 at -1e-310: probabilities are >= 0.
  std::vector<double> pi(n);
  double sum = 0;
  for (size_t i = 0; i < n; ++i) {
    const double v = (*x)[static_cast<Eigen::Index>(i)];
    pi[i] = v > 0 ? v : 0;
    sum += pi[i];
  }
  if (!(sum > 0) || !std::isfinite(sum))
    return Status::Internal("steady state: the solution does not normalise (sum " +
                            std::to_string(sum) + "; is the chain irreducible?)");
  for (double& v : pi)
    v /= sum;
  return pi;
}

}  // namespace estate
