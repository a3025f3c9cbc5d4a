package drslink.validate;

import drslink.diag.Diagnostics;
import drslink.diag.Suggestions;
import drslink.model.AwsRegions;
import drslink.model.Region;
import drslink.model.Topology;
import drslink.model.derived.ReplicationModel;
import java.util.Optional;

/** Region codes must be real and offer DRS; a typo and a region without DRS get different messages. */
final class RegionsRule implements Rule {
  @Override
  public void check(Topology t, ReplicationModel model, Diagnostics d) {
    for (Region region : t.regions()) {
      String code = region.name().value();
      if (AwsRegions.partitionWithDrs(code).isPresent()) {
        continue;
      }
      Optional<String> reason = AwsRegions.withoutDrs(code);
      if (reason.isPresent()) {
        d.error(
            "DRS030",
            region.name().at(),
            "AWS Elastic Disaster Recovery is not offered in " + code + ": " + reason.get(),
            "choose a region where DRS is offered, e.g. " + String.join(", ", AwsRegions.drsRegions().stream().limit(4).toList()) + ", ...");
      } else {
        String suggestion = Suggestions.didYouMeanRegion(code, AwsRegions.allKnownRegions());
        d.error(
            "DRS031",
            region.name().at(),
            "'" + code + "' is not an AWS region code",
            suggestion.isEmpty() ? "write a region code such as ap-northeast-1" : suggestion);
      }
    }
  }
}
