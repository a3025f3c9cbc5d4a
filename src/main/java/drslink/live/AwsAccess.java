package drslink.live;

import drslink.model.AwsRegions;
import drslink.model.Partition;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * SDK clients for one run, built on first use and closed together. Credentials come from the default
 * chain (environment, profile, SSO, container, instance); an account with a {@code role_arn} is read
 * through that role, assumed with STS from the default credentials, as the generated providers do.
 * {@code endpoint} (from --endpoint-url or AWS_ENDPOINT_URL) sends every call to one URL, for
 * emulators; null means AWS. Every client carries the {@link ReadOnlyGuard}.
 */
final class AwsAccess implements AutoCloseable {
  private final URI endpoint;
  private final Map<String, String> roleArns;
  private final ReadOnlyGuard guard;
  private final SdkHttpClient http = UrlConnectionHttpClient.create();
  private final AwsCredentialsProvider defaults = DefaultCredentialsProvider.builder().build();
  private final Map<String, AwsCredentialsProvider> credentials = new HashMap<>();
  private final Map<String, AutoCloseable> clients = new HashMap<>();

  /** {@code roleArns}: account name to role ARN, for the accounts that have one. */
  AwsAccess(URI endpoint, Map<String, String> roleArns, ReadOnlyGuard guard) {
    this.endpoint = endpoint;
    this.roleArns = Map.copyOf(roleArns);
    this.guard = guard;
  }

  URI endpoint() {
    return endpoint;
  }

  SdkHttpClient http() {
    return http;
  }

  ReadOnlyGuard guard() {
    return guard;
  }

  Ec2Client ec2(Cloud.Place place) {
    return client("ec2|" + place, () -> configure(Ec2Client.builder(), Region.of(place.region()), place.account()).build());
  }

  /** Route 53 is global per partition: sign for the partition's global region. */
  Route53Client route53(Cloud.Place place) {
    Region global = globalRegionOf(place.region());
    return client("route53|" + global + "|" + place.account(), () -> configure(Route53Client.builder(), global, place.account()).build());
  }

  /**
   * The account's credentials: the default chain, or its {@code role_arn} assumed through STS in the
   * role's own partition. Not {@code computeIfAbsent}: building the STS client adds to {@link #clients}
   * while an EC2 client is being built, and a map must not be changed inside its own computeIfAbsent.
   */
  synchronized AwsCredentialsProvider credentials(String account) {
    String role = account == null ? null : roleArns.get(account);
    if (role == null) {
      return defaults;
    }
    AwsCredentialsProvider known = credentials.get(account);
    if (known != null) {
      return known;
    }
    StsClient sts = client("sts|" + account, () -> configure(StsClient.builder(), stsRegionOf(role), null).build());
    AwsCredentialsProvider assumed =
        StsAssumeRoleCredentialsProvider.builder().stsClient(sts).refreshRequest(r -> r.roleArn(role).roleSessionName("drslink-readonly")).build();
    credentials.put(account, assumed);
    return assumed;
  }

  /**
   * STS for a role is called in the role's partition (the ARN's second field): a GovCloud or China role cannot
   * be assumed through us-east-1 (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_region-endpoints.html,
   * "Managing AWS STS in an AWS Region"; partitions in https://docs.aws.amazon.com/whitepapers/latest/aws-fault-isolation-boundaries/partitions.html).
   */
  static Region stsRegionOf(String roleArn) {
    return Region.of(Partition.ofArn(roleArn).orElse(Partition.AWS).globalRegion());
  }

  /**
   * The region that signs a partition's global services. Route 53 signs with us-east-1 in aws,
   * us-gov-west-1 in GovCloud and cn-northwest-1 in China
   * (https://docs.aws.amazon.com/general/latest/gr/r53.html).
   */
  static Region globalRegionOf(String region) {
    return Region.of(partitionOf(region).globalRegion());
  }

  /**
   * The partition of a place's region. Validation refused every region it does not know before a live check
   * runs, so the fallback to aws only keeps a message about a stray one from throwing.
   */
  static Partition partitionOf(String region) {
    return AwsRegions.partitionOf(region).orElse(Partition.AWS);
  }

  private <B extends AwsClientBuilder<B, C>, C> B configure(B builder, Region region, String account) {
    builder.region(region).credentialsProvider(credentials(account)).overrideConfiguration(ClientOverrideConfiguration.builder().addExecutionInterceptor(guard).build());
    if (endpoint != null) {
      builder.endpointOverride(endpoint);
    }
    if (builder instanceof software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder<?, ?> sync) {
      sync.httpClient(http);
    }
    return builder;
  }

  /** Get-or-build without computeIfAbsent: building a client may build another (its STS client). */
  @SuppressWarnings("unchecked")
  private synchronized <T extends AutoCloseable> T client(String key, java.util.function.Supplier<T> make) {
    AutoCloseable known = clients.get(key);
    if (known == null) {
      known = make.get();
      clients.put(key, known);
    }
    return (T) known;
  }

  @Override
  public synchronized void close() {
    for (AutoCloseable c : clients.values()) {
      try {
        c.close();
      } catch (Exception e) {
        // closing is best effort: the run's result is already known
      }
    }
    http.close();
  }
}
