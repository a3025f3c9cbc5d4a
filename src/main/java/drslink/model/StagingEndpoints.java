package drslink.model;

import drslink.diag.SourceLocation;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code existing_staging_endpoints} of a {@code staging_private} VPC: endpoints someone else made there, which drslink
 * reuses instead of creating its own (AWS refuses a second private-DNS interface endpoint for a service in a VPC, and
 * a route table holds one route per prefix list). Either may be null.
 */
public record StagingEndpoints(Located<String> ec2, Located<String> s3Gateway, SourceLocation at) {
  // at: the existing_staging_endpoints key.

  /** The ids given, EC2 first. */
  public List<Located<String>> ids() {
    List<Located<String>> out = new ArrayList<>();
    if (ec2 != null) {
      out.add(ec2);
    }
    if (s3Gateway != null) {
      out.add(s3Gateway);
    }
    return out;
  }
}
