package drslink.validate;

import drslink.diag.Diagnostics;
import drslink.model.Account;
import drslink.model.Topology;
import drslink.model.derived.ReplicationModel;
import java.util.List;
import java.util.Objects;

/**
 * With several accounts, the root declares one provider per (account, region), and an account without
 * {@code role_arn} gets the pipeline's own credentials (plan/Providers.java). Those credentials belong to one
 * account: a second account without a role would silently be built in the first one's account, and
 * cross-account zone authorizations and peering acceptance would fail or act on the wrong account.
 */
final class CredentialsRule implements Rule {
  @Override
  public void check(Topology t, ReplicationModel model, Diagnostics d) {
    if (t.accounts().size() < 2) {
      return;
    }
    List<Account> withoutRole =
        t.accounts().stream()
            .filter(a -> a.roleArn() == null)
            .filter(a -> t.vpcs().stream().anyMatch(v -> v.account() != null && Objects.equals(v.account().value(), a.name().value())))
            .filter(a -> t.account(a.name().value()).orElseThrow() == a) // a repeated name is DRS022's
            .toList();
    for (int i = 1; i < withoutRole.size(); i++) {
      Account account = withoutRole.get(i);
      Account pipeline = withoutRole.get(0);
      d.error(
          "DRS124",
          account.name().at(),
          "accounts '" + pipeline.name().value() + "' and '" + account.name().value() + "' both have no role_arn, so both providers would use the pipeline's own credentials, which belong to one account",
          "give '" + account.name().value() + "' a role_arn: arn:aws:iam::" + (account.id() != null ? account.id().value() : "<account-id>") + ":role/<role-name> (only the pipeline's own account may go without)");
    }
  }
}
