"""AWS rules for the drslink e2e moto: refuse what real AWS refuses.

moto is lenient: it accepts requests that AWS rejects, so a generated root could apply against moto
and still fail against AWS. Each rule below makes moto refuse one such request with the error code
AWS returns, and names its source (an AWS document, or the hashicorp/aws provider file that checks
the same thing). `install()` is called once by moto_e2e.py before the server starts; the installed
moto package is left untouched.

Refusals (checked before moto runs the action, so a refused request changes nothing):

  R1  EC2 CreateSecurityGroup: GroupName starting with `sg-`, or longer than 255 characters.
  R2  Tags (EC2 TagSpecifications on any action, EC2 CreateTags, Route 53 ChangeTagsForResource):
      more than 50 user tags on a resource, a key outside 1-128 or a value over 256 Unicode
      characters, a key starting with `aws:`.
  R3  EC2 CreateTransitGatewayRoute: a second static route for the same destination CIDR in one
      transit gateway route table.
  R4  Route 53 private zones: a VPC associated with two zones of the same name, or associated twice
      with one zone (CreateHostedZone with a VPC, AssociateVPCWithHostedZone).
  R5  Route 53 AssociateVPCWithHostedZone across accounts without a CreateVPCAssociationAuthorization
      by the zone's owner.
  R6  EC2 VPC peering: more than 50 active peering connections on one VPC.
  R7  Route 53 ChangeResourceRecordSets: an alias whose target looks like a VPC endpoint name
      (`.vpce.` in it) but is not one of the DNS names an existing endpoint reports in that target
      hosted zone.
  R8  Route 53 reads of a hosted zone owned by another account (GetHostedZone,
      ListResourceRecordSets, ListTagsForResource): AccessDenied, HTTP 403, as AWS answers; plain
      moto answers NoSuchHostedZone. drslink's verify and preflight must read a zone with its
      owner's credentials.
  R9  EC2 CreateVpcEndpoint: an Interface endpoint with private DNS (PrivateDnsEnabled; AWS's default for
      it is true) for a service that already has a private-DNS interface endpoint in that VPC. A repeated
      ClientToken is not a second endpoint (F3) and is not refused.
  R10 EC2 CreateVpcEndpoint (RouteTableIds) and ModifyVpcEndpoint (AddRouteTableIds): a gateway endpoint
      on a route table that already routes to that service's prefix list through another gateway
      endpoint. Plain moto 5.2 replaces the first endpoint's route with the second's.

Fidelity fixes the rules need (moto answers differently from AWS without them):

  F1  Interface endpoints of AWS services (com.amazonaws.<region>.<service>) report their DNS
      entries in AWS's form: `vpce-<id>-<suffix>.<service>.<region>.vpce.amazonaws.com`, then one
      `vpce-<id>-<suffix>-<az>....` entry per subnet's Availability Zone; for S3 every entry starts
      with `*.` (moto 5.2 reports one `vpce-<id>-<suffix>.com.amazonaws.<region>.<service>` entry).
  F3  EC2 CreateVpcEndpoint is idempotent on ClientToken: a request repeating a token returns the
      endpoint the first one created, and the same token with another VPC or service is refused with
      IdempotentParameterMismatch. The provider sends a token (internal/service/ec2/vpc_endpoint.go)
      and its SDK retries a failed request with the same one; moto 5.2 created a second endpoint,
      which left a VPC with two S3 endpoints and the zones aliasing only one (LiveChecksIT saw it).
  F2  Route 53 VPC association authorizations (Create/List/DeleteVPCAssociationAuthorization, which
      moto 5.2 does not implement) and cross-account associations: AssociateVPCWithHostedZone and
      DisassociateVPCFromHostedZone find a zone in another account, and ListHostedZonesByVPC lists
      zones of every account associated with the VPC, with their owner.
  F4  EC2 DisassociateTransitGatewayRouteTable works per (route table, attachment), as the API is
      addressed: a pair that is not associated answers InvalidAssociation.NotFound (HTTP 400), which
      the provider takes as already deleted (internal/service/ec2/transitgateway_route_table_association.go,
      errCodeInvalidAssociationNotFound; https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html).
      moto 5.2 keys its association record by attachment only and answered a repeated or second
      disassociation with a KeyError (HTTP 500), which the SDK retried for minutes: a TGW peering
      attachment is associated with a route table on each side, and the e2e suite's destroy of
      golden/tgw-shared-peering hung on it.

Not encoded: a VPC endpoint with private DNS conflicting with a private zone of the service's name
(CreateHostedZone: ConflictingDomainExists, hashicorp/terraform-provider-aws#37783). drslink enables private
DNS only on the EC2 endpoint of staging_private, and creates no zone for ec2.<region>.amazonaws.com.

Every rule is listed in RULES with its source; README.md ("What the emulator refuses") has the table.
"""
import random
import re
import string
from collections import namedtuple

