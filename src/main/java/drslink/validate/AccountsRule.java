package drslink.validate;

import drslink.diag.Diagnostics;
import drslink.diag.Suggestions;
import drslink.model.Account;
import drslink.model.Topology;
import drslink.model.Vpc;
import drslink.model.derived.ReplicationModel;
import java.util.List;

/** Every VPC belongs to exactly one known account: named, or the single one the file defines. */
final class AccountsRule implements Rule {
  @Override
  public void check(Topology t, ReplicationModel model, Diagnostics d) {
    List<String> names = t.accounts().stream().map(a -> a.name().value()).distinct().toList();
    for (Vpc vpc : t.vpcs()) {
      if (vpc.account() == null) {
        if (t.accounts().size() > 1) {
          d.error(
              "DRS060",
              vpc.name().at(),
              "VPC " + vpc.nameValue() + " names no account, and the file defines " + t.accounts().size() + " accounts",
              "add account: <one of " + String.join(", ", names) + ">");
        }
        continue;
      }
      String account = vpc.account().value();
      if (t.accounts().isEmpty()) {
        d.error(
            "DRS061",
            vpc.account().at(),
            "VPC " + vpc.nameValue() + " names account '" + account + "' but the file has no 'accounts:' section",
            "add accounts: [{ name: " + account + ", id: \"<12 digits>\" }] at the top level");
      } else if (!names.contains(account)) {
        String suggestion = Suggestions.didYouMean(account, names);
        d.error(
            "DRS062",
            vpc.account().at(),
            "unknown account '" + account + "'",
            suggestion.isEmpty() ? "use one of " + String.join(", ", names) : suggestion);
      }
    }
    for (Account account : t.accounts()) {
      boolean used = t.vpcs().stream().anyMatch(v -> v.account() != null ? v.account().value().equals(account.name().value()) : t.accounts().size() == 1);
      if (!used) {
        d.warning("DRS063", account.name().at(), "account '" + account.name().value() + "' is not used by any VPC", "remove it, or set account: on its VPCs");
      }
    }
  }
}
