"""moto_server for the drslink e2e suite: moto 5.2.x plus nine fixes the suite depends on (the
sixth a DRS stand-in on the same port, drs_standin.py beside this file).

Run exactly like moto_server (`python3 moto_e2e.py -H 127.0.0.1 -p PORT`); the harness starts it
with the moto image's (or the local venv's) python, so the installed moto is left untouched.
Each fix makes moto do what AWS documents; everything else is moto's own code.

1. Route 53 CreateHostedZone. AWS makes a zone private because the request carries a <VPC>
   element; HostedZoneConfig.PrivateZone is a response-only field that no SDK and not the
   Terraform provider sends. moto 5.2 reads only that flag, so every zone created with a VPC
   became public and each later AssociateVPCWithHostedZone failed with PublicZoneVPCAssociation.
   Here the flag is derived from the VPC element, as AWS does.

2. EC2 CreateTransitGatewayPeeringAttachment. PeerAccountId is optional and defaults to the
   caller's account. moto 5.2 keeps it as None, so the attachment never reaches the peer region
   and AcceptTransitGatewayPeeringAttachment there fails with an HTTP 500 (KeyError) that the
   provider retries for minutes. Here a missing PeerAccountId is the caller's account.

3. EC2 CreateTransitGatewayRoute. moto stores the route's attachment as one object where the API
   has a list (TransitGatewayAttachments), so it is dropped from every answer; the provider then
   reads the route back as a blackhole without an attachment and plans to replace it on every
   run. Here the attachment is stored as the one-element list AWS returns.

4. EC2 DescribeSecurityGroupRules. moto reads a rule's Description only from a CIDR range, so a
   rule that references another security group (the recovery instances' 443 to the endpoints) or
   a prefix list (staging_private's 443 to the S3 gateway) came back without its description and
   every second plan wanted to set it again. AWS returns the description of every rule
   (API_SecurityGroupRule). Here it is also read from the group pair or the prefix list entry.

5. Route 53 Resolver ListResolverEndpoints sorts by name and fails with HTTP 500 once an
   endpoint has none (Name is optional in CreateResolverEndpoint). Here a missing name sorts as "",
   and the answer is paged (NextToken, MaxResults) as moto's own.

7. EC2 security group rules under concurrent requests. The provider creates and deletes a group's
   rules in parallel; moto's revoke rebuilds the group's rule list from the copy it read, so a rule
   added meanwhile could vanish and its later delete fail. AWS applies each call to a group whole;
   here the calls that change a group's rules take one lock. And a revoke naming a rule id the group
   does not have answers InvalidSecurityGroupRuleId.NotFound, the code AWS documents for an unknown
   rule id (EC2 API error codes) and the one the provider treats as "already deleted"
   (internal/service/ec2/vpc_security_group_ingress_rule.go, Delete); moto said InvalidPermission.NotFound.

6. DRS. moto has no DRS backend; drs_standin.DrsStandIn wraps moto's WSGI app and answers the
   requests signed for `drs` (see that module for what it serves and the AWS rules it enforces).
   Running it in this process keeps one port, one reset and moto's own access-key-to-account map.

8. IAM enforcement (only when switched on: INITIAL_NO_AUTH_ACTION_COUNT, POST /moto-api/reset-auth).
   moto recomputes each request's SigV4 signature over the request's body or, when it has none, over
   its parsed parameters, so every signed GET with parameters in its path (Route 53 GetHostedZone,
   ListTagsForResource) failed with SignatureDoesNotMatch. SigV4 hashes the payload as sent, empty for
   a GET (https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html); here a GET is
   signed over its empty body, and everything else as before. Used by IamEnforcementIT (docs/iam.md).

9. One call at a time. moto changes its in-memory state from many server threads at once; AWS
   applies each call whole. See OneCallAtATime below (a flaky RouteAlreadyExists in CI came from it).

10. IAM AWS managed policies. AWS offers every AWS managed policy (arn:<partition>:iam::aws:policy/...) in
   every account (https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-vs-inline.html#aws-managed-policies);
   moto 5.2 knows them (moto/iam/aws_managed_policies.py has AWSElasticDisasterRecoveryEc2InstancePolicy and
   AWSElasticDisasterRecoveryAgentInstallationPolicy) but loads them only when MOTO_IAM_LOAD_MANAGED_POLICIES
   is true, so AttachRolePolicy of either failed with NoSuchEntity. Here they are loaded.

aws_rules.py (beside this file, installed below) then makes moto refuse what AWS refuses, one
documented rule each (security group names, tag limits, duplicate TGW routes, private zone
conflicts, cross-account zone associations, peering quota, aliases to VPC endpoint names).
"""
import io
import os
import re
import sys
import threading
import urllib.parse

