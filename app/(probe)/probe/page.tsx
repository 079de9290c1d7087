/**
 * A bare static page served by the same server: the baseline that benchmarks compare the portal's pages
 * with, and a cheap target for load-balancer probes.
 */
export default function ProbePage() {
  return <p>ok</p>;
}
