"""Tests of src/harness/emulator/src/main/resources/harness/emulator/moto/aws_rules.py: plain moto accepts, the rules refuse.

Run by drslink.e2e.AwsRulesIT (Failsafe) with the python of the moto venv:

    python3 test_aws_rules.py --rules-endpoint http://127.0.0.1:PORT [--report results.json]

--rules-endpoint is a moto started through moto_e2e.py by the harness (so the container runtime
proves aws_rules.py is shipped beside it). This script starts a plain moto_server itself, on
127.0.0.1, with the same python. Every test runs its requests against both: against plain moto it
shows the request is accepted (or, where noted, mishandled), against the rules that AWS's error comes
back, and that the requests AWS accepts still pass. Only static fake credentials are used and only
127.0.0.1 is contacted.
"""
import argparse
import json
import os
import re
import socket
import subprocess
import sys
import time
import unittest
import urllib.request

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

REGION = "ap-northeast-1"
OTHER_ACCOUNT = "111122223333"
ENDPOINTS = {}  # "plain" / "rules" -> URL

for k in list(os.environ):
    if k.startswith("AWS_") or k.lower() in ("http_proxy", "https_proxy", "all_proxy", "no_proxy"):
        del os.environ[k]
os.environ["NO_PROXY"] = "127.0.0.1"


def _post(url):
    req = urllib.request.Request(url, data=b"", method="POST")
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with opener.open(req, timeout=30) as r:
        r.read()