# Fix 10: read by each account's IAM backend when it is created, so set before any request.
os.environ["MOTO_IAM_LOAD_MANAGED_POLICIES"] = "true"

import moto.server

from moto.ec2.exceptions import InvalidSecurityGroupRuleIdNotFoundError
from moto.ec2.models.security_groups import SecurityGroupBackend, SecurityGroupRule
from moto.ec2.models.transit_gateway_attachments import TransitGatewayAttachmentBackend
from moto.ec2.models.transit_gateway_route_tables import TransitGatewayRouteTableBackend
from botocore.awsrequest import AWSRequest
from moto.iam.access_control import IAMRequestBase
from moto.iam.models import get_account_id_from
from moto.route53.responses import Route53
from moto.route53resolver.models import ResolverEndpoint, Route53ResolverBackend
from moto.route53resolver.utils import PAGINATION_MODEL
from moto.utilities.paginator import paginate
from werkzeug.serving import run_simple

import aws_rules
from drs_standin import DrsStandIn

_moto_get_bool_param = Route53._get_bool_param


def _get_bool_param(self, param_name, if_none=None):
    value = _moto_get_bool_param(self, param_name, if_none)
    if param_name == "HostedZoneConfig.PrivateZone" and value is if_none:
        if self._get_param("VPC.VPCId"):
            return True
    return value


Route53._get_bool_param = _get_bool_param

_moto_create_peering = TransitGatewayAttachmentBackend.create_transit_gateway_peering_attachment


def create_transit_gateway_peering_attachment(
    self, transit_gateway_id, peer_transit_gateway_id, peer_region, peer_account_id, tags
):
    return _moto_create_peering(
        self,
        transit_gateway_id,
        peer_transit_gateway_id,
        peer_region,
        peer_account_id or self.account_id,
        tags,
    )


TransitGatewayAttachmentBackend.create_transit_gateway_peering_attachment = (
    create_transit_gateway_peering_attachment
)

_moto_create_tgw_route = TransitGatewayRouteTableBackend.create_transit_gateway_route


def create_transit_gateway_route(self, *args, **kwargs):
    route = _moto_create_tgw_route(self, *args, **kwargs)
    attachment = route.get("transitGatewayAttachments")
    if isinstance(attachment, dict):
        # the dict is the stored route itself, so this also fixes later searches
        route["transitGatewayAttachments"] = [attachment]
    return route


TransitGatewayRouteTableBackend.create_transit_gateway_route = create_transit_gateway_route

_moto_rule_init = SecurityGroupRule.__init__


def _rule_init(self, *args, **kwargs):
    _moto_rule_init(self, *args, **kwargs)
    prefix_list = kwargs.get("prefix_list_id") or (args[7] if len(args) > 7 else None)
    self.prefix_list_description = (prefix_list or {}).get("Description")


SecurityGroupRule.__init__ = _rule_init
SecurityGroupRule.description = property(
    lambda self: self.ip_range.get("Description")
    or (self.source_group or {}).get("Description")
    or getattr(self, "prefix_list_description", None)
)


@paginate(pagination_model=PAGINATION_MODEL)
def list_resolver_endpoints(self, filters):
    if not filters:
        filters = []
    self._add_field_name_to_filter(filters)
    self._validate_filters(filters, ResolverEndpoint.FILTER_NAMES)
    return [
        e
        for e in sorted(self.resolver_endpoints.values(), key=lambda x: x.name or "")
        if self._matches_all_filters(e, filters)
    ]


Route53ResolverBackend.list_resolver_endpoints = list_resolver_endpoints

_rules_lock = threading.RLock()


def _serialized(method, direction=None):
    def call(self, group_name_or_id, *args, security_rule_ids=None, vpc_id=None, **kwargs):
        with _rules_lock:
            if direction and security_rule_ids:
                group = self.get_security_group_by_name_or_id(group_name_or_id, vpc_id)
                known = {r.id for r in getattr(group, direction + "_rules", [])} if group else set()
                unknown = [i for i in security_rule_ids if i not in known]
                if group and unknown:
                    raise InvalidSecurityGroupRuleIdNotFoundError(unknown[0])
            return method(self, group_name_or_id, *args, security_rule_ids=security_rule_ids, vpc_id=vpc_id, **kwargs)

    return call