from moto.core.exceptions import ServiceException
from moto.core.responses import ActionResult, BaseResponse, EmptyResult
from moto.ec2.exceptions import EC2ClientError
from moto.ec2.models import ec2_backends
from moto.ec2.models.vpcs import VPCBackend
from moto.route53 import urls as route53_urls
from moto.route53.exceptions import Route53ClientError
from moto.route53.models import route53_backends
from moto.route53.responses import Route53

Rule = namedtuple("Rule", "id summary error source")

EC2_ERRORS = "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html"
TAGGING = "https://docs.aws.amazon.com/tag-editor/latest/userguide/tagging.html"
R53_API = "https://docs.aws.amazon.com/Route53/latest/APIReference/"

RULES = [
    Rule(
        "R1",
        "security group name starts with sg- or is longer than 255 characters",
        "InvalidParameterValue",
        "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateSecurityGroup.html"
        " (GroupName: up to 255 characters, can't start with sg-); provider"
        " internal/service/ec2/vpc_security_group.go (`cannot begin with sg-`)",
    ),
    Rule(
        "R2",
        "more than 50 user tags on a resource; key not 1-128 or value over 256 Unicode"
        " characters; key starting with aws:",
        "EC2: TagLimitExceeded (count), InvalidParameterValue (key/value);"
        " Route 53: InvalidInput",
        TAGGING + "; " + EC2_ERRORS + " (TagLimitExceeded); "
        + R53_API + "API_ChangeTagsForResource.html (errors: InvalidInput)",
    ),
    Rule(
        "R3",
        "second static route for the same destination in one transit gateway route table",
        "RouteAlreadyExists",
        EC2_ERRORS + " (RouteAlreadyExists); domain.md section 8",
    ),
    Rule(
        "R4",
        "VPC associated with two private zones of the same name, or twice with one zone",
        "ConflictingDomainExists",
        R53_API + "API_AssociateVPCWithHostedZone.html and API_CreateHostedZone.html"
        " (ConflictingDomainExists); the same-zone case as AWS answered it in"
        " github.com/infrablocks/terraform-aws-base-networking/issues/4",
    ),
    Rule(
        "R5",
        "cross-account zone association without the zone owner's authorization",
        "NotAuthorizedException",
        R53_API + "API_AssociateVPCWithHostedZone.html (a different account must first submit"
        " CreateVPCAssociationAuthorization; errors: NotAuthorizedException)",
    ),
    Rule(
        "R6",
        "more than 50 active VPC peering connections on one VPC",
        "ActiveVpcPeeringConnectionPerVpcLimitExceeded",
        "https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html (default 50);"
        " " + EC2_ERRORS + " (ActiveVpcPeeringConnectionPerVpcLimitExceeded)",
    ),
    Rule(
        "R7",
        "alias to a VPC endpoint name that no endpoint reports in the target zone"
        " (the bare name under an S3 `*.` entry included)",
        "InvalidChangeBatch",
        R53_API + "API_ChangeResourceRecordSets.html (InvalidChangeBatch); "
        + R53_API + "API_AliasTarget.html (DNSName of an interface endpoint: the name"
        " DescribeVpcEndpoints returns); domain.md section 8, 'Alias target of the S3 zone'",
    ),
    Rule(
        "R9",
        "second interface endpoint with private DNS for one service in one VPC",
        "InvalidParameter",
        "https://docs.aws.amazon.com/vpc/latest/privatelink/create-interface-endpoint.html (private DNS"
        " names: the endpoint's private hosted zone for the service's default DNS name, which one VPC"
        " holds once); the answer as AWS gives it: hashicorp/terraform-provider-aws#17535 (InvalidParameter,"
        " 'private-dns-enabled cannot be set because there is already a conflicting DNS domain');"
        " https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateVpcEndpoint.html"
        " (PrivateDnsEnabled, default true)",
    ),
    Rule(
        "R10",
        "gateway endpoint on a route table that already routes to the service's prefix list through"
        " another gateway endpoint",
        "RouteAlreadyExists",
        "https://docs.aws.amazon.com/vpc/latest/privatelink/gateway-endpoints.html (routing: a route"
        " table has one route to a service's prefix list, so two gateway endpoints of one service need"
        " different route tables); " + EC2_ERRORS + " (RouteAlreadyExists: a route for that destination"
        " already exists in the route table; AWS's exact code for this request is not documented)",
    ),
    Rule(
        "R8",
        "read of a hosted zone (GetHostedZone, ListResourceRecordSets, ListTagsForResource) by an"
        " account that does not own it",
        "AccessDenied (HTTP 403)",
        "https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/access-control-overview.html"
        " (a hosted zone is a resource of the account that created it; other accounts are allowed"
        " nothing on it); " + R53_API + "CommonErrors.html (AccessDenied, HTTP 403); the answer as"
        " AWS gave it for a zone of another account: github.com/aws/aws-sdk-php/issues/2141 (403"
        " AccessDenied, 'is not authorized to access this resource')",
    ),
]

