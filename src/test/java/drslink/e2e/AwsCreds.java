package drslink.e2e;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * Static credentials for moto. moto does not check signatures; it maps an access key to an account:
 * the static test key to its default account, an assumed role's key to the role's account.
 */
public record AwsCreds(String accessKeyId, String secretAccessKey, String sessionToken) {

  public static final AwsCreds TEST = new AwsCreds("test", "test", null);

  public AwsCredentialsProvider provider() {
    return StaticCredentialsProvider.create(
        sessionToken == null
            ? AwsBasicCredentials.create(accessKeyId, secretAccessKey)
            : AwsSessionCredentials.create(accessKeyId, secretAccessKey, sessionToken));
  }

  AwsCredentialsIdentity identity() {
    return sessionToken == null
        ? AwsCredentialsIdentity.create(accessKeyId, secretAccessKey)
        : AwsSessionCredentialsIdentity.create(accessKeyId, secretAccessKey, sessionToken);
  }
}