for _name, _direction in [
    ("authorize_security_group_ingress", None),
    ("authorize_security_group_egress", None),
    ("revoke_security_group_ingress", "ingress"),
    ("revoke_security_group_egress", "egress"),
]:
    setattr(SecurityGroupBackend, _name, _serialized(getattr(SecurityGroupBackend, _name), _direction))



def _create_aws_request(self):
    signed_headers = self._get_string_between("SignedHeaders=", ",", self._headers["Authorization"]).split(";")
    headers = self._create_headers_for_aws_request(signed_headers, self._headers)
    # A form POST's body reaches moto parsed (self._data); moto's own re-encoding of it is kept.
    payload = self._body or (self._data if self._method != "GET" else b"")
    request = AWSRequest(method=self._method, url=self._path, data=payload, headers=headers)
    request.context["timestamp"] = headers["X-Amz-Date"]
    return request


IAMRequestBase._create_aws_request = _create_aws_request

aws_rules.install()


class OneCallAtATime:
    """Fix 9: each request is applied whole, one at a time, and every failed call is logged by name.

    AWS applies each API call atomically. moto keeps its state in plain dicts and lists that its
    threaded server changes from many requests at once: a DescribeRouteTables or a CreateRoute
    validating its destination against a route table's routes fails with HTTP 500 ("dictionary
    changed size during iteration") while another request adds a route to the same table, and the
    SDK's retry of a call that did change state (a 500 or a dropped answer) then meets its own
    first attempt (RouteAlreadyExists). The provider sends up to ten calls at once, so under load
    this made the suite flaky. Here one lock covers a call from its body to its last byte.
    Werkzeug's request log shows only "POST /"; a failed call is logged again with its action and
    status, so a 5xx or a retried write is explained by the moto log the harness keeps.
    """

    def __init__(self, app):
        self.app = app
        self.lock = threading.Lock()

    def __call__(self, environ, start_response):
        body = _read_body(environ)
        answered = {}

        def recording_start_response(status, headers, exc_info=None):
            answered["status"] = status
            return start_response(status, headers, exc_info)

        with self.lock:
            chunks = list(self.app(environ, recording_start_response))
        status = answered.get("status", "")
        if not status.startswith(("2", "3")):
            sys.stderr.write(
                "drslink-e2e: %s %s -> %s%s\n"
                % (_action(environ, body), environ.get("PATH_INFO", ""), status, _error_code(chunks))
            )
        return chunks


def _read_body(environ):
    length = environ.get("CONTENT_LENGTH")
    if length:
        body = environ["wsgi.input"].read(int(length))
    elif environ.get("wsgi.input_terminated"):  # chunked: werkzeug ends the stream at the last chunk
        body = environ["wsgi.input"].read()
    else:
        body = b""
    environ["wsgi.input"] = io.BytesIO(body)
    return body


def _action(environ, body):
    target = environ.get("HTTP_X_AMZ_TARGET")
    if target:
        return target
    query = urllib.parse.parse_qs(environ.get("QUERY_STRING", ""))
    if body and environ.get("CONTENT_TYPE", "").startswith("application/x-www-form-urlencoded"):
        query.update(urllib.parse.parse_qs(body.decode("utf-8", "replace")))
    return (query.get("Action") or [environ.get("REQUEST_METHOD", "?")])[0]


def _error_code(chunks):
    found = re.search(rb"<Code>([^<]+)</Code>|\"__type\":\s*\"([^\"]+)\"", b"".join(chunks)[:4000])
    return " " + (found.group(1) or found.group(2)).decode("utf-8", "replace") if found else ""


def run_simple_with_drs(host, port, app, **kwargs):
    run_simple(host, port, OneCallAtATime(DrsStandIn(app, get_account_id_from)), **kwargs)


# moto.server.main builds its app and hands it to run_simple; wrap it on the way.
moto.server.run_simple = run_simple_with_drs

if __name__ == "__main__":
    print(
        "drslink e2e: moto_server with the suite's moto fixes and the DRS stand-in",
        file=sys.stderr,
        flush=True,
    )
    moto.server.main(sys.argv[1:])