# (service, Action) -> checks run before moto's action; a check refuses by raising.
_CHECKS = {}


def _check(service, *actions):
    def register(fn):
        for action in actions:
            _CHECKS.setdefault((service, action), []).append(fn)
        return fn

    return register


class _Refusal(Exception):
    def __init__(self, code, message, status=None):
        super().__init__(code, message)
        self.code = code
        self.message = message
        self.status = status  # the HTTP status AWS uses when moto's model has no error shape for it


def _refuse(code, message):
    raise _Refusal(code, message)


# moto serializes an error with the service model its exception class's module names.
_SERVICE_ERRORS = {"ec2": EC2ClientError, "route53": Route53ClientError}


# --- R1 -----------------------------------------------------------------------------------------


@_check("ec2", "CreateSecurityGroup")
def _security_group_name(req):
    name = req._get_param("GroupName") or ""
    if name.startswith("sg-"):
        _refuse("InvalidParameterValue", "Group names may not be in the format sg-*.")
    if len(name) > 255:
        _refuse(
            "InvalidParameterValue",
            f"Value ({name}) for parameter GroupName is invalid."
            " Length exceeds maximum of 255 characters.",
        )


# --- R2 -----------------------------------------------------------------------------------------

MAX_TAGS = 50


def _user_keys(keys):
    # aws: tags are AWS's own and do not count toward the 50 (tagging.html)
    return {k for k in keys if not k.lower().startswith("aws:")}


def _tag_problem(key, value):
    """The reason AWS refuses one tag, or None. len() counts Unicode code points, as AWS does."""
    if key is None or not 1 <= len(key) <= 128:
        return f"Tag key must be 1 to 128 Unicode characters long: {key!r}"
    if value is not None and len(value) > 256:
        return f"Tag value exceeds the maximum length of 256 Unicode characters (tag key {key})"
    if key.lower().startswith("aws:"):
        return f"Tag keys starting with 'aws:' are reserved for internal use: {key}"
    return None


@_check("ec2", "*")
def _ec2_tag_specifications(req):
    specs = req._get_param("TagSpecifications") or req._get_param("TagSpecification") or []
    if isinstance(specs, dict):
        specs = [specs]
    for spec in specs:
        tags = spec.get("Tags") or spec.get("Tag") or []
        for tag in tags:
            problem = _tag_problem(tag.get("Key"), tag.get("Value"))
            if problem:
                _refuse("InvalidParameterValue", problem)
        if len(_user_keys(t.get("Key") for t in tags)) > MAX_TAGS:
            _refuse("TagLimitExceeded", "The maximum number of Tags for a resource has been reached.")


