package drslink.plan;

/**
 * Writes one part of the generated README's guide from a finished plan and the model it was planned from, as
 * Spring Initializr's {@code ProjectContributor} writes one part of a project. Planners decide infrastructure only;
 * what the README says about it is worked out here, after planning ({@link GuidePlanner}).
 */
interface GuideContributor<T> {
  T contribute(GuideSource source);
}
