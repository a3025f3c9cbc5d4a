package drslink.plan;

import drslink.model.derived.ReplicationModel;

/**
 * The generated README's guide (agent installs, checks, who runs what), built after planning from the finished plan
 * and the model it was planned from. Each part has a contributor of its own ({@link GuideContributors}); the plan
 * itself holds infrastructure only.
 */
public final class GuidePlanner {
  private GuidePlanner() {}

  public static Guide guide(Plan plan, ReplicationModel model) {
    GuideSource source = new GuideSource(plan, model);
    return new Guide(
        new GuideContributors.Regions().contribute(source),
        new GuideContributors.Templates().contribute(source),
        new GuideContributors.Initializations().contribute(source),
        new GuideContributors.Installs().contribute(source),
        new GuideContributors.Links().contribute(source),
        new GuideContributors.LinkEdges().contribute(source),
        new GuideContributors.AccountDuties().contribute(source),
        new GuideContributors.WithoutFailback().contribute(source),
        new GuideContributors.CrossAccountAssociations().contribute(source),
        new GuideContributors.Networks().contribute(source),
        new GuideContributors.Recoveries().contribute(source));
  }
}