@_check("ec2", "CreateTags")
def _ec2_create_tags(req):
    tags = req._get_param("Tags", [])
    for tag in tags:
        problem = _tag_problem(tag.get("Key"), tag.get("Value"))
        if problem:
            _refuse("InvalidParameterValue", problem)
    new = _user_keys(t["Key"] for t in tags)
    for resource_id in req._get_param("Resources", []):
        existing = _user_keys(req.ec2_backend.tags.get(resource_id, {}))
        if len(existing | new) > MAX_TAGS:
            _refuse(
                "TagLimitExceeded",
                f"The maximum number of Tags for resource {resource_id} has been reached.",
            )


@_check("route53", "ChangeTagsForResource")
def _route53_tags(req):
    add = req._get_param("AddTags") or []
    for tag in add:
        problem = _tag_problem(tag.get("Key"), tag.get("Value"))
        if problem:
            _refuse("InvalidInput", problem)
    resource_id = req._get_param("ResourceId")
    existing = set(req.backend.list_tags_for_resource(resource_id))
    removed = set(req._get_param("RemoveTagKeys") or [])
    after = _user_keys((existing - removed) | {t["Key"] for t in add})
    if len(after) > MAX_TAGS:
        _refuse(
            "InvalidInput",
            f"The resource {resource_id} would have {len(after)} tags;"
            f" a resource can have at most {MAX_TAGS}.",
        )


# --- R3 -----------------------------------------------------------------------------------------


@_check("ec2", "CreateTransitGatewayRoute")
def _tgw_static_route_once(req):
    table_id = req._get_param("TransitGatewayRouteTableId")
    cidr = req._get_param("DestinationCidrBlock")
    table = req.ec2_backend.transit_gateways_route_tables.get(table_id)
    route = table.routes.get(cidr) if table else None
    if route and route.get("type") == "static" and route.get("state") != "deleted":
        _refuse(
            "RouteAlreadyExists",
            f"Route {cidr} already exists in Transit Gateway Route Table {table_id}.",
        )


# --- R4, R5 and F2: Route 53 private zones across accounts --------------------------------------


def _zone_key(zone_id):
    return (zone_id or "").replace("/hostedzone/", "")


def _dns_name(name):
    return (name or "").rstrip(".").lower()


def _all_route53():
    """Every Route 53 backend that exists, whatever its account."""
    for per_account in list(route53_backends.values()):
        for backend in list(per_account.values()):
            yield backend


def _owner_of(zone_id):
    key = _zone_key(zone_id)
    for backend in _all_route53():
        if key in backend.zones:
            return backend
    return None


def _has_vpc(zone, vpc_id, region):
    return any(
        v.get("vpc_id") == vpc_id and (not region or not v.get("vpc_region") or v["vpc_region"] == region)
        for v in zone.vpcs
    )


def _zones_with_vpc(vpc_id, region):
    for backend in _all_route53():
        for zone in list(backend.zones.values()):
            if zone.private_zone and _has_vpc(zone, vpc_id, region):
                yield backend, zone


@_check("route53", "CreateHostedZone")
def _create_private_zone_once_per_vpc(req):
    vpc_id = req._get_param("VPC.VPCId")
    if not vpc_id:
        return
    region = req._get_param("VPC.VPCRegion")
    name = _dns_name(req._get_param("Name"))
    for _, zone in _zones_with_vpc(vpc_id, region):
        if _dns_name(zone.name) == name:
            _refuse(
                "ConflictingDomainExists",
                f"The VPC {vpc_id} in region {region} has already been associated with the hosted"
                f" zone {zone.resource_id} with the same domain name.",
            )


def _authorizations(backend):
    # Kept on the backend so that moto's reset clears it with everything else.
    if not hasattr(backend, "drslink_vpc_authorizations"):
        backend.drslink_vpc_authorizations = {}
    return backend.drslink_vpc_authorizations


