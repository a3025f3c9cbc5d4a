package drslink.model;

/** An AWS account named in {@code accounts:}; {@code roleArn} is null when the pipeline's own credentials are used. */
public record Account(Located<String> name, Located<String> id, Located<String> roleArn) {
}
