package drslink.iam;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The three policy documents of one account: what its apply role may do, who may assume it (and the read-only
 * role), and what preflight and verify read. {@code account} is the topology's account name, or {@link
 * IamPolicies#IMPLICIT_ACCOUNT} when the topology names none.
 */
public record AccountPolicies(String account, String accountId, ObjectNode apply, ObjectNode trust, ObjectNode readOnly) {

  /** {@code iam/<account>-apply.json} and its siblings, by role. */
  public String file(String role) {
    return "iam/" + account + "-" + role + ".json";
  }
}