@_check("route53", "AssociateVPCWithHostedZone")
def _associate_rules(req):
    zone_id = _zone_key(req._get_param("HostedZoneId"))
    vpc_id = req._get_param("VPC.VPCId")
    region = req._get_param("VPC.VPCRegion")
    owner = _owner_of(zone_id)
    if owner is None:
        return  # moto answers NoSuchHostedZone
    zone = owner.zones[zone_id]
    if owner.account_id != req.current_account:
        # R5: the VPC's account associates a zone of another account only after the zone's
        # owner authorized exactly this VPC.
        authorized = _authorizations(owner).get(zone_id, [])
        if not any(a["VPCId"] == vpc_id and a["VPCRegion"] == region for a in authorized):
            _refuse(
                "NotAuthorizedException",
                f"The VPC {vpc_id} in region {region} is not authorized to be associated with the"
                f" hosted zone {zone_id} of account {owner.account_id}: that account must first"
                " call CreateVPCAssociationAuthorization.",
            )
        vpc_backend = ec2_backends[req.current_account][region] if region else None
        if vpc_backend is None or vpc_id not in vpc_backend.vpcs:
            _refuse(
                "InvalidVPCId",
                f"The VPC ID {vpc_id} is not valid or is not owned by account {req.current_account}.",
            )
    # R4
    if _has_vpc(zone, vpc_id, region):
        _refuse(
            "ConflictingDomainExists",
            f"The VPC {vpc_id} in region {region} has already been associated with the hosted zone"
            f" {zone_id} with the same domain name.",
        )
    for _, other in _zones_with_vpc(vpc_id, region):
        if _dns_name(other.name) == _dns_name(zone.name):
            _refuse(
                "ConflictingDomainExists",
                f"The VPC {vpc_id} in region {region} is already associated with another private"
                f" hosted zone, {other.resource_id}, that has the same name, {zone.name}",
            )


# --- R8 -----------------------------------------------------------------------------------------


@_check("route53", "GetHostedZone", "ListResourceRecordSets", "ListTagsForResource")
def _zone_read_by_its_owner(req):
    if req._get_action() == "ListTagsForResource":
        if (req._get_param("ResourceType") or "hostedzone") != "hostedzone":
            return
        zone_id = _zone_key(req._get_param("ResourceId"))
    else:
        zone_id = _zone_key(req._get_param("Id") or req._get_param("HostedZoneId"))
    owner = _owner_of(zone_id)
    if owner is None or owner.account_id == req.current_account:
        return  # moto answers NoSuchHostedZone, or the owner reads its own zone
    raise _Refusal(
        "AccessDenied",
        f"User: arn:aws:sts::{req.current_account}:assumed-role/drslink/session is not authorized"
        " to access this resource",
        status=403,
    )


_moto_route53_backend = Route53.backend


def _route53_backend(self):
    """The zone owner's backend when the VPC's account names a zone of another account (F2)."""
    own = _moto_route53_backend.fget(self)
    if self._get_action() in ("AssociateVPCWithHostedZone", "DisassociateVPCFromHostedZone"):
        zone_id = _zone_key(self._get_param("HostedZoneId"))
        if zone_id not in own.zones:
            return _owner_of(zone_id) or own
    return own


def _list_hosted_zones_by_vpc(self, vpc_id):
    """F2: AWS lists the zones of every account associated with the VPC, each with its owner."""
    return [
        {
            "HostedZoneId": zone.resource_id,
            "Name": zone.name,
            "Owner": {"OwningAccount": backend.account_id},
        }
        for backend, zone in _zones_with_vpc(vpc_id, None)
    ]


def _own_private_zone(req):
    zone_id = _zone_key(req._get_param("HostedZoneId"))
    zone = req.backend.get_hosted_zone(zone_id)  # NoSuchHostedZone unless the caller owns it
    return zone_id, zone


def create_vpc_association_authorization(self):
    zone_id, _ = _own_private_zone(self)
    vpc = {"VPCId": self._get_param("VPC.VPCId"), "VPCRegion": self._get_param("VPC.VPCRegion")}
    authorized = _authorizations(self.backend).setdefault(zone_id, [])
    if vpc not in authorized:
        authorized.append(vpc)
    return ActionResult({"HostedZoneId": zone_id, "VPC": vpc})


