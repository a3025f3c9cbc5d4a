package drslink.model;

/**
 * An AWS account named in {@code accounts:}; {@code roleArn} is null when the pipeline's own credentials are used.
 * {@code drsAgentRoles} (null: not written, true) says whether drslink may create the IAM roles DRS agents of other
 * accounts need here (docs/failback.md, "Installing agents without the apply role").
 */
public record Account(Located<String> name, Located<String> id, Located<String> roleArn, Located<Boolean> drsAgentRoles) {
  public Account(Located<String> name, Located<String> id, Located<String> roleArn) {
    this(name, id, roleArn, null);
  }

  /** False only when the file says {@code drs_agent_roles: false}. */
  public boolean createsDrsAgentRoles() {
    return drsAgentRoles == null || drsAgentRoles.value() == null || drsAgentRoles.value();
  }
}