def _start_plain_moto():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen(
        [sys.executable, "-c", "import sys; from moto.server import main; main(sys.argv[1:])",
         "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    for _ in range(300):
        try:
            opener.open(url + "/moto-api/data.json", timeout=2).read()
            return proc, url
        except OSError:
            if proc.poll() is not None:
                raise RuntimeError("plain moto_server exited during start")
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError("plain moto_server did not answer")


class Aws:
    """Clients for one moto endpoint, in the default account or (other=True) another one."""

    def __init__(self, endpoint):
        self.endpoint = endpoint
        self._creds = {
            "aws_access_key_id": "AKIAIOSFODNN7EXAMPLE",
            "aws_secret_access_key": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        }
        self._other = None
        self._clients = {}

    def client(self, service, region=REGION, other=False):
        # One client per (service, region, account): making a boto3 client costs more than most calls.
        key = (service, region, other)
        if key not in self._clients:
            creds = self._other_creds() if other else self._creds
            self._clients[key] = boto3.client(
                service, region_name=region, endpoint_url=self.endpoint,
                config=Config(retries={"max_attempts": 1}, proxies={}), **creds,
            )
        return self._clients[key]

    def _other_creds(self):
        if self._other is None:
            c = self.client("sts").assume_role(
                RoleArn=f"arn:aws:iam::{OTHER_ACCOUNT}:role/drslink-test", RoleSessionName="drslink-test"
            )["Credentials"]
            self._other = {
                "aws_access_key_id": c["AccessKeyId"],
                "aws_secret_access_key": c["SecretAccessKey"],
                "aws_session_token": c["SessionToken"],
            }
        return self._other

    def ec2(self, **kw):
        return self.client("ec2", **kw)

    def r53(self, **kw):
        return self.client("route53", **kw)


def code_of(call):
    """The error code of call(), or None when it succeeds."""
    try:
        call()
        return None
    except ClientError as e:
        return e.response["Error"]["Code"]


class RulesTest(unittest.TestCase):
    maxDiff = None

    def setUp(self):
        for url in ENDPOINTS.values():
            _post(url + "/moto-api/reset")
        self.plain = Aws(ENDPOINTS["plain"])
        self.rules = Aws(ENDPOINTS["rules"])

    def both(self):
        return (("plain", self.plain), ("rules", self.rules))

    def assertAcceptedByPlainRefusedByRules(self, act, code):
        """act(aws) makes the request under test; returns nothing."""
        self.assertIsNone(code_of(lambda: act(self.plain)), "plain moto should accept")
        self.assertEqual(code, code_of(lambda: act(self.rules)))

    @staticmethod
    def vpc(aws, cidr="10.0.0.0/16", **kw):
        return aws.ec2(**kw).create_vpc(CidrBlock=cidr)["Vpc"]["VpcId"]

    # R1 ------------------------------------------------------------------------------------------

    def test_r1_security_group_name_starting_with_sg(self):
        def act(name):
            return lambda aws: aws.ec2().create_security_group(
                GroupName=name, Description="d", VpcId=self.vpc(aws))

        self.assertAcceptedByPlainRefusedByRules(act("sg-to-sydney-vpce"), "InvalidParameterValue")
        self.assertAcceptedByPlainRefusedByRules(act("x" * 256), "InvalidParameterValue")
        self.assertIsNone(code_of(lambda: act("to-sydney-sg-vpce")(self.rules)))
        self.assertIsNone(code_of(lambda: act("x" * 255)(self.rules)))

    # R2 ------------------------------------------------------------------------------------------

    @staticmethod
    def sg_with_tags(tags):
        def act(aws):
            aws.ec2().create_security_group(
                GroupName="staging", Description="d", VpcId=RulesTest.vpc(aws),
                TagSpecifications=[{"ResourceType": "security-group", "Tags": tags}])
        return act

    def test_r2_tag_key_and_value_limits_and_aws_prefix(self):
        tag = lambda k, v="v": [{"Key": k, "Value": v}]  # noqa: E731
        self.assertAcceptedByPlainRefusedByRules(self.sg_with_tags(tag("k" * 129)), "InvalidParameterValue")
        self.assertAcceptedByPlainRefusedByRules(self.sg_with_tags(tag("k", "v" * 257)), "InvalidParameterValue")
        self.assertAcceptedByPlainRefusedByRules(self.sg_with_tags(tag("aws:owner")), "InvalidParameterValue")
        # Unicode characters, not UTF-16 units: 128 emoji are 256 UTF-16 units and still allowed.
        self.assertIsNone(code_of(lambda: self.sg_with_tags(tag("\U0001F600" * 128, "\U0001F600" * 256))(self.rules)))
        self.assertEqual("InvalidParameterValue",
                         code_of(lambda: self.sg_with_tags(tag("\U0001F600" * 129))(self.rules)))

        def create_tags_long_key(aws):
            vpc = self.vpc(aws)
            aws.ec2().create_tags(Resources=[vpc], Tags=tag("k" * 129))
        self.assertAcceptedByPlainRefusedByRules(create_tags_long_key, "InvalidParameterValue")

        def endpoint_tagged_aws(aws):
            aws.ec2().create_vpc_endpoint(
                VpcId=self.vpc(aws), ServiceName=f"com.amazonaws.{REGION}.s3",
                VpcEndpointType="Gateway",
                TagSpecifications=[{"ResourceType": "vpc-endpoint", "Tags": tag("aws:x")}])
        self.assertAcceptedByPlainRefusedByRules(endpoint_tagged_aws, "InvalidParameterValue")

    def test_r2_more_than_50_tags_on_creation(self):
        tags = [{"Key": f"k{i}", "Value": "v"} for i in range(51)]
        results = {}
        for name, aws in self.both():
            code = code_of(lambda: self.sg_with_tags(tags)(aws))
            groups = aws.ec2().describe_security_groups(
                Filters=[{"Name": "group-name", "Values": ["staging"]}])["SecurityGroups"]
            results[name] = (code, len(groups))
        # moto's own EC2 tag store counts to 50 as well; the rule makes sure, before anything is made
        self.assertEqual({"plain": ("TagLimitExceeded", 0), "rules": ("TagLimitExceeded", 0)}, results)
        self.assertIsNone(code_of(lambda: self.sg_with_tags(tags[:50])(self.rules)))

        # aws: tags are not counted (tagging.html), but are refused as reserved anyway
        def rule_with_tags(aws):
            ec2 = aws.ec2()
            sg = ec2.create_security_group(GroupName="g", Description="d", VpcId=self.vpc(aws))["GroupId"]
            ec2.authorize_security_group_ingress(
                GroupId=sg, IpPermissions=[{"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443,
                                            "IpRanges": [{"CidrIp": "10.0.0.0/8"}]}],
                TagSpecifications=[{"ResourceType": "security-group-rule", "Tags": tags}])
        results = {name: code_of(lambda: rule_with_tags(aws)) for name, aws in self.both()}
        self.assertEqual("TagLimitExceeded", results["rules"], results)

    def test_r2_ec2_create_tags_counts_existing_tags(self):
        for name, aws in self.both():
            vpc = self.vpc(aws)
            aws.ec2().create_tags(Resources=[vpc], Tags=[{"Key": f"a{i}", "Value": "v"} for i in range(45)])
            # replacing existing keys does not add to the count
            self.assertIsNone(code_of(lambda: aws.ec2().create_tags(
                Resources=[vpc], Tags=[{"Key": f"a{i}", "Value": "w"} for i in range(45)])))
            self.assertIsNone(code_of(lambda: aws.ec2().create_tags(
                Resources=[vpc], Tags=[{"Key": f"b{i}", "Value": "v"} for i in range(5)])))
            self.assertEqual("TagLimitExceeded", code_of(lambda: aws.ec2().create_tags(
                Resources=[vpc], Tags=[{"Key": "c", "Value": "v"}])), name)

    def test_r2_route53_zone_tags(self):
        def act(aws):
            r53 = aws.r53()
            zone = r53.create_hosted_zone(Name="example.internal", CallerReference="x")["HostedZone"]["Id"]
            zone = zone.split("/")[-1]
            for batch in range(6):  # 60 tags, 10 per call as the API allows
                r53.change_tags_for_resource(
                    ResourceType="hostedzone", ResourceId=zone,
                    AddTags=[{"Key": f"k{batch}-{i}", "Value": "v"} for i in range(10)])
        self.assertAcceptedByPlainRefusedByRules(act, "InvalidInput")

        def long_value(aws):
            r53 = aws.r53()
            zone = r53.create_hosted_zone(Name="example.internal", CallerReference="y")["HostedZone"]["Id"]
            r53.change_tags_for_resource(ResourceType="hostedzone", ResourceId=zone.split("/")[-1],
                                         AddTags=[{"Key": "k", "Value": "v" * 257}])
        self.assertAcceptedByPlainRefusedByRules(long_value, "InvalidInput")

        r53 = self.rules.r53()
        zone = r53.create_hosted_zone(Name="ok.internal", CallerReference="z")["HostedZone"]["Id"].split("/")[-1]
        for batch in range(5):
            r53.change_tags_for_resource(ResourceType="hostedzone", ResourceId=zone,
                                         AddTags=[{"Key": f"k{batch}-{i}", "Value": "v"} for i in range(10)])
        # 50 tags; removing one makes room for another in the same call
        r53.change_tags_for_resource(ResourceType="hostedzone", ResourceId=zone,
                                     AddTags=[{"Key": "new", "Value": "v"}], RemoveTagKeys=["k0-0"])
        self.assertEqual(50, len(r53.list_tags_for_resource(
            ResourceType="hostedzone", ResourceId=zone)["ResourceTagSet"]["Tags"]))

    # R3 ------------------------------------------------------------------------------------------

    def test_r3_second_static_tgw_route_for_one_destination(self):
        def setup(aws):
            ec2 = aws.ec2()
            tgw = ec2.create_transit_gateway()["TransitGateway"]["TransitGatewayId"]
            rtb = ec2.create_transit_gateway_route_table(TransitGatewayId=tgw)[
                "TransitGatewayRouteTable"]["TransitGatewayRouteTableId"]
            vpc = self.vpc(aws)
            subnet = ec2.create_subnet(VpcId=vpc, CidrBlock="10.0.1.0/24")["Subnet"]["SubnetId"]
            att = ec2.create_transit_gateway_vpc_attachment(
                TransitGatewayId=tgw, VpcId=vpc, SubnetIds=[subnet])[
                "TransitGatewayVpcAttachment"]["TransitGatewayAttachmentId"]
            ec2.create_transit_gateway_route(DestinationCidrBlock="10.20.0.0/16",
                                             TransitGatewayRouteTableId=rtb,
                                             TransitGatewayAttachmentId=att)
            return ec2, rtb, att

        state = {}

        def act(aws):
            ec2, rtb, att = state[aws.endpoint] = setup(aws)
            ec2.create_transit_gateway_route(DestinationCidrBlock="10.20.0.0/16",
                                             TransitGatewayRouteTableId=rtb,
                                             TransitGatewayAttachmentId=att)
        self.assertAcceptedByPlainRefusedByRules(act, "RouteAlreadyExists")
        ec2, rtb, att = state[self.rules.endpoint]
        ec2.create_transit_gateway_route(DestinationCidrBlock="10.30.0.0/16",
                                         TransitGatewayRouteTableId=rtb, TransitGatewayAttachmentId=att)
        ec2.delete_transit_gateway_route(DestinationCidrBlock="10.20.0.0/16", TransitGatewayRouteTableId=rtb)
        ec2.create_transit_gateway_route(DestinationCidrBlock="10.20.0.0/16",
                                         TransitGatewayRouteTableId=rtb, TransitGatewayAttachmentId=att)

    # R4 ------------------------------------------------------------------------------------------

    @staticmethod
    def private_zone(aws, name, vpc, ref):
        return aws.r53().create_hosted_zone(
            Name=name, CallerReference=ref, VPC={"VPCRegion": REGION, "VPCId": vpc},
            HostedZoneConfig={"PrivateZone": True})["HostedZone"]["Id"].split("/")[-1]

    def test_r4_vpc_with_two_private_zones_of_one_name(self):
        def second_zone_by_association(aws):
            vpc1, vpc2 = self.vpc(aws), self.vpc(aws, "10.1.0.0/16")
            self.private_zone(aws, "s3.ap-northeast-1.amazonaws.com", vpc1, "a")
            other = self.private_zone(aws, "s3.ap-northeast-1.amazonaws.com", vpc2, "b")
            aws.r53().associate_vpc_with_hosted_zone(
                HostedZoneId=other, VPC={"VPCRegion": REGION, "VPCId": vpc1})
        self.assertAcceptedByPlainRefusedByRules(second_zone_by_association, "ConflictingDomainExists")

        def second_zone_by_creation(aws):
            vpc1 = self.vpc(aws)
            self.private_zone(aws, "s3.ap-northeast-1.amazonaws.com", vpc1, "c")
            self.private_zone(aws, "S3.ap-northeast-1.amazonaws.com.", vpc1, "d")
        self.assertAcceptedByPlainRefusedByRules(second_zone_by_creation, "ConflictingDomainExists")

        def same_zone_twice(aws):
            vpc1, vpc2 = self.vpc(aws), self.vpc(aws, "10.1.0.0/16")
            zone = self.private_zone(aws, "drs.ap-northeast-1.amazonaws.com", vpc1, "e")
            for _ in range(2):
                aws.r53().associate_vpc_with_hosted_zone(
                    HostedZoneId=zone, VPC={"VPCRegion": REGION, "VPCId": vpc2})
        self.assertAcceptedByPlainRefusedByRules(same_zone_twice, "ConflictingDomainExists")

        # one VPC in zones of different names, and one zone in many VPCs, are fine
        aws = self.rules
        vpc1, vpc2 = self.vpc(aws), self.vpc(aws, "10.1.0.0/16")
        s3 = self.private_zone(aws, "s3.ap-northeast-1.amazonaws.com", vpc1, "f")
        self.private_zone(aws, "drs.ap-northeast-1.amazonaws.com", vpc1, "g")
        aws.r53().associate_vpc_with_hosted_zone(HostedZoneId=s3, VPC={"VPCRegion": REGION, "VPCId": vpc2})

    # R5 and the authorizations ---------------------------------------------------------------------

    def test_r5_cross_account_association_needs_the_owners_authorization(self):
        results = {}
        for name, aws in self.both():
            zone = self.private_zone(aws, "s3.ap-northeast-1.amazonaws.com", self.vpc(aws), "a")
            their_vpc = self.vpc(aws, "10.9.0.0/16", other=True)
            results[name] = code_of(lambda: aws.r53(other=True).associate_vpc_with_hosted_zone(
                HostedZoneId=zone, VPC={"VPCRegion": REGION, "VPCId": their_vpc}))
        # plain moto looks the zone up in the caller's account only
        self.assertEqual({"plain": "NoSuchHostedZone", "rules": "NotAuthorizedException"}, results)

    def test_f2_authorize_then_associate_across_accounts(self):
        self.assertIsNotNone(code_of(lambda: self.plain.r53().list_vpc_association_authorizations(
            HostedZoneId=self.private_zone(self.plain, "a.internal", self.vpc(self.plain), "p"))),
            "plain moto has no VPC association authorizations")

        aws = self.rules
        owner, vpc_owner = aws.r53(), aws.r53(other=True)
        my_vpc = self.vpc(aws)
        zone = self.private_zone(aws, "s3.ap-northeast-1.amazonaws.com", my_vpc, "a")
        their_vpc = self.vpc(aws, "10.9.0.0/16", other=True)
        vpc = {"VPCRegion": REGION, "VPCId": their_vpc}

        # only the zone's owner can authorize
        self.assertEqual("NoSuchHostedZone", code_of(
            lambda: vpc_owner.create_vpc_association_authorization(HostedZoneId=zone, VPC=vpc)))
        out = owner.create_vpc_association_authorization(HostedZoneId=zone, VPC=vpc)
        self.assertEqual((zone, vpc), (out["HostedZoneId"], out["VPC"]))
        self.assertEqual([vpc], owner.list_vpc_association_authorizations(HostedZoneId=zone)["VPCs"])

        # an authorization names one VPC: another VPC of that account is still refused
        another = self.vpc(aws, "10.8.0.0/16", other=True)
        self.assertEqual("NotAuthorizedException", code_of(lambda: vpc_owner.associate_vpc_with_hosted_zone(
            HostedZoneId=zone, VPC={"VPCRegion": REGION, "VPCId": another})))

        vpc_owner.associate_vpc_with_hosted_zone(HostedZoneId=zone, VPC=vpc)
        self.assertEqual("ConflictingDomainExists", code_of(
            lambda: vpc_owner.associate_vpc_with_hosted_zone(HostedZoneId=zone, VPC=vpc)))
        summaries = vpc_owner.list_hosted_zones_by_vpc(VPCId=their_vpc, VPCRegion=REGION)["HostedZoneSummaries"]
        self.assertEqual([(zone, "123456789012")],
                         [(s["HostedZoneId"], s["Owner"]["OwningAccount"]) for s in summaries])
        vpcs = owner.get_hosted_zone(Id=zone)["VPCs"]
        self.assertEqual({my_vpc, their_vpc}, {v["VPCId"] for v in vpcs})

        # deleting the authorization leaves the association; a second delete finds nothing
        owner.delete_vpc_association_authorization(HostedZoneId=zone, VPC=vpc)
        self.assertEqual([], owner.list_vpc_association_authorizations(HostedZoneId=zone)["VPCs"])
        self.assertEqual("VPCAssociationAuthorizationNotFound", code_of(
            lambda: owner.delete_vpc_association_authorization(HostedZoneId=zone, VPC=vpc)))
        self.assertEqual(1, len(vpc_owner.list_hosted_zones_by_vpc(
            VPCId=their_vpc, VPCRegion=REGION)["HostedZoneSummaries"]))

        # the VPC's owner can disassociate its VPC from the other account's zone
        vpc_owner.disassociate_vpc_from_hosted_zone(HostedZoneId=zone, VPC=vpc)
        self.assertEqual([], vpc_owner.list_hosted_zones_by_vpc(
            VPCId=their_vpc, VPCRegion=REGION)["HostedZoneSummaries"])

    # R8 ------------------------------------------------------------------------------------------

    def test_r8_zone_read_by_another_account_is_access_denied(self):
        results = {}
        for name, aws in self.both():
            zone = self.private_zone(aws, "drs.ap-northeast-1.amazonaws.com", self.vpc(aws), "r8")
            other = aws.r53(other=True)
            try:
                other.list_resource_record_sets(HostedZoneId=zone)
                results[name] = None
            except ClientError as e:
                results[name] = (e.response["Error"]["Code"], e.response["ResponseMetadata"]["HTTPStatusCode"])
            results[name + "-tags"] = code_of(lambda: other.list_tags_for_resource(ResourceType="hostedzone", ResourceId=zone))
            results[name + "-get"] = code_of(lambda: other.get_hosted_zone(Id=zone))
            # plain moto answers the tags of another account's zone with none at all
            # the owner still reads its own zone
            self.assertIsNone(code_of(lambda: aws.r53().list_resource_record_sets(HostedZoneId=zone)))
            self.assertIsNone(code_of(lambda: aws.r53().list_tags_for_resource(ResourceType="hostedzone", ResourceId=zone)))
        self.assertEqual(
            {"plain": ("NoSuchHostedZone", 404), "plain-tags": None, "plain-get": "NoSuchHostedZone",
             "rules": ("AccessDenied", 403), "rules-tags": "AccessDenied", "rules-get": "AccessDenied"},
            results)

    # R6 ------------------------------------------------------------------------------------------

    def test_r6_more_than_50_active_peerings_on_one_vpc(self):
        def act(aws):
            ec2 = aws.ec2()
            hub = self.vpc(aws, "10.0.0.0/16")
            for i in range(51):
                peer = self.vpc(aws, f"10.{i + 1}.0.0/16")
                pcx = ec2.create_vpc_peering_connection(VpcId=hub, PeerVpcId=peer)[
                    "VpcPeeringConnection"]["VpcPeeringConnectionId"]
                ec2.accept_vpc_peering_connection(VpcPeeringConnectionId=pcx)
        self.assertAcceptedByPlainRefusedByRules(act, "ActiveVpcPeeringConnectionPerVpcLimitExceeded")
        active = [p for p in self.rules.ec2().describe_vpc_peering_connections()["VpcPeeringConnections"]
                  if p["Status"]["Code"] == "active"]
        self.assertEqual(50, len(active), "the first 50 are accepted")

    # F1 and R7 -------------------------------------------------------------------------------------

    @staticmethod
    def interface_endpoint(aws, service):
        ec2 = aws.ec2()
        vpc = RulesTest.vpc(aws)
        subnets = [ec2.create_subnet(VpcId=vpc, CidrBlock=f"10.0.{i}.0/24",
                                     AvailabilityZone=f"{REGION}{az}")["Subnet"]["SubnetId"]
                   for i, az in enumerate("ac")]
        e = ec2.create_vpc_endpoint(VpcId=vpc, ServiceName=f"com.amazonaws.{REGION}.{service}",
                                    VpcEndpointType="Interface", SubnetIds=subnets)["VpcEndpoint"]
        return vpc, ec2.describe_vpc_endpoints(VpcEndpointIds=[e["VpcEndpointId"]])["VpcEndpoints"][0]

    def test_f1_interface_endpoint_dns_entries_in_aws_form(self):
        _, plain = self.interface_endpoint(self.plain, "s3")
        self.assertNotRegex(plain["DnsEntries"][0]["DnsName"], r"\.vpce\.amazonaws\.com$")

        _, s3 = self.interface_endpoint(self.rules, "s3")
        eid = s3["VpcEndpointId"]
        names = [d["DnsName"] for d in s3["DnsEntries"]]
        self.assertRegex(names[0], rf"^\*\.{eid}-[a-z0-9]{{8}}\.s3\.{REGION}\.vpce\.amazonaws\.com$")
        suffix = names[0].split(".")[1]
        self.assertEqual([f"*.{suffix}-{REGION}{az}.s3.{REGION}.vpce.amazonaws.com" for az in "ac"], names[1:])
        self.assertEqual(1, len({d["HostedZoneId"] for d in s3["DnsEntries"]}))

        _, drs = self.interface_endpoint(self.rules, "drs")
        self.assertRegex(drs["DnsEntries"][0]["DnsName"],
                         rf"^{drs['VpcEndpointId']}-[a-z0-9]{{8}}\.drs\.{REGION}\.vpce\.amazonaws\.com$")

    def test_f3_create_vpc_endpoint_is_idempotent_on_its_client_token(self):
        # Private DNS off, as drslink's S3 endpoint has it: two private-DNS endpoints of one service are R9's.
        def create(aws, vpc, token, service="s3"):
            return aws.ec2().create_vpc_endpoint(VpcId=vpc, ServiceName=f"com.amazonaws.{REGION}.{service}",
                                                 VpcEndpointType="Interface", PrivateDnsEnabled=False,
                                                 ClientToken=token)["VpcEndpoint"]

        plain_vpc = self.vpc(self.plain)
        self.assertNotEqual(create(self.plain, plain_vpc, "t-1")["VpcEndpointId"],
                            create(self.plain, plain_vpc, "t-1")["VpcEndpointId"], "plain moto creates two")

        vpc = self.vpc(self.rules)
        first = create(self.rules, vpc, "t-1")
        self.assertEqual(first["VpcEndpointId"], create(self.rules, vpc, "t-1")["VpcEndpointId"])
        self.assertEqual(1, len(self.rules.ec2().describe_vpc_endpoints()["VpcEndpoints"]))
        self.assertEqual("IdempotentParameterMismatch", code_of(lambda: create(self.rules, vpc, "t-1", service="drs")))
        self.assertNotEqual(first["VpcEndpointId"], create(self.rules, vpc, "t-2")["VpcEndpointId"])

    # R9 and R10 ------------------------------------------------------------------------------------

    def test_r9_second_private_dns_interface_endpoint_for_one_service_in_a_vpc(self):
        ec2_service = f"com.amazonaws.{REGION}.ec2"

        def endpoint(aws, vpc, private_dns=None, service=ec2_service, token=None):
            kw = {} if private_dns is None else {"PrivateDnsEnabled": private_dns}
            if token:
                kw["ClientToken"] = token
            return aws.ec2().create_vpc_endpoint(VpcId=vpc, ServiceName=service, VpcEndpointType="Interface",
                                                 **kw)["VpcEndpoint"]["VpcEndpointId"]

        def second(aws):
            vpc = self.vpc(aws)
            endpoint(aws, vpc, private_dns=True)
            endpoint(aws, vpc, private_dns=True)
        self.assertAcceptedByPlainRefusedByRules(second, "InvalidParameter")

        def second_by_default(aws):  # AWS's default for PrivateDnsEnabled is true
            vpc = self.vpc(aws)
            endpoint(aws, vpc)
            endpoint(aws, vpc)
        self.assertAcceptedByPlainRefusedByRules(second_by_default, "InvalidParameter")

        aws = self.rules
        vpc = self.vpc(aws)
        first = endpoint(aws, vpc, private_dns=True, token="t-9")
        self.assertEqual(first, endpoint(aws, vpc, private_dns=True, token="t-9"), "a retry is not a second endpoint")
        self.assertIsNone(code_of(lambda: endpoint(aws, vpc, private_dns=False)), "without private DNS there is no conflict")
        self.assertIsNone(code_of(lambda: endpoint(aws, vpc, private_dns=True, service=f"com.amazonaws.{REGION}.sts")))
        self.assertIsNone(code_of(lambda: endpoint(aws, self.vpc(aws, "10.1.0.0/16"), private_dns=True)), "another VPC")
        aws.ec2().delete_vpc_endpoints(VpcEndpointIds=[first])
        self.assertIsNone(code_of(lambda: endpoint(aws, vpc, private_dns=True)), "once the first is deleted")

    def test_r10_second_gateway_endpoint_of_a_service_on_one_route_table(self):
        s3 = f"com.amazonaws.{REGION}.s3"

        def gateway(aws, vpc, tables, service=s3):
            return aws.ec2().create_vpc_endpoint(VpcId=vpc, ServiceName=service, VpcEndpointType="Gateway",
                                                 RouteTableIds=tables)["VpcEndpoint"]["VpcEndpointId"]

        def table(aws, vpc):
            return aws.ec2().create_route_table(VpcId=vpc)["RouteTable"]["RouteTableId"]

        def second(aws):
            vpc = self.vpc(aws)
            shared = table(aws, vpc)
            gateway(aws, vpc, [shared])
            gateway(aws, vpc, [table(aws, vpc), shared])
        self.assertAcceptedByPlainRefusedByRules(second, "RouteAlreadyExists")

        def added(aws):
            vpc = self.vpc(aws)
            shared = table(aws, vpc)
            gateway(aws, vpc, [shared])
            other = gateway(aws, vpc, [table(aws, vpc)])
            aws.ec2().modify_vpc_endpoint(VpcEndpointId=other, AddRouteTableIds=[shared])
        self.assertAcceptedByPlainRefusedByRules(added, "RouteAlreadyExists")

        aws = self.rules
        vpc = self.vpc(aws)
        shared = table(aws, vpc)
        first = gateway(aws, vpc, [shared])
        self.assertIsNone(code_of(lambda: gateway(aws, vpc, [table(aws, vpc)])), "same service, other route table")
        self.assertIsNone(code_of(lambda: gateway(aws, vpc, [shared], service=f"com.amazonaws.{REGION}.dynamodb")))
        aws.ec2().delete_vpc_endpoints(VpcEndpointIds=[first])
        self.assertIsNone(code_of(lambda: gateway(aws, vpc, [shared])), "once the first is deleted")

    def test_f4_disassociating_a_transit_gateway_route_table_twice_is_not_found(self):
        def associated(aws):
            ec2 = aws.ec2()
            vpc = self.vpc(aws)
            subnet = ec2.create_subnet(VpcId=vpc, CidrBlock="10.0.1.0/24")["Subnet"]["SubnetId"]
            tgw = ec2.create_transit_gateway()["TransitGateway"]["TransitGatewayId"]
            table = ec2.create_transit_gateway_route_table(TransitGatewayId=tgw)["TransitGatewayRouteTable"]["TransitGatewayRouteTableId"]
            attach = ec2.create_transit_gateway_vpc_attachment(TransitGatewayId=tgw, VpcId=vpc, SubnetIds=[subnet])["TransitGatewayVpcAttachment"]["TransitGatewayAttachmentId"]
            ec2.associate_transit_gateway_route_table(TransitGatewayRouteTableId=table, TransitGatewayAttachmentId=attach)
            return ec2, table, attach

        ec2, table, attach = associated(self.plain)
        ec2.disassociate_transit_gateway_route_table(TransitGatewayRouteTableId=table, TransitGatewayAttachmentId=attach)
        # Plain moto fails with its own KeyError (an HTTP 500 botocore cannot parse), no AWS error code.
        with self.assertRaises(Exception) as plain:
            ec2.disassociate_transit_gateway_route_table(TransitGatewayRouteTableId=table, TransitGatewayAttachmentId=attach)
        self.assertNotIn("InvalidAssociation.NotFound", str(plain.exception))

        ec2, table, attach = associated(self.rules)
        state = ec2.disassociate_transit_gateway_route_table(TransitGatewayRouteTableId=table, TransitGatewayAttachmentId=attach)["Association"]["State"]
        self.assertEqual("disassociated", state)
        self.assertEqual([], ec2.get_transit_gateway_route_table_associations(TransitGatewayRouteTableId=table)["Associations"])
        self.assertEqual("InvalidAssociation.NotFound", code_of(lambda: ec2.disassociate_transit_gateway_route_table(
            TransitGatewayRouteTableId=table, TransitGatewayAttachmentId=attach)))

    def alias(self, aws, zone, name, target, target_zone):
        aws.r53().change_resource_record_sets(HostedZoneId=zone, ChangeBatch={"Changes": [{
            "Action": "CREATE", "ResourceRecordSet": {
                "Name": name, "Type": "A",
                "AliasTarget": {"HostedZoneId": target_zone, "DNSName": target,
                                "EvaluateTargetHealth": False}}}]})

    def test_r7_alias_must_name_an_endpoint_dns_name(self):
        zone_name = f"s3.{REGION}.amazonaws.com"

        def setup(aws, ref):
            vpc, e = self.interface_endpoint(aws, "s3")
            zone = self.private_zone(aws, zone_name, vpc, ref)
            return zone, e["DnsEntries"][0]

        def bare_name(aws):  # what drslink 0.1.0 does: the first entry with its "*." trimmed
            zone, first = setup(aws, "a")
            bare = first["DnsName"][2:] if first["DnsName"].startswith("*.") else first["DnsName"]
            self.alias(aws, zone, zone_name, bare, first["HostedZoneId"])
        self.assertAcceptedByPlainRefusedByRules(bare_name, "InvalidChangeBatch")

        def made_up(aws):
            zone, first = setup(aws, "b")
            self.alias(aws, zone, zone_name, f"vpce-0123-abcdefgh.s3.{REGION}.vpce.amazonaws.com",
                       first["HostedZoneId"])
        self.assertAcceptedByPlainRefusedByRules(made_up, "InvalidChangeBatch")

        def wrong_zone(aws):
            zone, first = setup(aws, "c")
            self.alias(aws, zone, zone_name, first["DnsName"], "Z00000000000000000000")
        self.assertAcceptedByPlainRefusedByRules(wrong_zone, "InvalidChangeBatch")

        # the entry exactly as DescribeVpcEndpoints returns it, apex and wildcard; a trailing dot
        # and upper case change nothing
        aws = self.rules
        zone, first = setup(aws, "d")
        self.alias(aws, zone, zone_name, first["DnsName"], first["HostedZoneId"])
        self.alias(aws, zone, f"*.{zone_name}", first["DnsName"].upper() + ".", first["HostedZoneId"])
        # aliases to anything that is not an endpoint name are left alone
        self.alias(aws, zone, f"lb.{zone_name}", f"my-lb-1.{REGION}.elb.amazonaws.com", "Z14GRHDCWA56QT")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rules-endpoint", required=True)
    parser.add_argument("--report")
    parser.add_argument("tests", nargs="*")
    args = parser.parse_args()
    if not re.match(r"^http://127\.0\.0\.1:\d+$", args.rules_endpoint):
        parser.error("--rules-endpoint must be http://127.0.0.1:PORT")
    proc, plain = _start_plain_moto()
    ENDPOINTS.update(plain=plain, rules=args.rules_endpoint)
    try:
        loader = unittest.TestLoader()
        suite = (loader.loadTestsFromNames([f"RulesTest.{t}" for t in args.tests], sys.modules[__name__]) if args.tests
                 else loader.loadTestsFromTestCase(RulesTest))
        names = [t.id().split(".")[-1] for t in _flatten(suite)]  # the runner empties the suite
        result = unittest.TextTestRunner(verbosity=2, stream=sys.stdout).run(suite)
    finally:
        proc.terminate()
        proc.wait(10)
    if args.report:
        report = {name: "ok" for name in names}
        for test, trace in result.failures + result.errors:
            report[test.id().split(".")[-1]] = trace
        with open(args.report, "w", encoding="utf-8") as f:
            json.dump(report, f, indent=1)
    return 0 if result.wasSuccessful() and result.testsRun > 0 else 1


def _flatten(suite):
    for t in suite:
        if isinstance(t, unittest.TestSuite):
            yield from _flatten(t)
        else:
            yield t


if __name__ == "__main__":
    sys.exit(main())