def list_vpc_association_authorizations(self):
    zone_id, _ = _own_private_zone(self)
    return ActionResult(
        {"HostedZoneId": zone_id, "VPCs": list(_authorizations(self.backend).get(zone_id, []))}
    )


def delete_vpc_association_authorization(self):
    zone_id, _ = _own_private_zone(self)
    vpc = {"VPCId": self._get_param("VPC.VPCId"), "VPCRegion": self._get_param("VPC.VPCRegion")}
    authorized = _authorizations(self.backend).get(zone_id, [])
    if vpc not in authorized:
        raise Route53ClientError(
            "VPCAssociationAuthorizationNotFound",
            f"The VPC {vpc['VPCId']} is not authorized to be associated with hosted zone {zone_id}.",
        )
    authorized.remove(vpc)
    return EmptyResult()


# --- R6 -----------------------------------------------------------------------------------------

MAX_ACTIVE_PEERINGS = 50


def _active_peerings(vpc_id):
    seen = set()
    for per_account in list(ec2_backends.values()):
        for backend in list(per_account.values()):
            for pcx in list(backend.vpc_pcxs.values()):
                if pcx._status.code == "active" and vpc_id in (pcx.vpc.id, pcx.peer_vpc.id):
                    seen.add(pcx.id)
    return len(seen)


def _peering_limit(vpc_ids):
    for vpc_id in vpc_ids:
        if _active_peerings(vpc_id) >= MAX_ACTIVE_PEERINGS:
            _refuse(
                "ActiveVpcPeeringConnectionPerVpcLimitExceeded",
                f"The VPC {vpc_id} already has {MAX_ACTIVE_PEERINGS} active VPC peering"
                " connections, the most one VPC can have.",
            )


@_check("ec2", "CreateVpcPeeringConnection")
def _peering_create_limit(req):
    _peering_limit([req._get_param("VpcId"), req._get_param("PeerVpcId")])


@_check("ec2", "AcceptVpcPeeringConnection")
def _peering_accept_limit(req):
    pcx = req.ec2_backend.get_vpc_peering_connection(req._get_param("VpcPeeringConnectionId"))
    _peering_limit([pcx.vpc.id, pcx.peer_vpc.id])


# --- F1, F3 and R7: interface endpoints, their names and aliases to them -----------------------

_AWS_SERVICE = re.compile(r"^com\.amazonaws\.([a-z]{2}(?:-[a-z]+)+-\d)\.(.+)$")

_moto_create_vpc_endpoint = VPCBackend.create_vpc_endpoint


# F3. AWS: https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateVpcEndpoint.html (ClientToken:
# "to ensure the idempotency of the request") and
# https://docs.aws.amazon.com/ec2/latest/devguide/ec2-api-idempotency.html (IdempotentParameterMismatch).
def _endpoint_of_token(backend, token, vpc_id, service_name):
    for existing in list(backend.vpc_end_points.values()):
        if token and existing.client_token == token:
            if existing.vpc_id != vpc_id or existing.service_name != service_name:
                raise EC2ClientError(
                    "IdempotentParameterMismatch",
                    f"Client token {token} was already used with different parameters.",
                )
            return existing
    return None


def _live_endpoints(backend):
    return [e for e in list(backend.vpc_end_points.values()) if (e.state or "").lower() not in ("deleted", "deleting", "rejected", "failed")]


def _endpoint_type(value):
    return (value or "gateway").lower()  # AWS and moto: Gateway when the request names no type


# R9
@_check("ec2", "CreateVpcEndpoint")
def _one_private_dns_interface_endpoint_per_service(req):
    if _endpoint_type(req._get_param("VpcEndpointType")) != "interface":
        return
    if not req._get_bool_param("PrivateDnsEnabled", if_none=True):
        return
    vpc_id = req._get_param("VpcId")
    service = req._get_param("ServiceName")
    token = req._get_param("ClientToken")
    endpoints = _live_endpoints(req.ec2_backend)
    if token and any(e.client_token == token for e in endpoints):
        return  # a retry of the same request (F3)
    for e in endpoints:
        if e.vpc_id == vpc_id and e.service_name == service and _endpoint_type(e.vpc_endpoint_type) == "interface" and e.private_dns_enabled:
            _refuse(
                "InvalidParameter",
                "private-dns-enabled cannot be set because there is already a conflicting DNS domain"
                f" for {service} in the VPC {vpc_id} (endpoint {e.id})",
            )


# R10
def _one_gateway_route_per_prefix_list(req, endpoint_id, vpc_id, service, tables):
    for e in _live_endpoints(req.ec2_backend):
        if e.id == endpoint_id or e.vpc_id != vpc_id or e.service_name != service or _endpoint_type(e.vpc_endpoint_type) != "gateway":
            continue
        for table in tables:
            if table in (e.route_table_ids or []):
                _refuse(
                    "RouteAlreadyExists",
                    f"The route table {table} already has a route to the prefix list of {service}"
                    f" through the gateway endpoint {e.id}.",
                )


@_check("ec2", "CreateVpcEndpoint")
def _gateway_endpoint_route_tables(req):
    if _endpoint_type(req._get_param("VpcEndpointType")) != "gateway":
        return
    token = req._get_param("ClientToken")
    if token and any(e.client_token == token for e in _live_endpoints(req.ec2_backend)):
        return  # a retry of the same request (F3)
    _one_gateway_route_per_prefix_list(
        req, None, req._get_param("VpcId"), req._get_param("ServiceName"), req._get_param("RouteTableIds", []) or [])


@_check("ec2", "ModifyVpcEndpoint")
def _gateway_endpoint_added_route_tables(req):
    endpoint = req.ec2_backend.vpc_end_points.get(req._get_param("VpcEndpointId"))
    if endpoint is None or _endpoint_type(endpoint.vpc_endpoint_type) != "gateway":
        return  # moto answers an unknown id itself
    _one_gateway_route_per_prefix_list(
        req, endpoint.id, endpoint.vpc_id, endpoint.service_name, req._get_param("AddRouteTableIds", []) or [])


def disassociate_transit_gateway_route_table(self, tgw_attach_id, tgw_rt_id):
    """F4: disassociate one (route table, attachment) pair; a pair that is not associated is
    InvalidAssociation.NotFound, as AWS answers."""
    from moto.ec2.models.transit_gateway_route_tables import TransitGatewayRelations

    table = self.transit_gateways_route_tables.get(tgw_rt_id)
    if table is None or tgw_attach_id not in table.route_table_associations:
        raise EC2ClientError(
            "InvalidAssociation.NotFound",
            f"The association between {tgw_rt_id} and {tgw_attach_id} was not found.",
        )
    relation = self.transit_gateway_associations.get(tgw_attach_id)
    if relation is not None and relation.transit_gateway_route_table_id == tgw_rt_id:
        self.transit_gateway_associations.pop(tgw_attach_id)
    else:
        relation = TransitGatewayRelations(self, tgw_attach_id, tgw_rt_id, state="disassociated")
    relation.state = "disassociated"
    table.route_table_associations.pop(tgw_attach_id)
    attachment = self.transit_gateway_attachments.get(tgw_attach_id)
    if attachment is not None and getattr(attachment, "_association_data", {}).get("transitGatewayRouteTableId") == tgw_rt_id:
        attachment._association_data = {}
    return relation


def create_vpc_endpoint(self, *args, **kwargs):
    repeated = _endpoint_of_token(self, kwargs.get("client_token"), kwargs.get("vpc_id"), kwargs.get("service_name"))
    if repeated is not None:
        return repeated
    endpoint = _moto_create_vpc_endpoint(self, *args, **kwargs)
    match = _AWS_SERVICE.match(endpoint.service_name or "")
    if (endpoint.vpc_endpoint_type or "").lower() == "interface" and match and endpoint.dns_entries:
        region, service = match.groups()
        zone_id = endpoint.dns_entries[0]["hosted_zone_id"]
        suffix = "".join(random.choices(string.ascii_lowercase + string.digits, k=8))
        wildcard = "*." if service == "s3" else ""
        tail = f".{service}.{region}.vpce.amazonaws.com"
        names = [f"{wildcard}{endpoint.id}-{suffix}{tail}"]
        zones = []
        for subnet_id in endpoint.subnet_ids or []:
            az = self.get_subnet(subnet_id).availability_zone
            if az not in zones:
                zones.append(az)
        names += [f"{wildcard}{endpoint.id}-{suffix}-{az}{tail}" for az in zones]
        endpoint.dns_entries = [{"dns_name": n, "hosted_zone_id": zone_id} for n in names]
    return endpoint


def _looks_like_endpoint(name):
    return name.endswith(".vpce.amazonaws.com") or ".vpce." in name


def _endpoint_names():
    names = set()
    for per_account in list(ec2_backends.values()):
        for backend in list(per_account.values()):
            for endpoint in list(backend.vpc_end_points.values()):
                for entry in endpoint.dns_entries or []:
                    names.add((_dns_name(entry.get("dns_name")), entry.get("hosted_zone_id")))
    return names


@_check("route53", "ChangeResourceRecordSets")
def _alias_to_existing_endpoint_name(req):
    zone_id = _zone_key(req._get_param("HostedZoneId"))
    known = None
    for change in req._get_param("ChangeBatch.Changes") or []:
        if change.get("Action") not in ("CREATE", "UPSERT"):
            continue
        record = change.get("ResourceRecordSet") or {}
        alias = record.get("AliasTarget")
        if not alias:
            continue
        target = _dns_name(alias.get("DNSName"))
        if not _looks_like_endpoint(target):
            continue
        if known is None:
            known = _endpoint_names()
        if (target, alias.get("HostedZoneId")) not in known:
            _refuse(
                "InvalidChangeBatch",
                f"[Tried to create an alias that targets {alias.get('DNSName')}, type"
                f" {record.get('Type')} in zone {alias.get('HostedZoneId')}, but the alias target"
                " name does not lie within the target zone]",
            )


# --- installation -------------------------------------------------------------------------------

_moto_call_action = BaseResponse.call_action


def call_action(self):
    checks = _CHECKS.get((self.service_name, "*"), []) + _CHECKS.get(
        (self.service_name, self._get_action()), []
    )
    try:
        for check in checks:
            check(self)
    except _Refusal as refused:
        error = _SERVICE_ERRORS[self.service_name](refused.code, refused.message)
        status, headers, body = self.serialized(ActionResult(error))
        return (refused.status or status), headers, body
    except ServiceException as error:  # moto's own, e.g. an unknown peering connection id
        return self.serialized(ActionResult(error))
    return _moto_call_action(self)


_ROUTE53_PATHS = {
    r"{0}/(?P<api_version>[\d_-]+)/hostedzone/(?P<zone_id>[^/]+)/authorizevpcassociation$": Route53.dispatch,
    r"{0}/(?P<api_version>[\d_-]+)/hostedzone/(?P<zone_id>[^/]+)/deauthorizevpcassociation$": Route53.dispatch,
}

_installed = False


def install():
    """Patches moto in this process. Call before the server handles its first request."""
    global _installed
    if _installed:
        return
    _installed = True
    BaseResponse.call_action = call_action
    VPCBackend.create_vpc_endpoint = create_vpc_endpoint
    from moto.ec2.models.transit_gateway_route_tables import TransitGatewayRouteTableBackend

    TransitGatewayRouteTableBackend.disassociate_transit_gateway_route_table = disassociate_transit_gateway_route_table
    Route53.backend = property(_route53_backend)
    Route53.create_vpc_association_authorization = create_vpc_association_authorization
    Route53.list_vpc_association_authorizations = list_vpc_association_authorizations
    Route53.delete_vpc_association_authorization = delete_vpc_association_authorization
    route53_urls.url_paths.update(_ROUTE53_PATHS)
    from moto.route53.models import Route53Backend

    Route53Backend.list_hosted_zones_by_vpc = _list_hosted_zones_by_vpc
